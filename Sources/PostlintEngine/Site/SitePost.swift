import PostlintCore
import PostlintParsing

/// A post as the route table sees it: where it lies under its content root and the few front
/// matter fields that change its URL (read from the front matter only).
struct SitePost {
    /// Absolute.
    var path: String
    var root: ContentRoot
    /// The folders between the content root and the post.
    var folders: [String]
    /// The file name without its extension (`index`, `_index`, `2020-01-01-title`).
    var baseName: String
    var fileExtension: String
    var frontMatter: FrontMatterNode?

    init(path: String, root: ContentRoot, relative: String, bytes: [UInt8]) {
        self.path = path
        self.root = root
        var names = Self.names(of: relative)
        let file = names.popLast() ?? relative
        folders = names
        if let dot = PathUtilities.lastDot(in: file), dot != file.startIndex {
            baseName = String(file[..<dot])
            fileExtension = String(file[file.index(after: dot)...])
        } else {
            baseName = file
            fileExtension = ""
        }
        frontMatter = Self.frontMatter(of: bytes)
    }

    /// The names of a `/`-separated path, empty ones left out.
    static func names(of path: String) -> [String] {
        // An ASCII path splits at its slash bytes as it does at its slash characters.
        guard ByteScanning.isASCII(path) else { return namesByCharacters(of: path) }
        return path.utf8.split(separator: UInt8(ascii: "/")).map { String(Substring($0)) }
    }

    /// `names(of:)`, a character at a time: for a path that is not all ASCII.
    static func namesByCharacters(of path: String) -> [String] {
        path.split(separator: "/").map(String.init)
    }

    /// The front matter's tree: from the lines up to its closing fence when a look at the bytes
    /// finds it (the rest of the post is neither decoded nor indexed), else from the whole text.
    static func frontMatter(of bytes: [UInt8]) -> FrontMatterNode? {
        if let end = FrontMatterSplitter.probableEnd(of: bytes), end < bytes.count {
            let head = SourceText(bytes: Array(bytes[..<end]))
            if let block = FrontMatterSplitter.split(head).block, block.closingFence != nil {
                return FrontMatterParser.parse(block, in: head, yamlVersion: .v1_2).root
            }
        }
        return frontMatter(ofWholeText: bytes)
    }

    /// The front matter's tree, from the whole text made a `SourceText`.
    static func frontMatter(ofWholeText bytes: [UInt8]) -> FrontMatterNode? {
        let source = SourceText(bytes: bytes)
        guard let block = FrontMatterSplitter.split(source).block else { return nil }
        return FrontMatterParser.parse(block, in: source, yamlVersion: .v1_2).root
    }

    func string(_ key: String) -> String? {
        guard let raw = frontMatter?[key]?.scalarText else { return nil }
        return Self.trimmingSpacesAndTabs(raw)
    }

    /// `text` without the space and tab characters at its ends, nil when nothing is left. Trimmed
    /// on its bytes where a space or tab byte is a character of its own: always, but next to a
    /// character that is not ASCII (a mark after a space joins it, a prepended sign before one).
    static func trimmingSpacesAndTabs(_ text: String) -> String? {
        let bytes = text.utf8
        var start = bytes.startIndex
        var end = bytes.endIndex
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        while start < end, isSpace(bytes[start]) { start = bytes.index(after: start) }
        while end > start, isSpace(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
        guard start < end else { return nil }
        if start == bytes.startIndex, end == bytes.endIndex { return text }
        let nextToTrimmed =
            (start != bytes.startIndex && bytes[start] >= 0x80)
            || (end != bytes.endIndex && bytes[bytes.index(before: end)] >= 0x80)
        return nextToTrimmed ? trimmingSpacesAndTabsByCharacters(text) : String(text[start..<end])
    }

    /// `trimmingSpacesAndTabs`, a character at a time.
    static func trimmingSpacesAndTabsByCharacters(_ raw: String) -> String? {
        let text = raw.drop { $0 == " " || $0 == "\t" }
        let trimmed = text.reversed().drop { $0 == " " || $0 == "\t" }
        guard !trimmed.isEmpty else { return nil }
        return trimmed.count == raw.count ? raw : String(trimmed.reversed())
    }

    func strings(_ key: String) -> [String] {
        guard let node = frontMatter?[key] else { return [] }
        if let items = node.items { return items.compactMap(\.scalarText) }
        // Jekyll reads `categories: a b` as two categories.
        return node.scalarText.map { $0.split(separator: " ").map(String.init) } ?? []
    }

    /// The path under the content root without the extension, `/`-separated.
    var pathWithoutExtension: String {
        (folders + [baseName]).joined(separator: "/")
    }
}
