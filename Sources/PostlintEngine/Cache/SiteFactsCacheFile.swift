import PostlintCore

/// One post's site facts as a cache keeps them, with what they were made from. Loaded from a
/// file, it holds no string: its paths and facts are slices of the bytes read (one buffer for the
/// whole cache), so loading the cache of 40,000 posts allocates a table, not 80,000 strings.
struct SiteFactsCacheEntry: Sendable {
    /// The post's absolute path, as UTF-8 (read back only to ask whether a post not seen by a run
    /// is gone).
    var absolutePath: ArraySlice<UInt8>
    /// The digest of the path the facts name (rules give the document's display path).
    var displayPath: ContentDigest
    /// The settings the facts were made under (`SiteFactsFingerprint`).
    var fingerprint: ContentDigest
    /// The post's bytes' digest.
    var content: ContentDigest
    /// The file as it was when read, when it was settled then (else nil: it is read again).
    var signature: FileSignature?
    /// The id git's index gave the content, when it was read under the index (`--staged`): such
    /// a run trusts the entry for a post with this id without looking at the file.
    var blob: GitBlobID?
    /// Each fact with the id of the rule that gave it, encoded (`SiteFactsCacheFile.encodeFacts`),
    /// decoded only when used.
    var facts: ArraySlice<UInt8>
}

/// The cache file's layout, and the checks that make a damaged file read as no cache at all.
///
/// A header (a magic line, the format's version, the stamp of the program that wrote it, the
/// payload's length and digest), then the payload: each post's entry. A file
/// whose magic, version or stamp differ, whose length is not the payload's, or whose digest does
/// not match is not read; nor is one whose payload does not decode to its end.
enum SiteFactsCacheFile {
    /// Its version is raised when the layout, or what a fact holds, changes.
    static let header = CacheFileHeader(magic: Array("postlint site facts\n".utf8), formatVersion: 4)

    static func encode(_ entries: [PathKey: SiteFactsCacheEntry], stamp: String) -> [UInt8] {
        var payload = CacheByteWriter()
        payload.append(entries.count)
        for entry in entries.values {
            payload.append(entry.absolutePath.count)
            payload.append(bytes: entry.absolutePath)
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
            if let blob = entry.blob {
                payload.append(1)
                payload.append(blob.digest)
            } else {
                payload.append(0)
            }
            payload.append(entry.facts.count)
            payload.append(bytes: entry.facts)
        }
        return header.bytes(stamp: stamp, payloadLength: payload.bytes.count, digest: ContentDigest(of: payload.bytes))
            + payload.bytes
    }

    /// The entries of a cache file's bytes, or nil when they are not a whole cache written by a
    /// program with this `stamp`. The entries are slices of `bytes` (nothing is copied).
    static func decode(_ bytes: [UInt8], stamp: String) -> [PathKey: SiteFactsCacheEntry]? {
        guard let payload = header.payload(of: bytes, stamp: stamp) else { return nil }
        return try? entries(of: payload)
    }

    private static func entries(of payload: ArraySlice<UInt8>) throws(CacheByteReader.Damaged)
        -> [PathKey: SiteFactsCacheEntry]
    {
        var reader = CacheByteReader(payload)
        let count = try reader.count()
        var entries: [PathKey: SiteFactsCacheEntry] = [:]
        entries.reserveCapacity(count)
        for _ in 0..<count {
            let absolutePath = try reader.take(try reader.count())
            let displayPath = try reader.digest()
            let fingerprint = try reader.digest()
            let content = try reader.digest()
            var signature: FileSignature?
            switch try reader.number() {
            case 0: signature = nil
            case 1:
                signature = FileSignature(
                    device: try reader.number(), inode: try reader.number(), size: try reader.number(),
                    modifiedSeconds: try reader.signed(), modifiedNanoseconds: try reader.signed(),
                    changedSeconds: try reader.signed(), changedNanoseconds: try reader.signed())
            default: throw CacheByteReader.Damaged()
            }
            var blob: GitBlobID?
            switch try reader.number() {
            case 0: blob = nil
            case 1: blob = GitBlobID(digest: try reader.digest())
            default: throw CacheByteReader.Damaged()
            }
            let facts = try reader.take(try reader.count())
            entries[PathKey(bytes: absolutePath)] = SiteFactsCacheEntry(
                absolutePath: absolutePath, displayPath: displayPath, fingerprint: fingerprint, content: content,
                signature: signature, blob: blob, facts: facts)
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
        var reader = CacheByteReader(bytes)
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
