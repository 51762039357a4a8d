import PostlintCore

/// The slug functions generators apply to titles, terms and file names in URLs.
enum URLSlug {
    /// Hugo's `urlize` (paths): lower case, spaces as `-`, characters other than letters, digits and
    /// `.-_/~+#` dropped.
    static func hugo(_ text: String) -> String {
        // Nearly every file and folder name is ASCII: then byte by byte gives what the characters
        // give (no ASCII character but CR LF spans two bytes, and that one is dropped either way).
        guard ByteScanning.isASCII(text) else { return hugoByCharacters(text) }
        let bytes = text.utf8
        return String(unsafeUninitializedCapacity: bytes.count) { buffer in
            var count = 0
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    buffer[count] = byte | 0x20
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                    UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "/"),
                    UInt8(ascii: "~"), UInt8(ascii: "+"), UInt8(ascii: "#"):
                    buffer[count] = byte
                case UInt8(ascii: " "), UInt8(ascii: "\t"):
                    buffer[count] = UInt8(ascii: "-")
                default:
                    continue
                }
                count += 1
            }
            return count
        }
    }

    /// `hugo`, a character at a time: for text that is not all ASCII.
    static func hugoByCharacters(_ text: String) -> String {
        var result = ""
        for character in text.lowercased() {
            if character == " " || character == "\t" {
                result.append("-")
            } else if character.isLetter || character.isNumber || ".-_/~+#".contains(character) {
                result.append(character)
            }
        }
        return result
    }

    /// Zola's and Jekyll's `slugify` (default mode): ASCII letters and digits kept (lower case),
    /// every other run of characters one `-`, none at either end. Non-ASCII letters are kept
    /// (lowered) rather than transliterated.
    static func slugify(_ text: String, keepCase: Bool = false) -> String {
        // ASCII: byte by byte gives what the characters give (CR LF, the one ASCII character of
        // two bytes, is two separators there and one here: a single `-` either way).
        guard ByteScanning.isASCII(text) else { return slugifyByCharacters(text, keepCase: keepCase) }
        let bytes = text.utf8
        return String(unsafeUninitializedCapacity: bytes.count) { buffer in
            var count = 0
            var pendingHyphen = false
            for byte in bytes {
                let kept: UInt8
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): kept = keepCase ? byte : byte | 0x20
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): kept = byte
                default:
                    pendingHyphen = true
                    continue
                }
                if pendingHyphen, count > 0 {
                    buffer[count] = UInt8(ascii: "-")
                    count += 1
                }
                pendingHyphen = false
                buffer[count] = kept
                count += 1
            }
            return count
        }
    }

    /// `slugify`, a character at a time: for text that is not all ASCII.
    static func slugifyByCharacters(_ text: String, keepCase: Bool = false) -> String {
        var result = ""
        var pendingHyphen = false
        for character in keepCase ? text : text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingHyphen, !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.append(character)
            } else {
                pendingHyphen = true
            }
        }
        return result
    }

    /// A file name's date prefix (`2020-01-31-title` or `2020-01-31_title`): the date and the rest.
    static func datePrefix(of name: String) -> (year: String, month: String, day: String, rest: String)? {
        let bytes = name.utf8
        guard bytes.count >= 11 else { return nil }
        var ten: [UInt8] = []
        ten.reserveCapacity(11)
        for byte in bytes.prefix(11) { ten.append(byte) }
        guard isDate(ten), ten[10] == 0x2D || ten[10] == 0x5F else { return nil }
        let rest = bytes.index(bytes.startIndex, offsetBy: 11)
        return (ascii(ten[0..<4]), ascii(ten[5..<7]), ascii(ten[8..<10]), String(name[rest...]))
    }

    /// `2020-01-31…` from a front matter date (leading spaces allowed): year, month, day.
    static func date(of value: String) -> (year: String, month: String, day: String)? {
        var ten: [UInt8] = []
        ten.reserveCapacity(10)
        for byte in value.utf8.drop(while: { $0 == 0x20 || $0 == 0x09 }).prefix(10) { ten.append(byte) }
        guard ten.count == 10, isDate(ten) else { return nil }
        return (ascii(ten[0..<4]), ascii(ten[5..<7]), ascii(ten[8..<10]))
    }

    /// `dddd-dd-dd` in the first ten bytes.
    private static func isDate(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return false }
        return [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }
    }

    private static func ascii(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
