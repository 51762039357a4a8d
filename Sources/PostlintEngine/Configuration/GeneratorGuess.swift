#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import PostlintCore

/// A rough guess at the generator that builds the site in a folder, from the files it keeps
/// there (for `postlint init`'s comment; the site model reads them properly).
enum GeneratorGuess {
    /// The generator's name and the file that says so, or nil.
    static func guess(in folder: String) -> (name: String, evidence: String)? {
        func exists(_ name: String) -> Bool { LocalFileSystem().kind(of: PathUtilities.join(folder, name)) != .missing }
        func isFolder(_ name: String) -> Bool {
            LocalFileSystem().kind(of: PathUtilities.join(folder, name)) == .directory
        }
        func contains(_ name: String, _ text: String) -> Bool {
            guard let bytes = LocalFileSystem().contents(of: PathUtilities.join(folder, name)) else { return false }
            return String(decoding: bytes.prefix(1 << 20), as: UTF8.self).contains(text)
        }
        for name in ["hugo.toml", "hugo.yaml", "hugo.json"] where exists(name) { return ("hugo", name) }
        // Zola's config.toml has base_url; Hugo's has baseURL (and content/ beside it).
        if exists("config.toml"), contains("config.toml", "base_url") { return ("zola", "config.toml with base_url") }
        for name in ["config.toml", "config.yaml", "config.json"] where exists(name) && isFolder("content") {
            return ("hugo", "\(name) and content/")
        }
        if exists("_config.yml") || exists("_config.yaml") { return ("jekyll", "_config.yml") }
        for name in ["docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs"] where exists(name) {
            return ("docusaurus", name)
        }
        if exists("mkdocs.yml") || exists("mkdocs.yaml") { return ("mkdocs", "mkdocs.yml") }
        for name in ["astro.config.mjs", "astro.config.js", "astro.config.ts", "astro.config.mts"] where exists(name) {
            return ("astro", name)
        }
        for name in [".eleventy.js", "eleventy.config.js", "eleventy.config.mjs", "eleventy.config.cjs"] where exists(name) {
            return ("eleventy", name)
        }
        for name in ["next.config.js", "next.config.mjs", "next.config.ts"] where exists(name) { return ("nextjs", name) }
        return nil
    }
}
