import PostlintCore

/// A strict check of TOML 1.0 syntax, run before the text reaches toml++ (inside TOMLKit).
///
/// toml++ assumes, in assertions that are undefined behaviour with assertions off, things about
/// its input that only hold for well-formed TOML: fuzzing found one after another (`[[[`,
/// `1979-05-27T:`, `1979-05-27T/7`, `[1,}`). Rather than list the known ones, the front matter
/// parser hands toml++ only text that follows the TOML 1.0 grammar (the ABNF at toml.io): keys,
/// the four kinds of string with their escapes, integers, floats, booleans, dates and times,
/// arrays, inline tables, table headers and comments. What the grammar allows but the data model
/// forbids (a key defined twice, a month 13) is left to toml++, which reports it as an error.
///
/// One forward pass over the bytes, recursive only in arrays and inline tables. It also holds the
/// text to `ParserLimits`: tables nested no deeper than `tomlNesting` (header parts, dotted key
/// parts, arrays and inline tables together), and no more than `tomlValues` keys and values in all,
/// so toml++ and the conversion after it (which recurse a level at a time and keep a node per
/// value) see bounded depth and bounded work.
struct TOMLSyntax {
    struct Problem: Error, Equatable {
        /// The byte offset of the offending byte in the checked text.
        var offset: Int
        var reason: String
    }

    /// The deepest nesting of tables accepted (see `ParserLimits.tomlNesting`).
    static let maximumNesting = ParserLimits.tomlNesting
    /// The most key parts and values accepted (see `ParserLimits.tomlValues`).
    static let maximumValues = ParserLimits.tomlValues

    private let bytes: [UInt8]
    private var index = 0
    /// Key parts and values read so far.
    private var values = 0

    private init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The first place where `bytes` stop being TOML 1.0, or nil when they are TOML.
    static func firstProblem(in bytes: [UInt8]) -> Problem? {
        var checker = TOMLSyntax(bytes)
        do throws(Problem) {
            try checker.document()
            return nil
        } catch {
            return error
        }
    }

    // MARK: - Bytes

    private var atEnd: Bool { index >= bytes.count }
    private var current: UInt8 { index < bytes.count ? bytes[index] : 0 }
    private func byte(at offset: Int) -> UInt8 { offset < bytes.count ? bytes[offset] : 0 }

    private func problem(_ reason: String, at offset: Int? = nil) -> Problem {
        Problem(offset: min(offset ?? index, bytes.count), reason: reason)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x66)
    }
    private static func isBareKeyByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x2D || byte == 0x5F
    }

    /// Spaces and tabs.
    private mutating func skipWhitespace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
    }

    /// A line ending (LF or CRLF) at the current byte, consumed; false when there is none.
    private mutating func lineEnding() throws(Problem) -> Bool {
        if current == 0x0A {
            index += 1
            return true
        }
        if current == 0x0D {
            guard byte(at: index + 1) == 0x0A else { throw problem("a carriage return must be followed by a line feed") }
            index += 2
            return true
        }
        return false
    }

    /// Spaces, tabs, line endings and comments, as arrays allow between their values.
    private mutating func skipWhitespaceCommentsAndNewlines() throws(Problem) {
        while !atEnd {
            skipWhitespace()
            if current == 0x23 {
                try comment()
            } else if try !lineEnding() {
                return
            }
        }
    }

    // MARK: - Document

    private mutating func document() throws(Problem) {
        // How deeply the current table header nests: its keys start below it.
        var tableDepth = 0
        while true {
            skipWhitespace()
            if atEnd { return }
            if try lineEnding() { continue }
            switch current {
            case 0x23: try comment()
            case 0x5B: tableDepth = try tableHeader()
            default: try keyValue(depth: tableDepth)
            }
            skipWhitespace()
            if current == 0x23 { try comment() }
            if atEnd { return }
            guard try lineEnding() else { throw problem("expected the end of the line") }
        }
    }

    /// `# …` up to the line ending; tabs and any non-ASCII text are allowed, other controls not.
    private mutating func comment() throws(Problem) {
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D { return }
            guard byte == 0x09 || (byte >= 0x20 && byte != 0x7F) else {
                throw problem("a comment may not hold a control character")
            }
            index += 1
        }
    }

    /// `[key]` or `[[key]]`; returns how many parts its key has.
    private mutating func tableHeader() throws(Problem) -> Int {
        let isArray = byte(at: index + 1) == 0x5B
        index += isArray ? 2 : 1
        skipWhitespace()
        let parts = try key(depth: 0, missing: "a table header must start with a key")
        skipWhitespace()
        guard current == 0x5D, !isArray || byte(at: index + 1) == 0x5D else {
            throw problem(isArray ? "expected ]] to close the array of tables header" : "expected ] to close the table header")
        }
        index += isArray ? 2 : 1
        return parts
    }

    /// `key = value`, in a table nested `depth` levels deep.
    private mutating func keyValue(depth: Int) throws(Problem) {
        let parts = try key(depth: depth, missing: "expected a key")
        skipWhitespace()
        guard current == 0x3D else { throw problem("expected = after the key") }
        index += 1
        skipWhitespace()
        try value(depth: depth + parts)
    }

    /// A simple or dotted key whose first part is a table `depth + 1` levels deep; returns how
    /// many parts it has. The part that would nest deeper than the limit is the problem.
    private mutating func key(depth: Int, missing reason: String) throws(Problem) -> Int {
        var parts = 0
        while true {
            guard depth + parts < Self.maximumNesting else {
                throw problem("the key nests tables more than \(Self.maximumNesting) levels deep")
            }
            try countValue()
            try simpleKey(missing: parts == 0 ? reason : "expected a key after the dot")
            parts += 1
            let save = index
            skipWhitespace()
            guard current == 0x2E else {
                index = save
                return parts
            }
            index += 1
            skipWhitespace()
        }
    }

    /// Counts one more key part or value, refused past the limit at the current byte.
    private mutating func countValue() throws(Problem) {
        values += 1
        guard values <= Self.maximumValues else {
            throw problem("more than \(Self.maximumValues) keys and values")
        }
    }

    private mutating func simpleKey(missing reason: String) throws(Problem) {
        switch current {
        case 0x22, 0x27: try singleLineString(quote: current)
        default:
            guard Self.isBareKeyByte(current) else { throw problem(reason) }
            while index < bytes.count, Self.isBareKeyByte(bytes[index]) { index += 1 }
        }
    }

    // MARK: - Values

    /// A value in a table or array nested `depth` levels deep.
    private mutating func value(depth: Int) throws(Problem) {
        try countValue()
        switch current {
        case 0x22, 0x27:
            let quote = current
            if byte(at: index + 1) == quote, byte(at: index + 2) == quote {
                try multiLineString(quote: quote)
            } else {
                try singleLineString(quote: quote)
            }
        case 0x74: try word("true")
        case 0x66: try word("false")
        case 0x69: try word("inf")
        case 0x6E: try word("nan")
        case 0x5B: try array(depth: depth)
        case 0x7B: try inlineTable(depth: depth)
        case 0x2B, 0x2D:
            index += 1
            switch current {
            case 0x69: try word("inf")
            case 0x6E: try word("nan")
            default: try number(signed: true)
            }
        default:
            guard Self.isDigit(current) else { throw problem("expected a value") }
            if (0..<4).allSatisfy({ Self.isDigit(byte(at: index + $0)) }), byte(at: index + 4) == 0x2D {
                try dateAndTime()
            } else if Self.isDigit(byte(at: index + 1)), byte(at: index + 2) == 0x3A {
                try time()
            } else {
                try number(signed: false)
            }
        }
    }

    private mutating func word(_ expected: StaticString) throws(Problem) {
        let start = index
        let matches = expected.withUTF8Buffer { word in
            word.indices.allSatisfy { byte(at: start + $0) == word[$0] }
        }
        guard matches else { throw problem("expected a value") }
        index += expected.utf8CodeUnitCount
    }

    /// An integer (decimal, or `0x`, `0o`, `0b` unsigned) or a float.
    private mutating func number(signed: Bool) throws(Problem) {
        if !signed, current == 0x30 {
            let radix = byte(at: index + 1)
            if radix == 0x78 || radix == 0x6F || radix == 0x62 {
                index += 2
                let isDigitOfRadix: (UInt8) -> Bool
                switch radix {
                case 0x78: isDigitOfRadix = Self.isHexDigit
                case 0x6F: isDigitOfRadix = { $0 >= 0x30 && $0 <= 0x37 }
                default: isDigitOfRadix = { $0 == 0x30 || $0 == 0x31 }
                }
                try digits(isDigitOfRadix)
                return
            }
        }
        guard Self.isDigit(current) else { throw problem("expected a number") }
        if current == 0x30, Self.isDigit(byte(at: index + 1)) || byte(at: index + 1) == 0x5F {
            throw problem("a number may not start with a zero", at: index + 1)
        }
        try digits(Self.isDigit)
        if current == 0x2E {
            index += 1
            try digits(Self.isDigit)
        }
        if current == 0x65 || current == 0x45 {
            index += 1
            if current == 0x2B || current == 0x2D { index += 1 }
            try digits(Self.isDigit)
        }
    }

    /// One or more digits, an underscore only between two of them.
    private mutating func digits(_ isDigit: (UInt8) -> Bool) throws(Problem) {
        guard isDigit(current) else { throw problem("expected a digit") }
        index += 1
        while true {
            if isDigit(current) {
                index += 1
            } else if current == 0x5F {
                guard isDigit(byte(at: index + 1)) else { throw problem("an underscore must stand between two digits") }
                index += 2
            } else {
                return
            }
        }
    }

    private mutating func fixedDigits(_ count: Int, _ what: String) throws(Problem) {
        for _ in 0..<count {
            guard Self.isDigit(current) else { throw problem(what) }
            index += 1
        }
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(Problem) {
        guard current == byte else { throw problem(what) }
        index += 1
    }

    /// `YYYY-MM-DD`, optionally followed by `T`, `t` or a space and a time, optionally with an offset.
    private mutating func dateAndTime() throws(Problem) {
        try fixedDigits(4, "a date is YYYY-MM-DD")
        try expect(0x2D, "a date is YYYY-MM-DD")
        try fixedDigits(2, "a date is YYYY-MM-DD")
        try expect(0x2D, "a date is YYYY-MM-DD")
        try fixedDigits(2, "a date is YYYY-MM-DD")
        let delimiter = current
        guard delimiter == 0x54 || delimiter == 0x74 || (delimiter == 0x20 && Self.isDigit(byte(at: index + 1))) else { return }
        index += 1
        guard Self.isDigit(current) else { throw problem("a time must start with the hour (HH:MM:SS)") }
        try time()
        if current == 0x5A || current == 0x7A {
            index += 1
        } else if current == 0x2B || current == 0x2D {
            index += 1
            try fixedDigits(2, "an offset is +HH:MM or -HH:MM")
            try expect(0x3A, "an offset is +HH:MM or -HH:MM")
            try fixedDigits(2, "an offset is +HH:MM or -HH:MM")
        }
    }

    /// `HH:MM:SS` with an optional fraction.
    private mutating func time() throws(Problem) {
        try fixedDigits(2, "a time must start with the hour (HH:MM:SS)")
        try expect(0x3A, "a time is HH:MM:SS")
        try fixedDigits(2, "a time is HH:MM:SS")
        try expect(0x3A, "a time is HH:MM:SS")
        try fixedDigits(2, "a time is HH:MM:SS")
        if current == 0x2E {
            index += 1
            guard Self.isDigit(current) else { throw problem("expected digits after the decimal point") }
            while Self.isDigit(current) { index += 1 }
        }
    }

    /// An array that would nest `depth + 1` levels deep.
    private mutating func array(depth: Int) throws(Problem) {
        try checkNesting(depth)
        index += 1
        while true {
            try skipWhitespaceCommentsAndNewlines()
            if current == 0x5D {
                index += 1
                return
            }
            try value(depth: depth + 1)
            try skipWhitespaceCommentsAndNewlines()
            if current == 0x2C {
                index += 1
            } else if current == 0x5D {
                index += 1
                return
            } else {
                throw problem("expected , or ] in the array")
            }
        }
    }

    /// An inline table that would nest `depth + 1` levels deep.
    private mutating func inlineTable(depth: Int) throws(Problem) {
        try checkNesting(depth)
        index += 1
        skipWhitespace()
        if current == 0x7D {
            index += 1
            return
        }
        while true {
            try keyValue(depth: depth + 1)
            skipWhitespace()
            if current == 0x2C {
                index += 1
                skipWhitespace()
            } else if current == 0x7D {
                index += 1
                return
            } else {
                throw problem("expected , or } in the inline table (which must stay on one line)")
            }
        }
    }

    private func checkNesting(_ depth: Int) throws(Problem) {
        guard depth < Self.maximumNesting else {
            throw problem("arrays and inline tables are nested too deeply (more than \(Self.maximumNesting) levels)")
        }
    }

    // MARK: - Strings

    /// A character a string may hold as it is: tab, printable ASCII, or any non-ASCII byte.
    private static func isStringByte(_ byte: UInt8) -> Bool {
        byte == 0x09 || (byte >= 0x20 && byte != 0x7F)
    }

    /// `\b \t \n \f \r \" \\ \uXXXX \UXXXXXXXX`, the code point a Unicode scalar.
    private mutating func escape() throws(Problem) {
        let start = index
        index += 1
        switch current {
        case 0x62, 0x74, 0x6E, 0x66, 0x72, 0x22, 0x5C:
            index += 1
        case 0x75, 0x55:
            let count = current == 0x75 ? 4 : 8
            index += 1
            var value: UInt32 = 0
            for _ in 0..<count {
                guard Self.isHexDigit(current) else { throw problem("\\u takes 4 hexadecimal digits, \\U 8", at: start) }
                let digit = current <= 0x39 ? current - 0x30 : (current | 0x20) - 0x61 + 10
                value = value &* 16 &+ UInt32(digit)
                index += 1
            }
            guard Unicode.Scalar(value) != nil else { throw problem("the escape is not a Unicode scalar value", at: start) }
        default:
            throw problem("unknown escape sequence", at: start)
        }
    }

    /// A one-line string: basic (`"`, with escapes) or literal (`'`, taken as written).
    private mutating func singleLineString(quote: UInt8) throws(Problem) {
        index += 1
        while true {
            guard !atEnd, current != 0x0A, current != 0x0D else { throw problem("a string must end on its line") }
            if current == quote {
                index += 1
                return
            }
            if quote == 0x22, current == 0x5C {
                try escape()
                continue
            }
            guard Self.isStringByte(current) else { throw problem("a string may not hold a control character") }
            index += 1
        }
    }

    /// A multi-line string: basic (`"""`, with escapes and line-ending backslashes) or literal
    /// (`'''`, taken as written). A line ending right after the opening quotes is not content.
    private mutating func multiLineString(quote: UInt8) throws(Problem) {
        index += 3
        _ = try lineEnding()
        while true {
            guard !atEnd else { throw problem("the multi-line string is not closed") }
            switch current {
            case quote:
                if try closesMultiLine(quote: quote) { return }
            case 0x5C where quote == 0x22:
                // A backslash at the end of a line trims the line ending and the white space after it.
                var cursor = index + 1
                while byte(at: cursor) == 0x20 || byte(at: cursor) == 0x09 { cursor += 1 }
                if byte(at: cursor) == 0x0A || byte(at: cursor) == 0x0D {
                    index = cursor
                    while true {
                        skipWhitespace()
                        guard try lineEnding() else { break }
                    }
                } else {
                    try escape()
                }
            case 0x0A, 0x0D:
                _ = try lineEnding()
            default:
                guard Self.isStringByte(current) else { throw problem("a string may not hold a control character") }
                index += 1
            }
        }
    }

    /// At a run of `quote`: fewer than three are content; three to five close the string (up to two
    /// belong to it); more is an error.
    private mutating func closesMultiLine(quote: UInt8) throws(Problem) -> Bool {
        var count = 0
        while byte(at: index + count) == quote, index + count < bytes.count { count += 1 }
        guard count <= 5 else { throw problem("too many quotes at the end of the multi-line string", at: index + 5) }
        index += count
        return count >= 3
    }
}
