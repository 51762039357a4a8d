import PostlintCore

/// `id="..."` and `name="..."` attribute values written anywhere in a file (HTML anchors a link
/// fragment may point at), found in one pass without parsing the HTML.
enum HTMLAnchorIDs {
    static func ids(in bytes: [UInt8]) -> Set<String> {
        bytes.withUnsafeBufferPointer { ids(in: $0) }
    }

    /// Found from each `=` (memchr), looking back for the attribute's name: a file has far fewer
    /// `=` than words starting with `i` or `n`. Spaces and tabs may stand on either side of the
    /// `=` (`name = "x"`). An attribute starts after a space, tab or line feed and at or after the
    /// end of the last value taken, so a value's text is never read as attributes.
    private static func ids(in bytes: UnsafeBufferPointer<UInt8>) -> Set<String> {
        var ids: Set<String> = []
        let count = bytes.count
        var taken = 0
        var search = 0
        while let equals = ByteScanning.firstIndex(of: 0x3D, in: bytes, from: search) {
            search = equals + 1
            var open = equals + 1
            while open < count, bytes[open] == 0x20 || bytes[open] == 0x09 { open += 1 }
            var nameEnd = equals
            while nameEnd > 0, bytes[nameEnd - 1] == 0x20 || bytes[nameEnd - 1] == 0x09 { nameEnd -= 1 }
            guard open < count, bytes[open] == 0x22 || bytes[open] == 0x27,
                let nameStart = attributeStart(endingAt: nameEnd, in: bytes), nameStart >= taken
            else { continue }
            let quote = bytes[open]
            var close = open + 1
            while close < count, bytes[close] != quote, bytes[close] != 0x0A { close += 1 }
            if close < count, bytes[close] == quote, close > open + 1 {
                ids.insert(String(decoding: UnsafeBufferPointer(rebasing: bytes[(open + 1)..<close]), as: UTF8.self))
            }
            taken = close
            search = max(search, close)
        }
        return ids
    }

    /// Where `id` or `name` (any case) starts when it ends just before `end`, after a space, tab
    /// or line feed.
    private static func attributeStart(endingAt end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A }
        if end >= 3, bytes[end - 2] | 0x20 == 0x69, bytes[end - 1] | 0x20 == 0x64, isBlank(bytes[end - 3]) {
            return end - 2
        }
        if end >= 5, bytes[end - 4] | 0x20 == 0x6E, bytes[end - 3] | 0x20 == 0x61,
            bytes[end - 2] | 0x20 == 0x6D, bytes[end - 1] | 0x20 == 0x65, isBlank(bytes[end - 5])
        {
            return end - 4
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
