import Foundation

/// The slug functions generators apply to titles, terms and file names in URLs.
enum URLSlug {
    /// Hugo's `urlize` (paths): lower case, spaces as `-`, characters other than letters, digits and
    /// `.-_/~+#` dropped.
    static func hugo(_ text: String) -> String {
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
        let bytes = Array(name.utf8)
        guard bytes.count >= 11 else { return nil }
        let digits = [0, 1, 2, 3, 5, 6, 8, 9]
        guard digits.allSatisfy({ bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }), bytes[4] == 0x2D, bytes[7] == 0x2D,
              bytes[10] == 0x2D || bytes[10] == 0x5F else { return nil }
        let text = Array(name)
        return (String(text[0..<4]), String(text[5..<7]), String(text[8..<10]), String(text[11...]))
    }

    /// `2020-01-31…` from a front matter date: year, month, day.
    static func date(of value: String) -> (year: String, month: String, day: String)? {
        let text = Array(value.trimmingCharacters(in: .whitespaces))
        guard text.count >= 10, text[4] == "-", text[7] == "-",
              [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy({ text[$0].isASCII && text[$0].isNumber }) else { return nil }
        return (String(text[0..<4]), String(text[5..<7]), String(text[8..<10]))
    }
}
