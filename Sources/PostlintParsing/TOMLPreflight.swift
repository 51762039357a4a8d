/// Finds the invalid TOML that toml++ (inside TOMLKit) cannot be given because it asserts on it
/// (an abort in debug builds, undefined behaviour with assertions off): a `[` or `[[` at the start
/// of a statement followed by something that is neither a key nor `]` (`[\u{1}`, `[[[`), and a
/// date and time whose `T` is not followed by a digit (`1979-05-27T:`, `1979-05-27T/7:32`): toml++
/// assumes the hour's first digit is there. The front matter parser reports these itself and never
/// hands such text over. Each was found by fuzzing (Fuzz/, FuzzTOML, FuzzDocumentLoader).
///
/// One forward pass over the scalars: strings (basic, literal, multi-line) and comments are
/// skipped, and brackets of values are counted, so a `[` inside an array or a string is not
/// mistaken for a header.
enum TOMLPreflight {
    struct Problem: Equatable {
        /// The scalar offset of the offending character.
        var offset: Int
        var reason: String
    }

    /// The first construct toml++ must not see, or nil.
    static func firstProblem(in scalars: [Unicode.Scalar]) -> Problem? {
        var index = 0
        var depth = 0
        var atStatement = true
        // Whether the scan is in a value (after `=`, or in an array), where a date may stand; and
        // the open brackets, innermost last, to tell an inline table's keys from its values.
        var inValue = false
        var open: [UInt32] = []
        let count = scalars.count
        func value(_ offset: Int) -> UInt32 { offset < count ? scalars[offset].value : 0 }
        func skipWhitespace(_ offset: inout Int) {
            while offset < count, isHorizontalWhitespace(scalars[offset].value) { offset += 1 }
        }
        while index < count {
            if atStatement && depth == 0 {
                skipWhitespace(&index)
                guard index < count else { return nil }
                if value(index) == 0x5B {  // [
                    var cursor = index + 1
                    let before = cursor
                    skipWhitespace(&cursor)
                    if value(cursor) == 0x5B && cursor == before {
                        cursor += 1
                        skipWhitespace(&cursor)
                    }
                    if cursor < count && !startsKeyOrCloses(value(cursor)) {
                        return Problem(offset: cursor, reason: "a table header must start with a key")
                    }
                    // The rest of the header line holds no value: skip to its end.
                    while index < count, value(index) != 0x0A { index += 1 }
                    continue
                }
                atStatement = false
            }
            let character = value(index)
            switch character {
            case 0x0A:
                index += 1
                atStatement = true
                if depth == 0 { inValue = false }
            case 0x3D:  // =
                inValue = true
                index += 1
            case 0x2C:  // , starts the next key in an inline table, the next value in an array
                inValue = open.last != 0x7B
                index += 1
            case 0x23:  // # comment
                while index < count, value(index) != 0x0A { index += 1 }
            case 0x22, 0x27:  // " or '
                let triple = value(index + 1) == character && value(index + 2) == character
                index += triple ? 3 : 1
                while index < count {
                    let current = value(index)
                    if character == 0x22 && current == 0x5C {  // backslash escape in basic strings
                        index += 2
                        continue
                    }
                    if !triple && current == 0x0A { break }
                    if current == character && (!triple || (value(index + 1) == character && value(index + 2) == character)) {
                        index += triple ? 3 : 1
                        // Up to two more quotes may end a multi-line string (`""""` closes with a quote in it).
                        while triple, index < count, value(index) == character { index += 1 }
                        break
                    }
                    index += 1
                }
            case 0x5B, 0x7B:  // [ {
                depth += 1
                if open.count < 4096 { open.append(character) }
                inValue = character == 0x5B
                index += 1
            case 0x5D, 0x7D:  // ] }
                depth = max(0, depth - 1)
                if !open.isEmpty { open.removeLast() }
                inValue = depth > 0 ? open.last != 0x7B : inValue
                index += 1
            case 0x54, 0x74:  // T or t right after a date, in a value: the time must start with a digit
                if inValue, isDate(in: scalars, endingBefore: index), !(0x30...0x39).contains(value(index + 1)) {
                    return Problem(offset: index + 1, reason: "a time must start with the hour")
                }
                index += 1
            default:
                index += 1
            }
        }
        return nil
    }

    /// Whether the ten scalars before `end` read `DDDD-DD-DD` (D a decimal digit).
    private static func isDate(in scalars: [Unicode.Scalar], endingBefore end: Int) -> Bool {
        guard end >= 10 else { return false }
        for (position, offset) in (end - 10..<end).enumerated() {
            let value = scalars[offset].value
            if position == 4 || position == 7 {
                if value != 0x2D { return false }
            } else if !(0x30...0x39).contains(value) {
                return false
            }
        }
        return true
    }

    /// ASCII bare key characters, quotes, and `]` (an empty header toml++ reports as an error).
    private static func startsKeyOrCloses(_ value: UInt32) -> Bool {
        switch value {
        case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x5F, 0x2D, 0x22, 0x27, 0x5D: return true
        default: return false
        }
    }

    /// What toml++ skips as whitespace between tokens on a line (it accepts Unicode spaces too).
    private static func isHorizontalWhitespace(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x180E, 0x2000...0x200B, 0x202F, 0x205F, 0x2060, 0x3000, 0xFEFF: return true
        default: return false
        }
    }
}
