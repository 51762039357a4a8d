import PostlintCore

/// Resolves the type of a plain (unquoted) YAML scalar by looking at its bytes once, under the
/// rules of a `YAMLVersion`:
///
/// - 1.1: exactly the implicit resolvers of the libyaml loaders (PyYAML's safe loader): the words
///   `yes`/`no`/`on`/`off`/`true`/`false` (three spellings each) are booleans, `y` and `n` are not;
///   `0`-prefixed octal, `0x` hex, `0b` binary and base-60 (`1:30:00`) integers; floats need a
///   point (`1.5`, `1.`, `.5`, `1.0e+3`), so `1e3` is a string; `YYYY-MM-DD` dates (two-digit
///   month and day) and timestamps with a time.
/// - 1.2 (core schema): `true`/`false`, decimal, `0o` and `0x` integers, floats with an optional
///   point and exponent (`1e3`), the same dates and timestamps as 1.1.
///
/// A date that does not exist (`2024-02-30`) is a string under both, as Ruby's loader reads it.
enum PlainScalarKind {
    static func classify(_ text: String, version: YAMLVersion = .v1_1) -> FrontMatterScalar.Kind {
        var contiguous = text
        return contiguous.withUTF8 { classify(bytes: $0, version: version) }
    }

    static func classify(bytes: UnsafeBufferPointer<UInt8>, version: YAMLVersion) -> FrontMatterScalar.Kind {
        guard let first = bytes.first else { return .null }
        // Every typed form starts with one of these; the rest (nearly every string) stops here.
        switch first {
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"):
            if isNull(bytes) { return .null }
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            break
        case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "y"),
            UInt8(ascii: "Y"), UInt8(ascii: "o"), UInt8(ascii: "O"):
            break
        default:
            return .string
        }
        if bytes.count <= 5, isBoolean(bytes, version: version) { return .boolean }
        guard isNumberStart(first) else { return .string }
        switch version {
        case .v1_1:
            if isInteger11(bytes) { return .integer }
            if isFloat11(bytes) { return .float }
        case .v1_2:
            if isInteger12(bytes) { return .integer }
            if isFloat12(bytes) { return .float }
        }
        if let date = TimestampForm(bytes) { return date.exists ? .date : .string }
        return .string
    }

    // MARK: - Words

    private static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ words: StaticString...) -> Bool {
        for word in words where word.utf8CodeUnitCount == bytes.count {
            if UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount).elementsEqual(bytes) {
                return true
            }
        }
        return false
    }

    private static func isNull(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        equals(bytes, "~", "null", "Null", "NULL")
    }

    private static func isBoolean(_ bytes: UnsafeBufferPointer<UInt8>, version: YAMLVersion) -> Bool {
        if equals(bytes, "true", "True", "TRUE", "false", "False", "FALSE") { return true }
        guard version == .v1_1 else { return false }
        return equals(bytes, "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF")
    }

    /// The 1.1 words for true and false in any letter case, as the 1.1 loaders read an explicit `!!bool`.
    static func booleanWordIgnoringCase(_ text: String) -> Bool {
        ["yes", "no", "true", "false", "on", "off"].contains(text.lowercased())
    }

    // MARK: - Numbers

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isOctalDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x37 }
    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 0x61 && byte <= 0x66) || (byte >= 0x41 && byte <= 0x46)
    }
    private static let underscore = UInt8(ascii: "_")

    private static func isNumberStart(_ byte: UInt8) -> Bool {
        isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
    }

    /// A reader over the scalar's bytes for the number forms below.
    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var atEnd: Bool { index == bytes.count }
        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipSign() {
            if current == UInt8(ascii: "-") || current == UInt8(ascii: "+") { index += 1 }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard current == byte else { return false }
            index += 1
            return true
        }

        /// Skips bytes that satisfy `accepts`; how many.
        @discardableResult
        mutating func skip(while accepts: (UInt8) -> Bool) -> Int {
            let start = index
            while let byte = current, accepts(byte) { index += 1 }
            return index - start
        }

        /// `(:[0-5]?[0-9])+`: base-60 groups; whether at least one was read.
        mutating func skipSexagesimalGroups() -> Bool {
            var groups = 0
            while current == UInt8(ascii: ":") {
                let save = index
                index += 1
                let digits = skip(while: PlainScalarKind.isDigit)
                let valid = digits == 1 || (digits == 2 && bytes[index - 2] <= UInt8(ascii: "5"))
                guard valid else {
                    index = save
                    break
                }
                groups += 1
            }
            return groups > 0
        }
    }

    /// PyYAML's int: `[-+]?0b[0-1_]+`, `[-+]?0[0-7_]+`, `[-+]?(0|[1-9][0-9_]*)`, `[-+]?0x[0-9a-fA-F_]+`,
    /// `[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+`.
    private static func isInteger11(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var cursor = Cursor(bytes: bytes)
        cursor.skipSign()
        guard let first = cursor.current, isDigit(first) else { return false }
        if first == UInt8(ascii: "0") {
            cursor.index += 1
            if cursor.atEnd { return true }
            if cursor.take(UInt8(ascii: "b")) {
                return cursor.skip { $0 == 0x30 || $0 == 0x31 || $0 == underscore } > 0 && cursor.atEnd
            }
            if cursor.take(UInt8(ascii: "x")) {
                return cursor.skip { isHexDigit($0) || $0 == underscore } > 0 && cursor.atEnd
            }
            return cursor.skip { isOctalDigit($0) || $0 == underscore } > 0 && cursor.atEnd
        }
        cursor.skip { isDigit($0) || $0 == underscore }
        if cursor.atEnd { return true }
        return cursor.skipSexagesimalGroups() && cursor.atEnd
    }

    /// PyYAML's float: `[-+]?[0-9][0-9_]*\.[0-9_]*([eE][-+][0-9]+)?`, `\.[0-9][0-9_]*([eE][-+][0-9]+)?`,
    /// `[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*`, `[-+]?\.(inf|Inf|INF)`, `\.(nan|NaN|NAN)`.
    private static func isFloat11(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if equals(
            bytes, ".inf", ".Inf", ".INF", "-.inf", "-.Inf", "-.INF", "+.inf", "+.Inf", "+.INF",
            ".nan", ".NaN", ".NAN")
        {
            return true
        }
        var cursor = Cursor(bytes: bytes)
        func exponent(_ cursor: inout Cursor) -> Bool {
            if cursor.atEnd { return true }
            guard cursor.take(UInt8(ascii: "e")) || cursor.take(UInt8(ascii: "E")) else { return false }
            guard cursor.take(UInt8(ascii: "-")) || cursor.take(UInt8(ascii: "+")) else { return false }
            return cursor.skip(while: isDigit) > 0 && cursor.atEnd
        }
        if cursor.current == UInt8(ascii: ".") {
            cursor.index += 1
            guard let digit = cursor.current, isDigit(digit) else { return false }
            cursor.skip { isDigit($0) || $0 == underscore }
            return exponent(&cursor)
        }
        cursor.skipSign()
        guard let first = cursor.current, isDigit(first) else { return false }
        cursor.skip { isDigit($0) || $0 == underscore }
        if cursor.take(UInt8(ascii: ".")) {
            cursor.skip { isDigit($0) || $0 == underscore }
            return exponent(&cursor)
        }
        guard cursor.skipSexagesimalGroups(), cursor.take(UInt8(ascii: ".")) else { return false }
        cursor.skip { isDigit($0) || $0 == underscore }
        return cursor.atEnd
    }

    /// The core schema's int: `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`.
    private static func isInteger12(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var cursor = Cursor(bytes: bytes)
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0") {
            if bytes[1] == UInt8(ascii: "o") {
                cursor.index = 2
                return cursor.skip(while: isOctalDigit) > 0 && cursor.atEnd
            }
            if bytes[1] == UInt8(ascii: "x") {
                cursor.index = 2
                return cursor.skip(while: isHexDigit) > 0 && cursor.atEnd
            }
        }
        cursor.skipSign()
        return cursor.skip(while: isDigit) > 0 && cursor.atEnd
    }

    /// The core schema's float: `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`,
    /// `[-+]?\.(inf|Inf|INF)`, `\.(nan|NaN|NAN)`.
    private static func isFloat12(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if equals(
            bytes, ".inf", ".Inf", ".INF", "-.inf", "-.Inf", "-.INF", "+.inf", "+.Inf", "+.INF",
            ".nan", ".NaN", ".NAN")
        {
            return true
        }
        var cursor = Cursor(bytes: bytes)
        cursor.skipSign()
        if cursor.take(UInt8(ascii: ".")) {
            guard cursor.skip(while: isDigit) > 0 else { return false }
        } else {
            guard cursor.skip(while: isDigit) > 0 else { return false }
            if cursor.take(UInt8(ascii: ".")) { cursor.skip(while: isDigit) }
        }
        if cursor.atEnd { return true }
        guard cursor.take(UInt8(ascii: "e")) || cursor.take(UInt8(ascii: "E")) else { return false }
        _ = cursor.take(UInt8(ascii: "-")) || cursor.take(UInt8(ascii: "+"))
        return cursor.skip(while: isDigit) > 0 && cursor.atEnd
    }

    // MARK: - Dates

    /// PyYAML's timestamp: `YYYY-MM-DD`, or `YYYY-M-D` followed by `T`, `t` or blanks, `H:MM:SS`,
    /// an optional fraction and an optional zone (`Z`, `+H`, `-HH:MM`, after optional blanks).
    struct TimestampForm {
        var year = 0
        var month = 0
        var day = 0

        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard bytes.count >= 10, bytes.count <= 64 else { return nil }
            var cursor = Cursor(bytes: bytes)
            func number(_ digits: ClosedRange<Int>, _ cursor: inout Cursor) -> Int? {
                let start = cursor.index
                while let byte = cursor.current, PlainScalarKind.isDigit(byte), cursor.index - start < digits.upperBound {
                    cursor.index += 1
                }
                guard digits.contains(cursor.index - start) else { return nil }
                return bytes[start..<cursor.index].reduce(0) { $0 * 10 + Int($1 - 0x30) }
            }
            guard let year = number(4...4, &cursor), cursor.take(UInt8(ascii: "-")),
                let month = number(1...2, &cursor), cursor.take(UInt8(ascii: "-")),
                let day = number(1...2, &cursor)
            else { return nil }
            self.year = year
            self.month = month
            self.day = day
            if cursor.atEnd {
                // A date alone has a two-digit month and day.
                guard cursor.index == 10 else { return nil }
                return
            }
            if !(cursor.take(UInt8(ascii: "T")) || cursor.take(UInt8(ascii: "t"))) {
                guard cursor.skip(while: { $0 == 0x20 || $0 == 0x09 }) > 0 else { return nil }
            }
            guard number(1...2, &cursor) != nil, cursor.take(UInt8(ascii: ":")), number(2...2, &cursor) != nil,
                cursor.take(UInt8(ascii: ":")), number(2...2, &cursor) != nil
            else { return nil }
            if cursor.take(UInt8(ascii: ".")) { cursor.skip(while: PlainScalarKind.isDigit) }
            if cursor.atEnd { return }
            cursor.skip { $0 == 0x20 || $0 == 0x09 }
            if cursor.take(UInt8(ascii: "Z")) { if cursor.atEnd { return } else { return nil } }
            guard cursor.take(UInt8(ascii: "+")) || cursor.take(UInt8(ascii: "-")), number(1...2, &cursor) != nil else {
                return nil
            }
            if cursor.take(UInt8(ascii: ":")) {
                guard number(2...2, &cursor) != nil else { return nil }
            }
            guard cursor.atEnd else { return nil }
        }

        /// Whether the day exists in the proleptic Gregorian calendar.
        var exists: Bool {
            guard (1...12).contains(month), day >= 1 else { return false }
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            return day <= lengths[month - 1]
        }
    }

    /// Whether `text` is a timestamp by the 1.1 form (for an explicit `!!timestamp`).
    static func isTimestamp(_ text: String) -> Bool {
        var contiguous = text
        return contiguous.withUTF8 { TimestampForm($0)?.exists ?? false }
    }
}
