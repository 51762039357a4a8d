/// `id="..."` and `name="..."` attribute values written anywhere in a file (HTML anchors a link
/// fragment may point at), found in one pass without parsing the HTML.
enum HTMLAnchorIDs {
    static func ids(in bytes: [UInt8]) -> Set<String> {
        var ids: Set<String> = []
        let count = bytes.count
        var index = 0
        while index < count {
            let byte = bytes[index] | 0x20
            guard byte == 0x69 || byte == 0x6E, index > 0, bytes[index - 1] == 0x20 || bytes[index - 1] == 0x09
                    || bytes[index - 1] == 0x0A else {
                index += 1
                continue
            }
            let name: [UInt8] = byte == 0x69 ? [0x69, 0x64] : [0x6E, 0x61, 0x6D, 0x65]
            var cursor = index
            var matched = true
            for expected in name {
                if cursor >= count || bytes[cursor] | 0x20 != expected {
                    matched = false
                    break
                }
                cursor += 1
            }
            guard matched, cursor + 1 < count, bytes[cursor] == 0x3D,
                  bytes[cursor + 1] == 0x22 || bytes[cursor + 1] == 0x27 else {
                index += 1
                continue
            }
            let quote = bytes[cursor + 1]
            var close = cursor + 2
            while close < count, bytes[close] != quote, bytes[close] != 0x0A { close += 1 }
            if close < count, bytes[close] == quote, close > cursor + 2 {
                ids.insert(String(decoding: bytes[(cursor + 2)..<close], as: UTF8.self))
            }
            index = close
        }
        return ids
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
