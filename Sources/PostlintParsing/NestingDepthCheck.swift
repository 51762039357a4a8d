/// Estimates how deeply YAML text nests, in one pass and without parsing, so that pathological
/// nesting is refused before a recursive parser sees it.
///
/// The estimate counts the enclosing block indentation levels, the `- ` sequence entries opened on
/// a line, and the open flow brackets (`[`, `{`) outside quoted strings. It never underestimates the
/// depth of block structure, which is what matters for the recursion bound.
enum NestingDepthCheck {
    /// The local offset of the first line deeper than `limit`, or nil.
    static func firstOffsetDeeperThan(_ limit: Int, in bytes: [UInt8]) -> Int? {
        var indentStack: [Int] = []
        var flowDepth = 0
        var blockScalarIndent: Int?
        var index = 0
        let count = bytes.count
        while index < count {
            let lineStart = index
            var indent = 0
            while index < count, bytes[index] == 0x20 { indent += 1; index += 1 }
            let isBlank = index >= count || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == UInt8(ascii: "#")
            if let scalarIndent = blockScalarIndent {
                if isBlank || indent > scalarIndent {
                    index = skipLine(bytes, from: index)
                    continue
                }
                blockScalarIndent = nil
            }
            if isBlank && flowDepth == 0 {
                index = skipLine(bytes, from: index)
                continue
            }
            if flowDepth == 0 {
                while let top = indentStack.last, top >= indent { indentStack.removeLast() }
                indentStack.append(indent)
            }
            var sequenceEntries = 0
            var inSingle = false
            var inDouble = false
            var lastSignificant: UInt8 = 0
            while index < count, bytes[index] != 0x0A, bytes[index] != 0x0D {
                let byte = bytes[index]
                if inDouble {
                    if byte == UInt8(ascii: "\\") { index += 1 } else if byte == UInt8(ascii: "\"") { inDouble = false }
                } else if inSingle {
                    if byte == UInt8(ascii: "'") { inSingle = false }
                } else {
                    switch byte {
                    case UInt8(ascii: "\""): inDouble = true
                    case UInt8(ascii: "'"): inSingle = true
                    case UInt8(ascii: "["), UInt8(ascii: "{"): flowDepth += 1
                    case UInt8(ascii: "]"), UInt8(ascii: "}"): flowDepth = max(0, flowDepth - 1)
                    case UInt8(ascii: "-"):
                        let next = index + 1 < count ? bytes[index + 1] : 0x20
                        if (next == 0x20 || next == 0x0A || next == 0x0D)
                            && (lastSignificant == 0 || lastSignificant == UInt8(ascii: "-"))
                        {
                            sequenceEntries += 1
                        }
                    case UInt8(ascii: "#") where index > lineStart && (bytes[index - 1] == 0x20 || bytes[index - 1] == 0x09):
                        index = contentEnd(bytes, from: index) - 1
                    default: break
                    }
                    if byte != 0x20 && byte != 0x09 { lastSignificant = byte }
                }
                if indentStack.count + sequenceEntries + flowDepth > limit { return lineStart }
                index += 1
            }
            if !inSingle, !inDouble, endsWithBlockScalarHeader(bytes, lineStart: lineStart, lineEnd: index) {
                blockScalarIndent = indent
            }
            index = skipLine(bytes, from: index)
        }
        return nil
    }

    /// Whether a line ends with a block scalar header such as `|`, `>-` or `|2+` (comment aside).
    private static func endsWithBlockScalarHeader(_ bytes: [UInt8], lineStart: Int, lineEnd: Int) -> Bool {
        var end = lineEnd
        var hash = lineStart
        while hash < lineEnd {
            if bytes[hash] == UInt8(ascii: "#"), hash > lineStart, bytes[hash - 1] == 0x20 { end = hash; break }
            hash += 1
        }
        var index = end - 1
        while index >= lineStart, bytes[index] == 0x20 || bytes[index] == 0x09 { index -= 1 }
        while index >= lineStart,
            bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")
                || (0x31...0x39).contains(bytes[index])
        {
            index -= 1
        }
        guard index >= lineStart, bytes[index] == UInt8(ascii: "|") || bytes[index] == UInt8(ascii: ">") else {
            return false
        }
        return index == lineStart || bytes[index - 1] == 0x20 || bytes[index - 1] == 0x09
    }

    private static func contentEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
        return index
    }

    private static func skipLine(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
        if index < bytes.count, bytes[index] == 0x0D { index += 1 }
        if index < bytes.count, bytes[index] == 0x0A { index += 1 }
        return index
    }
}
