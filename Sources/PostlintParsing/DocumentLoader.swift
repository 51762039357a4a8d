import PostlintCore
import PostlintMarkdown

/// Bytes → `Document`: decoding, line index, front matter split and parse, body scan. Each stage
/// runs only when `parts` asks for it.
public enum DocumentLoader {
    /// `yamlVersion` types YAML front matter's plain scalars (`docs/front-matter.md`).
    public static func load(
        path: String, bytes: [UInt8], parts: DocumentParts = [.frontMatter, .markdown],
        yamlVersion: YAMLVersion = .v1_1
    ) -> Document {
        let source = SourceText(bytes: bytes)
        let split = FrontMatterSplitter.split(source)
        var frontMatter: FrontMatter?
        if let block = split.block {
            if parts.contains(.frontMatter) {
                frontMatter = FrontMatterParser.parse(block, in: source, yamlVersion: yamlVersion)
            } else {
                frontMatter = FrontMatter(block: block, root: nil, syntaxError: nil)
            }
        }
        let body = parts.contains(.markdown) ? MarkdownScanner.scan(source, range: split.bodyRange) : nil
        return Document(path: path, source: source, frontMatter: frontMatter, bodyRange: split.bodyRange, body: body)
    }

    /// A document from text, for tests, examples and editor buffers.
    public static func load(path: String, text: String, parts: DocumentParts = [.frontMatter, .markdown]) -> Document {
        load(path: path, bytes: Array(text.utf8), parts: parts)
    }
}
