import PostlintCore

/// Astro: `astro.config.mjs|js|ts|mts|cjs`, not run but scanned for literal values
/// (`JavaScriptConfigScan`): `base`, `trailingSlash`, `build.format` (`file` serves pages as
/// `/a/b.html`), `srcDir` and `publicDir`; what is not found keeps its default, and `postlint
/// site` says which. Pages in `src/pages/` (a file's path is its route, `index` its folder's),
/// static files in `public/`.
enum AstroSite {
    static let configNames = ["astro.config.mjs", "astro.config.js", "astro.config.ts", "astro.config.mts", "astro.config.cjs"]

    static func detect(folder: String, has: (String) -> Bool) -> SiteModel? {
        guard let name = configNames.first(where: has) else { return nil }
        let scan = JavaScriptConfigScan(path: PathUtilities.join(folder, name)) ?? JavaScriptConfigScan(text: "")
        let source = scan.literal("srcDir")?.string ?? "src"
        let publicFolder = scan.literal("publicDir")?.string ?? "public"
        var model = SiteModel(
            generator: .astro, root: folder, reason: name,
            contentRoots: [ContentRoot(folder: PathUtilities.join(PathUtilities.absolute(source, base: folder), "pages"))],
            staticRoots: [PathUtilities.absolute(publicFolder, base: folder)])
        var notes: [String] = []
        if let base = scan.literal("base")?.string {
            model.basePath = SiteURL.basePath(of: base)
            notes.append("base URL \(base) (base in \(name))")
        } else {
            notes.append("base URL /: base not found as a literal in \(name), so the default")
        }
        let format = scan.object("build").flatMap { scan.literal("format", in: $0)?.string }
        model.uglyURLs = format == "file"
        notes.append(
            format.map { "pages as \($0 == "file" ? "/a/b.html" : "/a/b/") (build.format: \($0) in \(name))" }
                ?? "pages as /a/b/: build.format not found as a literal in \(name), so directory, the default")
        if let trailingSlash = scan.literal("trailingSlash")?.string {
            notes.append("trailingSlash: \(trailingSlash) in \(name) (routes match with or without it)")
        }
        model.notes = notes + ["\(name) is not run: only literal values are read"]
        return model
    }
}
