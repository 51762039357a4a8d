import PostlintCore

/// One post's site facts as a cache keeps them, with what they were made from.
struct SiteFactsCacheEntry: Sendable {
    /// The path the facts name (rules give the document's display path).
    var displayPath: String
    /// The settings the facts were made under (`SiteFactsFingerprint`).
    var fingerprint: ContentDigest
    /// The post's bytes' digest.
    var content: ContentDigest
    /// The file as it was when read, when it was settled then (else nil: it is read again).
    var signature: FileSignature?
    /// Each fact with the id of the rule that gave it; their paths are `displayPath`.
    var facts: [(rule: String, fact: SiteFact)]
}

/// The cache file's layout, and the checks that make a damaged file read as no cache at all.
///
/// A header (a magic line, the format's version, the stamp of the program that wrote it, the
/// payload's length and digest), then the payload: the rule ids, then each post's entry. A file
/// whose magic, version or stamp differ, whose length is not the payload's, or whose digest does
/// not match is not read; nor is one whose payload does not decode to its end.
enum SiteFactsCacheFile {
    static let magic = Array("postlint site facts\n".utf8)
    /// Raised when the layout, or what a fact holds, changes.
    static let formatVersion: UInt64 = 1

    static func encode(_ entries: [String: SiteFactsCacheEntry], stamp: String) -> [UInt8] {
        var ruleIndex: [String: Int] = [:]
        var rules: [String] = []
        for entry in entries.values {
            for (rule, _) in entry.facts where ruleIndex[rule] == nil {
                ruleIndex[rule] = rules.count
                rules.append(rule)
            }
        }
        var payload = CacheByteWriter()
        payload.append(rules.count)
        for rule in rules { payload.append(rule) }
        payload.append(entries.count)
        for (absolutePath, entry) in entries {
            payload.append(absolutePath)
            payload.append(entry.displayPath)
            payload.append(entry.fingerprint)
            payload.append(entry.content)
            if let signature = entry.signature {
                payload.append(1)
                payload.append(signature.device)
                payload.append(signature.inode)
                payload.append(signature.size)
                payload.appendSigned(signature.modifiedSeconds)
                payload.appendSigned(signature.modifiedNanoseconds)
                payload.appendSigned(signature.changedSeconds)
                payload.appendSigned(signature.changedNanoseconds)
            } else {
                payload.append(0)
            }
            payload.append(entry.facts.count)
            for (rule, fact) in entry.facts {
                payload.append(ruleIndex[rule] ?? 0)
                payload.append(fact.key)
                payload.append(fact.value)
                payload.append(fact.start.line)
                payload.append(fact.start.column)
                payload.append(fact.end.line)
                payload.append(fact.end.column)
            }
        }
        var file = CacheByteWriter()
        file.append(bytes: magic)
        file.append(formatVersion)
        file.append(stamp)
        file.appendFixed(UInt64(payload.bytes.count))
        file.append(ContentDigest(of: payload.bytes))
        file.append(bytes: payload.bytes)
        return file.bytes
    }

    /// The entries of a cache file's bytes, or nil when they are not a whole cache written by a
    /// program with this `stamp`.
    static func decode(_ bytes: [UInt8], stamp: String) -> [String: SiteFactsCacheEntry]? {
        guard bytes.count > magic.count, bytes[0..<magic.count].elementsEqual(magic) else { return nil }
        var reader = CacheByteReader(bytes, offset: magic.count)
        do throws(CacheByteReader.Damaged) {
            guard try reader.number() == formatVersion, try reader.string() == stamp else { return nil }
            let length = try reader.fixed()
            let digest = try reader.digest()
            guard length == UInt64(reader.remaining) else { return nil }
            let payload = Array(try reader.take(Int(length)))
            guard ContentDigest(of: payload) == digest else { return nil }
            return try entries(of: payload)
        } catch {
            return nil
        }
    }

    private static func entries(of payload: [UInt8]) throws(CacheByteReader.Damaged) -> [String: SiteFactsCacheEntry] {
        var reader = CacheByteReader(payload)
        var rules: [String] = []
        for _ in 0..<(try reader.count()) { rules.append(try reader.string()) }
        let count = try reader.count()
        var entries: [String: SiteFactsCacheEntry] = [:]
        entries.reserveCapacity(count)
        for _ in 0..<count {
            let absolutePath = try reader.string()
            let displayPath = try reader.string()
            let fingerprint = try reader.digest()
            let content = try reader.digest()
            var signature: FileSignature?
            switch try reader.number() {
            case 0: signature = nil
            case 1:
                signature = FileSignature(device: try reader.number(), inode: try reader.number(), size: try reader.number(),
                                          modifiedSeconds: try reader.signed(), modifiedNanoseconds: try reader.signed(),
                                          changedSeconds: try reader.signed(), changedNanoseconds: try reader.signed())
            default: throw CacheByteReader.Damaged()
            }
            var facts: [(rule: String, fact: SiteFact)] = []
            let factCount = try reader.count()
            facts.reserveCapacity(factCount)
            for _ in 0..<factCount {
                let rule = try reader.number()
                guard rule < UInt64(rules.count) else { throw CacheByteReader.Damaged() }
                let key = try reader.string()
                let value = try reader.string()
                let start = SourceLocation(line: Int(clamping: try reader.number()), column: Int(clamping: try reader.number()))
                let end = SourceLocation(line: Int(clamping: try reader.number()), column: Int(clamping: try reader.number()))
                facts.append((rules[Int(rule)], SiteFact(path: displayPath, key: key, value: value, start: start, end: end)))
            }
            entries[absolutePath] = SiteFactsCacheEntry(displayPath: displayPath, fingerprint: fingerprint, content: content,
                                                        signature: signature, facts: facts)
        }
        guard reader.remaining == 0 else { throw CacheByteReader.Damaged() }
        return entries
    }
}
