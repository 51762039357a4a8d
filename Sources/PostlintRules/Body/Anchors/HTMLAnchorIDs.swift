import PostlintCore

/// `id="..."` and `name="..."` attribute values written anywhere in a file (HTML anchors a link
/// fragment may point at), found in one pass without parsing the HTML.
enum HTMLAnchorIDs {
    static func ids(in bytes: [UInt8]) -> Set<String> {
        bytes.withUnsafeBufferPointer { ids(in: $0) }
    }

    /// Found from each `=` (memchr), looking back for the attribute's name: a file has far fewer
    /// `=` than words starting with `i` or `n`. An attribute starts after a space, tab or line
    /// feed and at or after the end of the last value taken, so a value's text is never read as
    /// attributes.
    private static func ids(in bytes: UnsafeBufferPointer<UInt8>) -> Set<String> {
        var ids: Set<String> = []
        let count = bytes.count
        var taken = 0
        var search = 0
        while let equals = ByteScanning.firstIndex(of: 0x3D, in: bytes, from: search) {
            search = equals + 1
            guard equals + 1 < count, bytes[equals + 1] == 0x22 || bytes[equals + 1] == 0x27,
                let nameStart = attributeStart(before: equals, in: bytes), nameStart >= taken
            else { continue }
            let quote = bytes[equals + 1]
            var close = equals + 2
            while close < count, bytes[close] != quote, bytes[close] != 0x0A { close += 1 }
            if close < count, bytes[close] == quote, close > equals + 2 {
                ids.insert(String(decoding: UnsafeBufferPointer(rebasing: bytes[(equals + 2)..<close]), as: UTF8.self))
            }
            taken = close
            search = max(search, close)
        }
        return ids
    }

    /// Where `id` or `name` (any case) ends just before `equals`, after a space, tab or line feed.
    private static func attributeStart(before equals: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A }
        if equals >= 3, bytes[equals - 2] | 0x20 == 0x69, bytes[equals - 1] | 0x20 == 0x64, isBlank(bytes[equals - 3]) {
            return equals - 2
        }
        if equals >= 5, bytes[equals - 4] | 0x20 == 0x6E, bytes[equals - 3] | 0x20 == 0x61,
            bytes[equals - 2] | 0x20 == 0x6D, bytes[equals - 1] | 0x20 == 0x65, isBlank(bytes[equals - 5])
        {
            return equals - 4
        }
        return nil
    }

    /// Where the body starts: after a `---` or `+++` front matter block, if the file has one.
    static func bodyStart(of bytes: [UInt8]) -> Int {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        let fence = Array(bytes[start..<min(bytes.count, start + 3)])
        guard fence == Array("---".utf8) || fence == Array("+++".utf8) else { return 0 }
        var lineStart = start
        var isFirst = true
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            var content = lineEnd
            while content > lineStart, bytes[content - 1] == 0x0D || bytes[content - 1] == 0x20 { content -= 1 }
            if Array(bytes[lineStart..<content]) == fence {
                if !isFirst { return min(bytes.count, lineEnd + 1) }
            } else if isFirst {
                return 0
            }
            isFirst = false
            lineStart = lineEnd + 1
        }
        return 0
    }
}
