import PostlintCore

/// The YAML trees of the rule files shipped in `rules/`, parsed when the files were written, so
/// that a run does not parse them again: parsing them through libyaml was most of every run's
/// start-up (6 million instructions, a millisecond on the path to the first post).
///
/// The trees are Swift code generated from the files (`ShippedPackTrees+Generated.swift`), and
/// each is used only for the bytes it was made from: the file's FNV-1a hash is recorded with it,
/// and a file whose bytes have changed since is parsed as before. The tests parse every shipped
/// file with the parser and require the same tree, position for position, so a stale tree is
/// caught there (and only ever costs speed, never a wrong rule). To write the trees again after
/// changing a rule file: `POSTLINT_WRITE_PACK_TREES=1 swift test --filter ShippedPackTreesTests`.
enum ShippedPackTrees {
    /// The tree of the shipped file at `path` (below `rules/`), when `bytes` are the bytes it was
    /// made from; nil otherwise.
    static func tree(forPath path: String, bytes: [UInt8]) -> FrontMatterNode? {
        guard let (hash, make) = generatedTree(forPath: path), hash == fnv1a(bytes) else { return nil }
        return make()
    }

    /// The 64-bit FNV-1a hash of `bytes`.
    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    // The generated code builds the trees from these, to stay short.

    static func scalar(_ text: String, _ kind: FrontMatterScalar.Kind, _ lower: Int, _ upper: Int) -> FrontMatterNode {
        FrontMatterNode(value: .scalar(FrontMatterScalar(text: text, kind: kind)), range: lower..<upper)
    }

    static func sequence(_ items: [FrontMatterNode], _ lower: Int, _ upper: Int) -> FrontMatterNode {
        FrontMatterNode(value: .sequence(items), range: lower..<upper)
    }

    static func mapping(_ entries: [FrontMatterEntry], _ lower: Int, _ upper: Int) -> FrontMatterNode {
        FrontMatterNode(value: .mapping(entries), range: lower..<upper)
    }

    static func entry(_ key: String, _ lower: Int, _ upper: Int, _ value: FrontMatterNode) -> FrontMatterEntry {
        FrontMatterEntry(key: key, keyRange: lower..<upper, value: value)
    }
}
