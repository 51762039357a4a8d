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
        var pendingSpace = false
        for byte in value.utf8 {
            let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                if pendingSpace, !output.isEmpty { output.append(0x20) }
                pendingSpace = false
                output.append(lower)
            } else {
                pendingSpace = true
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The 64-bit FNV-1a hash of `text`'s bytes.
    static func hash(of text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// `hash(of: text)` in base 36: at most 13 lower-case letters and digits, so it is stored
    /// inside the string value, and `normalized` leaves it as it is. Two different texts share a
    /// digest with a chance below one in a billion among 100,000 posts.
    static func digest(of text: String) -> String {
        String(hash(of: text), radix: 36)
    }

    /// One finding per fact whose normalized value another post shares.
    ///
    /// Values are first told apart by the hash of their normalized text, which costs a few bytes
    /// per post however long the values; only the few values that share a hash are compared
    /// as text.
    static func findings(_ facts: [SiteFact], key: String, metadata: RuleMetadata,
                         normalize: (String) -> String = normalized,
                         message: (_ value: String, _ others: String) -> String) -> [Finding] {
        // Each fact's hash beside its index, sorted: values shared by two posts sit side by side.
        var hashes: [(hash: UInt64, index: Int32)] = []
        hashes.reserveCapacity(facts.count)
        for (index, fact) in facts.enumerated() where fact.key == key {
            let normalized = normalize(fact.value)
            if !normalized.isEmpty { hashes.append((hash(of: normalized), Int32(truncatingIfNeeded: index))) }
        }
        hashes.sort { $0.hash < $1.hash }
        var shared: Set<UInt64> = []
        var start = 0
        while start < hashes.count {
            var end = start + 1
            while end < hashes.count, hashes[end].hash == hashes[start].hash { end += 1 }
            let firstPath = facts[Int(hashes[start].index)].path
            if hashes[start..<end].contains(where: { facts[Int($0.index)].path != firstPath }) { shared.insert(hashes[start].hash) }
            start = end
        }
        hashes = []
        guard !shared.isEmpty else { return [] }
        var groups: [String: [SiteFact]] = [:]
        for fact in facts where fact.key == key {
            let normalized = normalize(fact.value)
            if !normalized.isEmpty, shared.contains(hash(of: normalized)) { groups[normalized, default: []].append(fact) }
        }
        var findings: [Finding] = []
        for (_, group) in groups {
            let paths = Array(Set(group.map(\.path))).sorted()
            guard paths.count > 1 else { continue }
            for fact in group {
                findings.append(Finding(path: fact.path, start: fact.start, end: fact.end, ruleID: metadata.id,
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

    /// A fact for the canonical string field `name`, positioned at its value.
    static func fieldFact(_ name: String, key: String, of document: Document, context: RuleContext) -> [SiteFact] {
        guard let node = document.field(context.fieldNames.name(of: name)), let text = node.scalarText,
              !text.isEmpty else { return [] }
        return [SiteFact(path: document.path, key: key, value: text, start: document.location(of: node.range.lowerBound),
                         end: document.location(of: node.range.upperBound))]
    }
}
