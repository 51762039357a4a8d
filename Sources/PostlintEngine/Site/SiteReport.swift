import Foundation
import PostlintCore

/// What `postlint site` prints: each site found for a path (the generator, why, its roots, base
/// path and anchor style, and every post's routes), as text or JSON. Paths are shown relative to
/// the working folder when below it.
public struct SiteReport: Codable, Sendable {
    public struct Site: Codable, Sendable {
        public var generator: String
        public var reason: String
        public var root: String
        public var content: [String]
        public var `static`: [String]
        public var baseURL: String
        public var anchorStyle: String
        public var external: [String]
        /// How settings the configuration does not state were decided.
        public var notes: [String]
        public var posts: [Post]
    }

    public struct Post: Codable, Sendable {
        public var path: String
        public var routes: [String]
    }

    public var sites: [Site]

    /// The sites of `folder`: the one at or above it, else those in its subfolders (two levels
    /// down), each with the configuration that applies to its folder.
    public static func make(folder: String, linter: Linter) throws(PostlintError) -> SiteReport {
        let workingDirectory = linter.workingDirectory
        func shown(_ path: String) -> String {
            guard let relative = PathUtilities.relative(path, to: workingDirectory) else { return path }
            return relative.isEmpty ? "." : relative
        }
        var resolvers: [SiteRouteResolver] = []
        var folders = [folder]
        var depth = 0
        while !folders.isEmpty, resolvers.isEmpty || depth == 0, depth < 3 {
            var next: [String] = []
            for candidate in folders {
                let configuration = try linter.resolver.configuration(forFileAt: PathUtilities.join(candidate, "-"))
                if let resolver = linter.site(forFolder: candidate, configuration: configuration) {
                    if !resolvers.contains(where: { $0 === resolver }) { resolvers.append(resolver) }
                } else {
                    for name in (LocalFileSystem().entries(of: candidate) ?? []).sorted()
                    where !name.hasPrefix(".") && name != "node_modules" {
                        let path = PathUtilities.join(candidate, name)
                        if LocalFileSystem().kind(of: path) == .directory { next.append(path) }
                    }
                }
            }
            if !resolvers.isEmpty { break }
            folders = next
            depth += 1
        }
        return SiteReport(
            sites: resolvers.map { resolver in
                let site = resolver.site
                return Site(
                    generator: site.generator.rawValue, reason: site.reason, root: shown(site.root),
                    content: site.contentRoots.map { shown($0.folder) + ($0.urlPrefix.isEmpty ? "" : " → \($0.urlPrefix)/") },
                    static: site.staticRoots.map(shown), baseURL: site.basePath.isEmpty ? "/" : site.basePath + "/",
                    anchorStyle: site.anchorStyle.rawValue, external: site.external, notes: site.notes,
                    posts: resolver.postRoutes.map { Post(path: shown($0.path), routes: $0.routes) })
            })
    }

    public func text() -> String {
        guard !sites.isEmpty else {
            return """
                No site generator found: posts are plain files. Relative links are checked as files; \
                root-relative links are not checked unless site-roots or site: is configured.

                """
        }
        var output = ""
        for site in sites {
            output += "generator: \(site.generator) (\(site.reason) in \(site.root))\n"
            output += "content: \(site.content.joined(separator: ", "))\n"
            output += "static: \(site.static.isEmpty ? "none" : site.static.joined(separator: ", "))\n"
            output += "base URL: \(site.baseURL)\n"
            output += "anchor style: \(site.anchorStyle)\n"
            if !site.external.isEmpty { output += "external: \(site.external.joined(separator: ", "))\n" }
            for note in site.notes { output += "why: \(note)\n" }
            output += "posts: \(site.posts.count)\n"
            for post in site.posts {
                output += "  \(TerminalSafe.text(post.path)) → \(post.routes.map(TerminalSafe.text).joined(separator: ", "))\n"
            }
            output += "\n"
        }
        return output
    }

    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// Control characters in paths and routes printed as visible escapes, so that a hostile file
/// name cannot drive the terminal.
enum TerminalSafe {
    static func text(_ value: String) -> String {
        var result = ""
        for scalar in value.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x202A...0x202E).contains(scalar.value)
                || (0x2066...0x2069).contains(scalar.value)
            {
                result += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
