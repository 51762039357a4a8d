import PostlintCore

/// The language a post is written in, as a multilingual site marks it, so that a post and its
/// translation (the same title, excerpt or slug in another language folder) are not duplicates:
/// the front matter's `lang` or `language` field; else a Hugo file name suffix
/// (`post.fr.md`, `index.pt-br.md`); else the first folder of the post's path named like a
/// language (`en/`, `ja/`, `pt-br/`, `zh_tw/`, as Jekyll sites and Hugo's content folders per
/// language do). A code is an ISO 639-1 language (`knownLanguages`), alone or with a region.
///
/// Nil when nothing says: posts without a language are compared with each other. A detected site
/// model can give the site's own languages instead (Hugo's `languages`) through
/// `init(knownLanguages:)`.
public struct PostLanguage: Sendable {
    /// The language codes taken from suffixes and folders, lower-cased.
    public let knownLanguages: Set<String>

    public init(knownLanguages: Set<String> = PostLanguage.isoLanguages) {
        self.knownLanguages = knownLanguages
    }

    /// The post's language, lower-cased (`pt-br`; `_` read as `-`), or nil.
    public func language(of document: Document) -> String? {
        for field in ["lang", "language"] {
            if let text = document.field(field)?.scalarText {
                let code = Self.normalized(text)
                if !code.isEmpty, code.utf8.count <= 35 { return code }
            }
        }
        return language(ofPath: document.path)
    }

    /// The language a path names by a Hugo suffix or a language folder, or nil.
    ///
    /// An ASCII path is read from its bytes: the duplicate rules ask this of every post, and
    /// splitting the path into strings cost more than the rest of a small post's site facts.
    public func language(ofPath path: String) -> String? {
        var text = path
        return text.withUTF8 { bytes -> String? in
            guard ByteScanning.isASCII(bytes) else { return language(ofUnicodePath: path) }
            let slash = UInt8(ascii: "/")
            // The last segment (the file's name): `/`s at the end are no segment.
            var nameEnd = bytes.count
            while nameEnd > 0, bytes[nameEnd - 1] == slash { nameEnd -= 1 }
            var nameStart = nameEnd
            while nameStart > 0, bytes[nameStart - 1] != slash { nameStart -= 1 }
            if nameStart < nameEnd, let suffix = Self.suffix(of: bytes, name: nameStart..<nameEnd),
                let code = code(bytes, suffix)
            {
                return code
            }
            // The folders, first to last.
            var start = 0
            while start < nameStart {
                var end = start
                while end < nameStart, bytes[end] != slash { end += 1 }
                if end > start, let code = code(bytes, start..<end) { return code }
                start = end + 1
            }
            return nil
        }
    }

    /// `language(ofPath:)` for a path that is not ASCII, split as characters (a `/` with a
    /// combining mark after it is no separator).
    private func language(ofUnicodePath path: String) -> String? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        if let name = segments.last {
            let parts = name.split(separator: ".")
            if parts.count >= 3, let code = code(parts[parts.count - 2]) { return code }
        }
        for segment in segments.dropLast() {
            if let code = code(segment) { return code }
        }
        return nil
    }

    /// In a file name of three or more parts between `.`s (empty parts not counted), the
    /// next-to-last part: `fr` in `tea.fr.md`.
    private static func suffix(of bytes: UnsafeBufferPointer<UInt8>, name: Range<Int>) -> Range<Int>? {
        let dot = UInt8(ascii: ".")
        var found = 0
        var nextToLast: Range<Int>?
        var end = name.upperBound
        while end > name.lowerBound {
            var start = end
            while start > name.lowerBound, bytes[start - 1] != dot { start -= 1 }
            if start < end {
                found += 1
                if found == 2 { nextToLast = start..<end }
                if found == 3 { return nextToLast }
            }
            end = start - 1
        }
        return nil
    }

    /// The bytes at `range` as a language code of the site: `xx`, or `xx-yyyy` with a region or
    /// script of 2 to 4 letters or digits; nil otherwise. Printable ASCII is lower-cased as
    /// bytes; anything else goes through `code(_:)`.
    private func code(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        let count = range.count
        guard
            count == 2
                || (count >= 5 && count <= 7 && (bytes[range.lowerBound + 2] == 0x2D || bytes[range.lowerBound + 2] == 0x5F))
        else { return nil }
        let segment = UnsafeBufferPointer(rebasing: bytes[range])
        guard segment.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            return code(Substring(String(decoding: segment, as: UTF8.self)))
        }
        let code = String(unsafeUninitializedCapacity: count) { output in
            for (index, byte) in segment.enumerated() {
                output[index] = byte == 0x5F ? 0x2D : (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            }
            return count
        }
        if knownLanguages.contains(code) { return code }
        guard count > 2, knownLanguages.contains(String(code.prefix(2))),
            segment[3...].allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || ($0 >= 0x30 && $0 <= 0x39) })
        else { return nil }
        return code
    }

    /// `text` as a language code of the site (see `code(_:_:)`), for text that is not all
    /// printable ASCII.
    private func code(_ text: Substring) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count == 2 || (bytes.count >= 5 && bytes.count <= 7 && (bytes[2] == 0x2D || bytes[2] == 0x5F))
        else { return nil }
        let code = Self.normalized(String(text))
        if knownLanguages.contains(code) { return code }
        guard bytes.count > 2, knownLanguages.contains(String(code.prefix(2))),
            bytes[3...].allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || ($0 >= 0x30 && $0 <= 0x39) })
        else { return nil }
        return code
    }

    private static func normalized(_ text: String) -> String {
        String(text.lowercased().map { $0 == "_" ? "-" : $0 }).trimmingWhitespace()
    }

    /// ISO 639-1's two-letter language codes.
    public static let isoLanguages: Set<String> = Set(
        """
        aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de \
        dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id \
        ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu \
        lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu \
        rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr \
        ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
        """.split(separator: " ").map(String.init))
}

private extension String {
    func trimmingWhitespace() -> String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
