import PostlintCore

/// Astro: `astro.config.mjs|js|ts|mts|cjs` (not read). Pages in `src/pages/` (a file's path is its
/// route, `index` its folder's), static files in `public/`.
enum AstroSite {
    static let configNames = ["astro.config.mjs", "astro.config.js", "astro.config.ts", "astro.config.mts", "astro.config.cjs"]

    static func detect(folder: String, has: (String) -> Bool) -> SiteModel? {
        guard let name = configNames.first(where: has) else { return nil }
        return SiteModel(generator: .astro, root: folder, reason: name,
                         contentRoots: [ContentRoot(folder: PathUtilities.join(folder, "src/pages"))],
                         staticRoots: [PathUtilities.join(folder, "public")])
    }
}
