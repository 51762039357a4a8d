import Foundation

/// Path arithmetic for the site rules that follow links and image references between files.
enum SitePaths {
    /// The folder of a `/`-separated path ("" for a bare file name).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `path` with `.` and `..` segments resolved and repeated slashes removed; a leading `..`
    /// that cannot be resolved is kept.
    static func normalized(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == "..", absolute {
                continue
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : joined
    }

    /// `relative` resolved against `folder`.
    static func join(_ folder: String, _ relative: String) -> String {
        if relative.hasPrefix("/") || folder.isEmpty { return normalized(relative) }
        return normalized(folder + "/" + relative)
    }

    /// A link or image destination without its query and fragment, percent-decoded; nil for
    /// URLs with a scheme (`https:`, `mailto:`), protocol-relative URLs and same-page anchors.
    static func localPath(of destination: String) -> String? {
        var path = Substring(destination)
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<cut] }
        guard !path.isEmpty, !path.hasPrefix("//") else { return nil }
        if let colon = path.firstIndex(of: ":"), !path[..<colon].contains("/") { return nil }
        return String(path).removingPercentEncoding ?? String(path)
    }

    /// The last segment of a path without a trailing slash and without `.md`, `.markdown`,
    /// `.html` or `.htm` (a page's name, for matching links to slugs and file names).
    static func pageName(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        var name = trimmed.split(separator: "/").last.map(String.init) ?? ""
        for suffix in [".md", ".markdown", ".html", ".htm"] where name.lowercased().hasSuffix(suffix) {
            name = String(name.dropLast(suffix.count))
            break
        }
        if name == "index" || name == "_index" {
            let parts = trimmed.split(separator: "/")
            return parts.count >= 2 ? String(parts[parts.count - 2]) : name
        }
        return name
    }
}
