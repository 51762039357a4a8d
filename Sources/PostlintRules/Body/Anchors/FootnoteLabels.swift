import PostlintCore

/// The footnotes of a body: the labels of `[^label]` references in order, and those defined by a
/// `[^label]:` line, outside code.
struct FootnoteLabels {
    var references: [String] = []
    var definitions: Set<String> = []

    init(bytes: [UInt8], body: MarkdownBody, range: Range<Int>) {
        self = bytes.withUnsafeBufferPointer { FootnoteLabels(bytes: $0, body: body, range: range) }
    }

    /// Each `[` found by memchr, then checked for `^`: most of a body has neither.
    private init(bytes: UnsafeBufferPointer<UInt8>, body: MarkdownBody, range: Range<Int>) {
        let excluded = body.excludedRanges
        var nextExcluded = 0
        var index = max(0, range.lowerBound)
        let end = min(range.upperBound, bytes.count)
        while index + 2 < end {
            guard let bracket = ByteScanning.firstIndex(of: 0x5B, in: bytes, from: index), bracket + 2 < end else { break }
            index = bracket
            guard bytes[index + 1] == 0x5E else {
                index += 1
                continue
            }
            while nextExcluded < excluded.count, excluded[nextExcluded].upperBound <= index { nextExcluded += 1 }
            if nextExcluded < excluded.count, excluded[nextExcluded].contains(index) {
                index = excluded[nextExcluded].upperBound
                continue
            }
            var close = index + 2
            while close < end, bytes[close] != 0x5D, bytes[close] > 0x20 { close += 1 }
            guard close < end, bytes[close] == 0x5D, close > index + 2 else {
                index += 2
                continue
            }
            let label = String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 2)..<close]), as: UTF8.self)
            if close + 1 < end, bytes[close + 1] == 0x3A, Self.startsLine(bytes, at: index) {
                definitions.insert(label)
            } else {
                references.append(label)
            }
            index = close + 1
        }
    }

    /// Whether only up to three spaces come before `index` on its line.
    private static func startsLine(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        var cursor = index
        var spaces = 0
        while cursor > 0, bytes[cursor - 1] == 0x20 {
            cursor -= 1
            spaces += 1
        }
        return spaces <= 3 && (cursor == 0 || bytes[cursor - 1] == 0x0A)
    }

    /// The ids the generator gives the footnotes and their references.
    func ids(in style: AnchorStyle) -> [String] {
        var ids: [String] = []
        var seen: [String: Int] = [:]
        var ordinal: [String: Int] = [:]
        var pandocNumber = 0
        for label in references where definitions.contains(label) {
            let repeats = seen[label, default: 0]
            seen[label] = repeats + 1
            if ordinal[label] == nil { ordinal[label] = ordinal.count + 1 }
            let number = ordinal[label] ?? 1
            switch style {
            case .github, .docusaurus:
                let suffix = repeats == 0 ? "" : "-\(repeats + 1)"
                for prefix in ["", "user-content-"] {
                    ids.append("\(prefix)fn-\(label)")
                    ids.append("\(prefix)fnref-\(label)\(suffix)")
                }
            case .goldmark, .githubASCII, .blackfriday:
                ids.append("fn:\(number)")
                ids.append(repeats == 0 ? "fnref:\(number)" : "fnref\(repeats):\(number)")
            case .kramdown, .kramdownGFM:
                ids.append("fn:\(label)")
                ids.append(repeats == 0 ? "fnref:\(label)" : "fnref:\(label):\(repeats)")
            case .zola:
                ids.append(label)
                ids.append("fn-\(label)")
                ids.append("fr-\(label)-\(repeats + 1)")
            case .pandoc, .pandocGFM:
                pandocNumber += 1
                ids.append("fn\(pandocNumber)")
                ids.append("fnref\(pandocNumber)")
            }
        }
        return ids
    }
}
