import PostlintCore
import PostlintParsing

/// A generator's configuration file read into postlint's node tree (TOML through the front matter
/// parser, YAML and JSON through the YAML parser). A file that cannot be read or parsed is taken
/// as empty: detection then uses the generator's defaults.
struct SiteConfigFile {
    var root: FrontMatterNode?

    init(path: String) {
        guard case .success(let bytes) = FileReader.read(path) else {
            self.init(bytes: [], isTOML: false)
            return
        }
        self.init(bytes: bytes, isTOML: path.hasSuffix(".toml"))
    }

    init(bytes: [UInt8], isTOML: Bool) {
        if isTOML {
            let source = SourceText(bytes: bytes)
            let all = 0..<bytes.count
            let block = FrontMatterBlock(
                format: .toml, openingFence: 0..<0, content: all, closingFence: all.upperBound..<all.upperBound,
                firstContentLine: 0)
            root = FrontMatterParser.parse(block, in: source).root
        } else {
            root = try? YAMLFile(path: "", bytes: bytes).root
        }
    }

    subscript(key: String) -> FrontMatterNode? { root?[key] }

    func string(_ key: String) -> String? { root?[key]?.scalarText }

    func bool(_ key: String) -> Bool? { SiteConfigFile.bool(root?[key]) }

    static func bool(_ node: FrontMatterNode?) -> Bool? {
        switch node?.scalarText?.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    /// A string or a list of strings.
    static func strings(_ node: FrontMatterNode?) -> [String] {
        guard let node else { return [] }
        if let items = node.items { return items.compactMap(\.scalarText) }
        return node.scalarText.map { [$0] } ?? []
    }

    /// The entries of a mapping.
    static func entries(_ node: FrontMatterNode?) -> [FrontMatterEntry] {
        if case .mapping(let entries)? = node?.value { return entries }
        return []
    }
}
