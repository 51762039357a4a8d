import Foundation
import PostlintCore

/// `orphan-image` (site-level, info): image files under the image folders that no post uses.
public struct OrphanImageRule: BuiltInSiteRule {
    public static let metadata = RuleMetadata(
        id: "orphan-image", category: .site,
        summary: "Every file in the image folders is used by some post",
        rationale: """
            Images nobody references still ship with every build and deploy, slow down the \
            repository, and are often the leftover of a renamed or replaced picture that a post \
            meant to show. The image folders (the folders option) are looked for in each site \
            root and beside each post (page bundles); a file counts as used when a post's body \
            (Markdown or HTML image, or a link) or one of its image fields references it. Each \
            unused file is reported once, on the first post in path order that sees its folder. \
            Off by default; the seo and strict presets turn it on.
            """,
        defaultSeverity: .info, isEnabledByDefault: false,
        options: Options.declared,
        reads: [.frontMatter, .markdown], capabilities: [.factsReadOtherFiles, .concernsTheSite],
        triggeringExamples: [], nonTriggeringExamples: [],
        triggeringSiteExamples: [
            SiteRuleExample(
                ("post.md", "⟦⟧---\ntitle: Kettles\ncover: /images/kettle.png\n---\n"),
                ("images/kettle.png", ""), ("images/old-kettle.png", ""))
        ],
        nonTriggeringSiteExamples: [
            SiteRuleExample(
                ("post.md", "---\ntitle: Kettles\ncover: /images/kettle.png\n---\n\n![An old kettle](images/old.png)\n"),
                ("images/kettle.png", ""), ("images/old.png", ""))
        ])

    /// Files with these extensions are images.
    static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp", "avif", "svg", "bmp", "ico", "tif", "tiff"]
    /// Bounds on one folder's walk, so a huge or looping tree cannot blow up memory.
    static let maximumDepth = 8
    static let maximumFiles = 20_000

    let folders: [String]
    let fields: [String]
    private let listed = ListedFolders()

    /// `orphan-image`'s options.
    public struct Options: TypedRuleOptions {
        public var folders = ["images", "img", "assets/images"]
        public var fields = ["image", "cover", "thumbnail", "featured_image", "og_image"]

        public init() {}

        public static let fields: [OptionField<Self>] = [
            .strings("folders", \.folders, "image folders, relative to each site root and to each post's folder"),
            .strings("fields", \.fields, "front matter fields that name images"),
        ]
    }

    public init(options: Options) {
        folders = options.folders
        fields = options.fields
    }

    public func facts(of document: Document, context: RuleContext) -> [SiteFact] {
        let origin = SourceLocation(line: 1, column: 1)
        func fact(_ key: String, _ value: String) -> SiteFact {
            SiteFact(path: document.path, key: key, value: value, start: origin, end: origin)
        }
        let workingDirectory = Self.base(of: document.path, context: context)
        let postFolder = SitePaths.folder(of: SitePaths.join(workingDirectory, document.path))
        var facts: [SiteFact] = []
        // The image folders this post sees, each walked once per run.
        var candidates: [String] = []
        for root in context.siteRoots { for folder in folders { candidates.append(SitePaths.join(root, folder)) } }
        for folder in folders { candidates.append(SitePaths.join(postFolder, folder)) }
        var seenFolders: Set<String> = []
        for folder in candidates where seenFolders.insert(folder).inserted && context.fileSystem.kind(of: folder) == .directory {
            facts.append(fact("folder", folder))
            if listed.claim(folder) {
                for file in Self.imageFiles(in: folder, fileSystem: context.fileSystem) {
                    let display =
                        file.hasPrefix(workingDirectory + "/") ? String(file.dropFirst(workingDirectory.count + 1)) : file
                    facts.append(fact("file", folder + "\u{0}" + file + "\u{0}" + display))
                }
            }
        }
        // What this post references.
        var destinations: [String] = []
        if let body = document.body {
            destinations += body.images.map(\.destination)
            destinations += body.links.map(\.destination)
        }
        for name in fields {
            guard let node = document.field(name) else { continue }
            if let text = node.scalarText { destinations.append(text) }
            for item in node.items ?? [] { if let text = item.scalarText { destinations.append(text) } }
        }
        var seenReferences: Set<String> = []
        for destination in destinations {
            guard let path = SitePaths.localPath(of: destination) else { continue }
            let resolved =
                path.hasPrefix("/")
                ? context.siteRoots.map { SitePaths.join($0, "." + path) } + [path]
                : [SitePaths.join(postFolder, path)]
            for reference in resolved where seenReferences.insert(reference).inserted {
                facts.append(fact("reference", reference))
            }
        }
        return facts
    }

    public func check(_ facts: SiteFacts) -> [Finding] {
        var owners: [String: String] = [:]
        var referenced: Set<String> = []
        for fact in facts {
            switch fact.key {
            case "folder":
                if let owner = owners[fact.value], owner == fact.path || owner.precedesInByteOrder(fact.path) {
                    break
                }
                owners[fact.value] = fact.path
            case "reference":
                referenced.insert(fact.value)
            default:
                break
            }
        }
        var reported: Set<String> = []
        var findings: [Finding] = []
        for position in facts.indices where facts.key(at: position) == "file" {
            let parts = facts.value(at: position).split(separator: "\u{0}", maxSplits: 2, omittingEmptySubsequences: false).map(
                String.init)
            guard parts.count == 3, !referenced.contains(parts[1]), reported.insert(parts[1]).inserted,
                let owner = owners[parts[0]]
            else { continue }
            let origin = SourceLocation(line: 1, column: 1)
            findings.append(
                Finding(
                    path: owner, start: origin, end: origin, ruleID: Self.metadata.id,
                    severity: Self.metadata.defaultSeverity,
                    message: "image \"\(parts[2])\" is not used by any post"))
        }
        return findings
    }

    /// The folder a relative post path is relative to: the first site root (the configuration's
    /// folder) when the post is found there, else the process's working folder.
    static func base(of path: String, context: RuleContext) -> String {
        let current = FileManager.default.currentDirectoryPath
        guard !path.hasPrefix("/") else { return current }
        for base in context.siteRoots.prefix(1) + [current]
        where context.fileSystem.kind(of: SitePaths.join(base, path)) == .file {
            return base
        }
        return current
    }

    /// The image files below `folder`, walked breadth-first within the bounds.
    static func imageFiles(in folder: String, fileSystem: any FileSystemView) -> [String] {
        var files: [String] = []
        var queue: [(path: String, depth: Int)] = [(folder, 0)]
        var index = 0
        while index < queue.count, files.count < maximumFiles {
            let (path, depth) = queue[index]
            index += 1
            for name in (fileSystem.entries(of: path) ?? []).sorted() where !name.hasPrefix(".") {
                let child = path + "/" + name
                switch fileSystem.kind(of: child) {
                case .directory:
                    if depth + 1 <= maximumDepth, queue.count < maximumFiles { queue.append((child, depth + 1)) }
                case .file:
                    let ext = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
                    if name.contains("."), imageExtensions.contains(ext), files.count < maximumFiles { files.append(child) }
                case .missing:
                    break
                }
            }
        }
        return files
    }
}
