import PostlintCore

/// Values read from a JavaScript or TypeScript configuration (`docusaurus.config.js`,
/// `astro.config.mjs`, `.eleventy.js`) without running it: a key written as a property
/// (`baseUrl: '/docs/'`, `'baseUrl': …`) or an assignment (`config.baseUrl = …`), and its value
/// when that is a literal (a string without `${…}`, `true` or `false`). Comments are passed over,
/// and so are keys inside strings. A value computed by code is not known: the caller keeps the
/// generator's default and says so.
struct JavaScriptConfigScan {
    enum Literal: Equatable {
        case string(String)
        case bool(Bool)

        var string: String? {
            if case .string(let value) = self { return value }
            return nil
        }

        var bool: Bool? {
            if case .bool(let value) = self { return value }
            return nil
        }
    }

    /// The text, with each comment's bytes as spaces.
    private let code: [UInt8]
    /// Whether each byte is inside a string literal (its quotes included).
    private let inString: [Bool]

    /// A configuration file, read up to 1 MiB; nil when it cannot be read.
    init?(path: String) {
        guard case .success(let bytes) = FileReader.read(path), bytes.count <= 1_048_576 else { return nil }
        self.init(bytes: bytes)
    }

    init(text: String) {
        self.init(bytes: Array(text.utf8))
    }

    init(bytes: [UInt8]) {
        var code = bytes
        var inString = [Bool](repeating: false, count: bytes.count)
        var index = 0
        let slash = UInt8(ascii: "/"), star = UInt8(ascii: "*"), backslash = UInt8(ascii: "\\")
        while index < code.count {
            let byte = code[index]
            if byte == slash, index + 1 < code.count, code[index + 1] == slash {
                while index < code.count, code[index] != UInt8(ascii: "\n") { code[index] = 32; index += 1 }
            } else if byte == slash, index + 1 < code.count, code[index + 1] == star {
                code[index] = 32
                code[index + 1] = 32
                index += 2
                while index < code.count, !(code[index] == star && index + 1 < code.count && code[index + 1] == slash) {
                    if code[index] != UInt8(ascii: "\n") { code[index] = 32 }
                    index += 1
                }
                if index < code.count { code[index] = 32 }
                if index + 1 < code.count { code[index + 1] = 32 }
                index += 2
            } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "`") {
                inString[index] = true
                index += 1
                while index < code.count, code[index] != byte {
                    inString[index] = true
                    if code[index] == backslash, index + 1 < code.count {
                        index += 1
                        inString[index] = true
                    }
                    if byte != UInt8(ascii: "`"), code[index] == UInt8(ascii: "\n") { break }
                    index += 1
                }
                if index < code.count { inString[index] = true }
                index += 1
            } else {
                index += 1
            }
        }
        self.code = code
        self.inString = inString
    }

    var whole: Range<Int> { 0..<code.count }

    /// The literal value of the first `key` in `range`, or nil (no such key, or not a literal).
    func literal(_ key: String, in range: Range<Int>? = nil) -> Literal? {
        guard let start = valueStart(of: key, in: range ?? whole) else { return nil }
        let quote = code[start]
        if quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "`") {
            var end = start + 1
            var value: [UInt8] = []
            while end < code.count, code[end] != quote {
                if code[end] == UInt8(ascii: "\\"), end + 1 < code.count { end += 1 }
                value.append(code[end])
                end += 1
            }
            guard end < code.count else { return nil }
            let text = String(decoding: value, as: UTF8.self)
            if quote == UInt8(ascii: "`"), text.contains("${") { return nil }
            return .string(text)
        }
        for (word, value) in [("true", true), ("false", false)] where matches(word, at: start) {
            let after = start + word.utf8.count
            if after >= code.count || !Self.isIdentifier(code[after]) { return .bool(value) }
        }
        return nil
    }

    /// The range inside the braces of the object literal that is the first `key`'s value in
    /// `range` (`docs: { … }`), or nil.
    func object(_ key: String, in range: Range<Int>? = nil) -> Range<Int>? {
        guard let start = valueStart(of: key, in: range ?? whole), code[start] == UInt8(ascii: "{") else { return nil }
        var depth = 0
        var index = start
        while index < code.count {
            if !inString[index] {
                if code[index] == UInt8(ascii: "{") { depth += 1 }
                if code[index] == UInt8(ascii: "}") {
                    depth -= 1
                    if depth == 0 { return (start + 1)..<index }
                }
            }
            index += 1
        }
        return nil
    }

    /// Where the value of the first `key` in `range` starts: after the key (bare or quoted, not
    /// inside another string, not part of a longer name), `:` or `=` (not `==`), and spaces.
    private func valueStart(of key: String, in range: Range<Int>) -> Int? {
        let name = Array(key.utf8)
        guard !name.isEmpty, range.upperBound <= code.count else { return nil }
        var index = range.lowerBound
        while index + name.count <= range.upperBound {
            defer { index += 1 }
            guard code[index] == name[0], matches(key, at: index) else { continue }
            var after = index + name.count
            let before = index > 0 ? code[index - 1] : 32
            if inString[index] {
                // A quoted key: `'baseUrl': …`.
                guard index > 0, before == UInt8(ascii: "'") || before == UInt8(ascii: "\""),
                    after < code.count, code[after] == before
                else { continue }
                after += 1
            } else if Self.isIdentifier(before) {
                continue
            }
            if after < code.count, Self.isIdentifier(code[after]) { continue }
            while after < code.count, code[after] == 32 || code[after] == 9 || code[after] == 10 || code[after] == 13 {
                after += 1
            }
            guard after < code.count else { return nil }
            if code[after] == UInt8(ascii: "=") {
                if after + 1 < code.count, code[after + 1] == UInt8(ascii: "=") || code[after + 1] == UInt8(ascii: ">") {
                    continue
                }
            } else if code[after] != UInt8(ascii: ":") {
                continue
            }
            after += 1
            while after < code.count, code[after] == 32 || code[after] == 9 || code[after] == 10 || code[after] == 13 {
                after += 1
            }
            guard after < range.upperBound else { return nil }
            return after
        }
        return nil
    }

    private func matches(_ word: String, at start: Int) -> Bool {
        let bytes = Array(word.utf8)
        guard start + bytes.count <= code.count else { return false }
        for offset in 0..<bytes.count where code[start + offset] != bytes[offset] { return false }
        return true
    }

    private static func isIdentifier(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 95 || byte == 36
    }
}
