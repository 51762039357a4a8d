import PostlintCore

/// Eleventy: `.eleventy.js` or `eleventy.config.js|cjs|mjs` (not read: input is the site's
/// folder). `a/b.md` is served at `/a/b/`, `index.md` at its folder; front matter `permalink`
/// overrides.
enum EleventySite {
    static let configNames = [".eleventy.js", "eleventy.config.js", "eleventy.config.cjs", "eleventy.config.mjs"]

    static func detect(folder: String, has: (String) -> Bool) -> SiteModel? {
        guard let name = configNames.first(where: has) else { return nil }
        return SiteModel(generator: .eleventy, root: folder, reason: name, contentRoots: [ContentRoot(folder: folder)],
                         staticRoots: [folder])
    }
}
