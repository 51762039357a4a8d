import PostlintCore

/// The pages a post pulls into itself with Hugo's include shortcodes, whose headings become the
/// post's own anchors once rendered: `{{% include "path" %}}` and `{{< include "path" >}}` (the
/// name sites give the shortcode that renders another page's content in place), and the
/// `readfile` shortcode of Docsy-based sites, positional or as `file="path"`.
///
/// Escaped calls (`{{%/* include "x" */%}}`, how documentation shows a call) are skipped.
enum ShortcodeIncludes {
    private static let names: Set<String> = ["include", "readfile"]

    /// The path arguments of the include calls in `range` of `bytes`, in order.
    static func arguments(in bytes: [UInt8], range: Range<Int>) -> [String] {
        bytes.withUnsafeBufferPointer { buffer in
            var found: [String] = []
            let end = min(range.upperBound, buffer.count)
            var search = max(0, range.lowerBound)
            while let brace = ByteScanning.firstIndex(of: 0x7B, in: buffer, from: search), brace + 3 < end {
                search = brace + 1
                guard buffer[brace + 1] == 0x7B, buffer[brace + 2] == 0x25 || buffer[brace + 2] == 0x3C else { continue }
                var cursor = brace + 3
                while cursor < end, buffer[cursor] == 0x20 || buffer[cursor] == 0x09 { cursor += 1 }
                let nameStart = cursor
                while cursor < end, isNameByte(buffer[cursor]) { cursor += 1 }
                guard cursor > nameStart,
                    names.contains(String(decoding: UnsafeBufferPointer(rebasing: buffer[nameStart..<cursor]), as: UTF8.self))
                else { continue }
                if let argument = pathArgument(in: buffer, from: cursor, end: end) { found.append(argument) }
            }
            return found
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
            || byte == 0x5F
    }

    /// The first quoted argument after the name (`"path"`, `` `path` ``, or `file="path"`), on the
    /// call's line and before the call's closing `%}}` / `>}}`.
    private static func pathArgument(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> String? {
        var cursor = start
        while cursor < end {
            let byte = bytes[cursor]
            if byte == 0x0A { return nil }
            if (byte == 0x25 || byte == 0x3E), cursor + 2 < end, bytes[cursor + 1] == 0x7D, bytes[cursor + 2] == 0x7D {
                return nil
            }
            if byte == 0x22 || byte == 0x60 {
                let valueStart = cursor + 1
                var valueEnd = valueStart
                while valueEnd < end, bytes[valueEnd] != byte, bytes[valueEnd] != 0x0A { valueEnd += 1 }
                guard valueEnd < end, bytes[valueEnd] == byte, valueEnd > valueStart else { return nil }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd]), as: UTF8.self)
            }
            cursor += 1
        }
        return nil
    }
}
