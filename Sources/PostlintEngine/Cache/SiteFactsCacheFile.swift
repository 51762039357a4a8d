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
    /// Each fact with the id of the rule that gave it, encoded (`SiteFactsCacheFile.encodeFacts`):
    /// a slice of the file read, or of the bytes recorded this run, decoded only when used, so a
    /// loaded cache of 40,000 posts holds its bytes, not a string for every fact.
    var facts: ArraySlice<UInt8>
}

/// The cache file's layout, and the checks that make a damaged file read as no cache at all.
///
/// A header (a magic line, the format's version, the stamp of the program that wrote it, the
/// payload's length and digest), then the payload: each post's entry. A file
/// whose magic, version or stamp differ, whose length is not the payload's, or whose digest does
/// not match is not read; nor is one whose payload does not decode to its end.
enum SiteFactsCacheFile {
    static let magic = Array("postlint site facts\n".utf8)
    /// Raised when the layout, or what a fact holds, changes.
    static let formatVersion: UInt64 = 2

    static func encode(_ entries: [String: SiteFactsCacheEntry], stamp: String) -> [UInt8] {
        var payload = CacheByteWriter()
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
            payload.append(bytes: Array(entry.facts))
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
            let facts = try reader.take(try reader.count())
            entries[absolutePath] = SiteFactsCacheEntry(displayPath: displayPath, fingerprint: fingerprint, content: content,
                                                        signature: signature, facts: facts)
        }
        guard reader.remaining == 0 else { throw CacheByteReader.Damaged() }
        return entries
    }

    /// One post's facts as an entry keeps them: each fact's rule id, key, value and locations.
    static func encodeFacts(_ facts: [(rule: String, fact: SiteFact)]) -> ArraySlice<UInt8> {
        var writer = CacheByteWriter()
        writer.append(facts.count)
        for (rule, fact) in facts {
            writer.append(rule)
            writer.append(fact.key)
            writer.append(fact.value)
            writer.append(fact.start.line)
            writer.append(fact.start.column)
            writer.append(fact.end.line)
            writer.append(fact.end.column)
        }
        return writer.bytes[...]
    }

    /// The facts `encodeFacts` wrote, each naming the post at `displayPath`; nil when the bytes
    /// do not decode to their end.
    static func decodeFacts(_ bytes: ArraySlice<UInt8>, displayPath: String) -> [(rule: String, fact: SiteFact)]? {
        var reader = CacheByteReader(Array(bytes))
        do throws(CacheByteReader.Damaged) {
            let count = try reader.count()
            var facts: [(rule: String, fact: SiteFact)] = []
            facts.reserveCapacity(count)
            for _ in 0..<count {
                let rule = try reader.string()
                let key = try reader.string()
                let value = try reader.string()
                let start = SourceLocation(line: Int(clamping: try reader.number()), column: Int(clamping: try reader.number()))
                let end = SourceLocation(line: Int(clamping: try reader.number()), column: Int(clamping: try reader.number()))
                facts.append((rule, SiteFact(path: displayPath, key: key, value: value, start: start, end: end)))
            }
            return reader.remaining == 0 ? facts : nil
        } catch {
            return nil
        }
    }
}
