import PostlintCore

/// Resolves the type of a plain (unquoted) YAML scalar the way YAML 1.1 loaders do (null, booleans,
/// integers, floats, timestamps), by looking at its characters once. Yams resolves implicit tags with
/// regular expressions for every scalar and every mapping key; postlint composes with Yams' basic
/// resolver and classifies here instead.
enum PlainScalarKind {
    static func classify(_ text: String) -> FrontMatterScalar.Kind {
        var contiguous = text
        return contiguous.withUTF8 { classify(text, bytes: $0) }
    }

    private static func classify(_ text: String, bytes: UnsafeBufferPointer<UInt8>) -> FrontMatterScalar.Kind {
        if bytes.isEmpty { return .null }
        // The words below are five bytes at most; longer text is not compared with each of them.
        if bytes.count <= 5 {
            if let kind = wordKind(text) { return kind }
        }
        guard let first = bytes.first, isNumberStart(first) else { return .string }
        if isInteger(bytes) { return .integer }
        if isFloat(bytes) { return .float }
        if isTimestamp(bytes) { return .date }
        return .string
    }

    /// The kind of the null, boolean and special float words.
    private static func wordKind(_ text: String) -> FrontMatterScalar.Kind? {
        switch text {
        case "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE", "false", "False", "FALSE", "yes", "Yes", "YES", "no", "No", "NO",
             "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N":
            return .boolean
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN":
            return .float
        default:
            return nil
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isNumberStart(_ byte: UInt8) -> Bool {
        isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
    }

    /// Decimal (with `_`), `0x` hex, `0o`/leading-zero octal, `0b` binary, optional sign.
    private static func isInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") { index = 1 }
        guard index < bytes.count else { return false }
        let rest = bytes[index...]
        if rest.count > 2, rest.first == UInt8(ascii: "0") {
            let marker = rest[rest.startIndex + 1]
            let digits = rest.dropFirst(2)
            switch marker {
            case UInt8(ascii: "x"):
                return !digits.isEmpty && digits.allSatisfy { isDigit($0) || (0x61...0x66).contains($0) || (0x41...0x46).contains($0) || $0 == 0x5F }
            case UInt8(ascii: "o"):
                return !digits.isEmpty && digits.allSatisfy { (0x30...0x37).contains($0) || $0 == 0x5F }
            case UInt8(ascii: "b"):
                return !digits.isEmpty && digits.allSatisfy { $0 == 0x30 || $0 == 0x31 || $0 == 0x5F }
            default:
                break
            }
        }
        guard let first = rest.first, isDigit(first) else { return false }
        return rest.allSatisfy { isDigit($0) || $0 == 0x5F }
    }

    /// `[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+]?[0-9]+)?` and `[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+`.
    private static func isFloat(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") { index = 1 }
        var sawDigit = false
        while index < bytes.count, isDigit(bytes[index]) || (sawDigit && bytes[index] == 0x5F) {
            sawDigit = true
            index += 1
        }
        var sawPoint = false
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            sawPoint = true
            index += 1
            while index < bytes.count, isDigit(bytes[index]) || bytes[index] == 0x5F {
                sawDigit = true
                index += 1
            }
        }
        guard sawDigit else { return false }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
            let start = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            guard index > start else { return false }
            return index == bytes.count
        }
        return sawPoint && index == bytes.count
    }

    /// `YYYY-MM-DD`, optionally followed by a time (`T` or spaces, then `HH:MM:SS`…).
    private static func isTimestamp(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 8, bytes.count <= 40 else { return false }
        var index = 0
        func digits(_ count: ClosedRange<Int>) -> Bool {
            let start = index
            while index < bytes.count, isDigit(bytes[index]), index - start < count.upperBound { index += 1 }
            return count.contains(index - start)
        }
        func expect(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        guard digits(4...4), expect(UInt8(ascii: "-")), digits(1...2), expect(UInt8(ascii: "-")), digits(1...2) else {
            return false
        }
        if index == bytes.count { return true }
        guard bytes[index] == UInt8(ascii: "T") || bytes[index] == UInt8(ascii: "t") || bytes[index] == 0x20 || bytes[index] == 0x09 else {
            return false
        }
        index += 1
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        guard digits(1...2), expect(UInt8(ascii: ":")), digits(2...2), expect(UInt8(ascii: ":")), digits(2...2) else {
            return false
        }
        // Fraction and zone: digits, '.', ':', '+', '-', 'Z', spaces.
        return bytes[index...].allSatisfy {
            isDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "+")
                || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "Z") || $0 == 0x20 || $0 == 0x09
        }
    }
}
