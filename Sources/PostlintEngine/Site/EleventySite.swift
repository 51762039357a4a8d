import PostlintCore

/// Eleventy: `.eleventy.js` or `eleventy.config.js|cjs|mjs`, not run but scanned for literal
/// values (`JavaScriptConfigScan`): `dir.input` (the content folder, the site's folder by
/// default), `dir.output` (`_site`: not walked) and `pathPrefix`; what is not found keeps its
/// default, and `postlint site` says which. `a/b.md` is served at `/a/b/`, `index.md` at its
/// folder; front matter `permalink` overrides.
enum EleventySite {
    static let configNames = [".eleventy.js", "eleventy.config.js", "eleventy.config.cjs", "eleventy.config.mjs"]

    static func detect(folder: String, has: (String) -> Bool) -> SiteModel? {
        guard let name = configNames.first(where: has) else { return nil }
        let scan = JavaScriptConfigScan(path: PathUtilities.join(folder, name)) ?? JavaScriptConfigScan(text: "")
        let directories = scan.object("dir")
        let input = directories.flatMap { scan.literal("input", in: $0)?.string }
        let output = directories.flatMap { scan.literal("output", in: $0)?.string }
        let content = PathUtilities.absolute(input ?? ".", base: folder)
        var model = SiteModel(
            generator: .eleventy, root: folder, reason: name, contentRoots: [ContentRoot(folder: content)],
            staticRoots: [content])
        model.excludedFolders = [PathUtilities.absolute(output ?? "_site", base: folder)]
        var notes = [
            input.map { "content in \($0) (dir.input in \(name))" }
                ?? "content in the site's folder: dir.input not found as a literal in \(name), so the default"
        ]
        notes.append(
            output.map { "output \($0) not walked (dir.output in \(name))" }
                ?? "output _site not walked: dir.output not found as a literal in \(name), so the default")
        if let prefix = scan.literal("pathPrefix")?.string {
            model.basePath = SiteURL.basePath(of: prefix)
            notes.append("base URL \(prefix) (pathPrefix in \(name))")
        } else {
            notes.append("base URL /: pathPrefix not found as a literal in \(name), so the default")
        }
        model.notes = notes + ["\(name) is not run: only literal values are read"]
        return model
    }
}
