import PostlintCore

/// Shared by the site rules that report two posts with one value (a title, an excerpt, a
/// keyphrase): groups facts by a normalized form of their value and reports each post of a group,
/// naming the others.
enum SiteDuplicates {
    /// `value` lower-cased, its words joined by single spaces, punctuation dropped.
    static func normalized(_ value: String) -> String {
        value.utf8.allSatisfy({ $0 < 0x80 }) ? normalizedASCII(value) : normalizedUnicode(value)
    }

    /// Letters and digits of any script, lower-cased, runs of anything else as one space.
    static func normalizedUnicode(_ value: String) -> String {
        normalizedByTable(value) ?? normalizedByCharacters(value)
    }

    /// `normalizedUnicode` a scalar at a time, for text whose every scalar `ScalarTable` answers
    /// for (each is then a character of its own); nil for other text.
    static func normalizedByTable(_ value: String) -> String? {
        var output: [UInt8] = []
        output.reserveCapacity(value.utf8.count)
        var pendingSpace = false
        for scalar in value.unicodeScalars {
            guard let entry = ScalarTable.entry(scalar) else { return nil }
            guard entry.kind == .letterOrNumber else {
                pendingSpace = true
                continue
            }
            if pendingSpace, !output.isEmpty { output.append(0x20) }
            pendingSpace = false
            UTF8.encode(entry.lowercase) { output.append($0) }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `normalizedUnicode` a character at a time, as the standard library tells letters, digits
    /// and lower case.
    static func normalizedByCharacters(_ value: String) -> String {
        var output = ""
        var pendingSpace = false
        for character in value.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingSpace, !output.isEmpty { output.append(" ") }
                pendingSpace = false
                output.append(character)
            } else {
                pendingSpace = true
            }
        }
        return output
    }

    /// `normalized` for ASCII text, byte by byte: the same result without Unicode properties.
    static func normalizedASCII(_ value: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(value.utf8.count)
        forEachNormalizedASCIIByte(of: value.utf8) { output.append($0) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Calls `body` with each byte of the normalized form of ASCII `bytes`, in order, without
    /// building it: lower-cased letters and digits, one space for each run of anything else
    /// between them.
    static func forEachNormalizedASCIIByte(of bytes: some Sequence<UInt8>, _ body: (UInt8) -> Void) {
        var pendingSpace = false
        var wroteAny = false
        for byte in bytes {
            let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                if pendingSpace, wroteAny { body(0x20) }
                pendingSpace = false
                wroteAny = true
                body(lower)
            } else {
                pendingSpace = true
            }
        }
    }

    /// The FNV-1a offset basis: the hash of no bytes.
    static let emptyHash: UInt64 = 0xCBF2_9CE4_8422_2325

    /// Each ASCII byte's normalized form (`forEachNormalizedASCIIByte`): the letter lower-cased
    /// or the digit, 0 for a byte that separates words.
    private static let normalizedASCIIBytes: [UInt8] = (0..<128).map { value in
        let byte = UInt8(value)
        let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        return (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) ? lower : 0
    }

    /// The hash of the normalized form of ASCII `bytes` (as hashing each byte
    /// `forEachNormalizedASCIIByte` gives), nil when that form is empty: one table look-up a byte.
    static func hashOfNormalizedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        normalizedASCIIBytes.withUnsafeBufferPointer { table in
            var hash = emptyHash
            var pendingSpace = false
            var wroteAny = false
            for byte in bytes {
                let normalized = table[Int(byte & 0x7F)]
                if normalized == 0 {
                    pendingSpace = true
                    continue
                }
                if pendingSpace, wroteAny { hash = self.hash(hash, adding: 0x20) }
                pendingSpace = false
                wroteAny = true
                hash = self.hash(hash, adding: normalized)
            }
            return wroteAny ? hash : nil
        }
    }

    /// `hash` with `byte` mixed in (one step of 64-bit FNV-1a).
    static func hash(_ hash: UInt64, adding byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    /// The 64-bit FNV-1a hash of `text`'s bytes.
    static func hash(of text: String) -> UInt64 {
        text.utf8.reduce(emptyHash, hash(_:adding:))
    }

    /// A hash (`hash(of:)` of a normalised text) in base 36: at most 13 lower-case letters and digits, so it is stored
    /// inside the string value, and `normalized` leaves it as it is. Two different texts share a
    /// digest with a chance below one in a billion among 100,000 posts.
    static func digest(ofHash hash: UInt64) -> String {
        // `String(hash, radix: 36)`, written out: at most 13 digits, a string small enough to be
        // held inline (the general conversion was most of the cost of the excerpt's fact).
        let digits: StaticString = "0123456789abcdefghijklmnopqrstuvwxyz"
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 13) { buffer in
            var value = hash
            var start = 13
            repeat {
                start -= 1
                buffer[start] = digits.utf8Start[Int(value % 36)]
                value /= 36
            } while value > 0
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<13]), as: UTF8.self)
        }
    }

    /// How two posts' values are compared.
    enum Comparison {
        /// Byte for byte (slugs, as URLs are).
        case exact
        /// By their `normalized` forms: ignoring letter case and punctuation.
        case normalized

        /// The compared form of `value`.
        func form(of value: String) -> String {
            self == .exact ? value : SiteDuplicates.normalized(value)
        }

        /// The hash of the compared form of the value whose bytes are `bytes`, as
        /// `hash(of: form(of:))` gives it; nil when that form is empty. An ASCII value is hashed
        /// as it is normalized, without building a string.
        func hash(ofValue bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
            switch self {
            case .exact:
                return bytes.isEmpty ? nil : bytes.reduce(SiteDuplicates.emptyHash, SiteDuplicates.hash(_:adding:))
            case .normalized:
                guard ByteScanning.isASCII(bytes) else {
                    let normalized = SiteDuplicates.normalizedUnicode(String(decoding: bytes, as: UTF8.self))
                    return normalized.isEmpty ? nil : SiteDuplicates.hash(of: normalized)
                }
                return SiteDuplicates.hashOfNormalizedASCII(bytes)
            }
        }
    }

    /// One finding per fact with `key` whose compared value another post shares. With
    /// `largeGroup`, a value shared by at least `size` posts gets one `info` finding instead, on
    /// the first of its posts (by path), worded by `message` from the value and the sorted paths.
    ///
    /// Values are first told apart by the hash of their compared form, read from the facts'
    /// bytes: a few bytes per post however long the values, and no string built per post. Only
    /// the few values that share a hash are decoded and compared as text.
    static func findings(
        _ facts: SiteFacts, key: String, metadata: RuleMetadata, comparison: Comparison = .normalized,
        largeGroup: (size: Int, message: (_ value: String, _ sortedPaths: [String]) -> String)? = nil,
        message: (_ value: String, _ others: String) -> String
    ) -> [Finding] {
        // Each fact's hash beside its position (made once: a title that is not ASCII is normalized
        // as a string for it), then sorted: values shared by two posts sit side by side. A post's
        // language (`PostLanguage`) is part of the value compared: a translation that keeps the
        // title is not a duplicate.
        var factHashes: [(hash: UInt64, position: Int)] = []
        factHashes.reserveCapacity(facts.count)
        for position in facts.indices {
            guard let language = languagePart(of: facts.key(at: position), key: key),
                var hash = facts.withValueBytes(at: position, comparison.hash(ofValue:))
            else { continue }
            for byte in language.utf8 { hash = self.hash(hash, adding: byte) }
            factHashes.append((hash, position))
        }
        var hashes = factHashes.sorted { $0.hash < $1.hash }
        var shared: Set<UInt64> = []
        var start = 0
        while start < hashes.count {
            var end = start + 1
            while end < hashes.count, hashes[end].hash == hashes[start].hash { end += 1 }
            let first = hashes[start].position
            if hashes[start..<end].contains(where: { !facts.samePath($0.position, first) }) { shared.insert(hashes[start].hash) }
            start = end
        }
        hashes = []
        guard !shared.isEmpty else { return [] }
        var groups: [String: [Int]] = [:]
        // The facts whose hash is shared, in order, their hashes as the first pass made them.
        for (hash, position) in factHashes where shared.contains(hash) {
            guard let language = languagePart(of: facts.key(at: position), key: key) else { continue }
            groups[comparison.form(of: facts.value(at: position)) + "\u{0}" + language, default: []].append(position)
        }
        var findings: [Finding] = []
        for (_, group) in groups {
            let paths = Array(Set(group.map(facts.path(at:)))).sorted()
            guard paths.count > 1 else { continue }
            if let largeGroup, paths.count >= largeGroup.size,
                let position = group.first(where: { facts.path(at: $0) == paths[0] })
            {
                let fact = facts[position]
                findings.append(
                    Finding(
                        path: fact.path, start: fact.start, end: fact.end, ruleID: metadata.id,
                        severity: .info, message: largeGroup.message(fact.value, paths)))
                continue
            }
            for position in group {
                let fact = facts[position]
                findings.append(
                    Finding(
                        path: fact.path, start: fact.start, end: fact.end, ruleID: metadata.id,
                        severity: metadata.defaultSeverity,
                        message: message(fact.value, otherPaths(paths, besides: fact.path))))
            }
        }
        return findings
    }

    /// The posts of a group other than `path`, from its sorted unique paths: at most `listed` named,
    /// then how many more (so a value shared by hundreds of posts costs the same per post).
    static func otherPaths(_ sortedPaths: [String], besides path: String, listed: Int = 3) -> String {
        var named: [String] = []
        for candidate in sortedPaths where candidate != path {
            named.append(candidate)
            if named.count == listed { break }
        }
        let remaining = sortedPaths.count - 1 - named.count
        let list = named.joined(separator: ", ")
        return remaining > 0 ? "\(list) and \(remaining) other\(remaining == 1 ? "" : "s")" : list
    }

    /// A fact for the canonical string field `name`, positioned at its value, keyed by
    /// `factKey(key, of:)`.
    static func fieldFact(_ name: String, key: String, of document: Document, context: RuleContext) -> [SiteFact] {
        guard let node = document.field(context.fieldNames.name(of: name)), let text = node.scalarText,
            !text.isEmpty
        else { return [] }
        return [
            SiteFact(
                path: document.path, key: factKey(key, of: document), value: text,
                start: document.location(of: node.range.lowerBound),
                end: document.location(of: node.range.upperBound))
        ]
    }

    /// How the languages of posts are told.
    static let languages = PostLanguage()

    /// The key of a post's fact: `key`, followed by `@` and the post's language when it has one
    /// (`title@ja`), so that posts are compared within their language only.
    static func factKey(_ key: String, of document: Document) -> String {
        guard let language = languages.language(of: document) else { return key }
        return key + "@" + language
    }

    /// The language part of a fact's key for the rule's `key`: "" for a post without a language,
    /// the language for `key@language`, nil for another rule's key.
    static func languagePart(of factKey: String, key: String) -> Substring? {
        guard factKey.hasPrefix(key) else { return nil }
        let rest = factKey.utf8.dropFirst(key.utf8.count)
        if rest.isEmpty { return "" }
        guard rest.first == UInt8(ascii: "@") else { return nil }
        return Substring(rest.dropFirst())
    }
}
