/// What `postlint audit` counts as a check, beyond the configuration.
public struct AuditOptions: Sendable {
    /// Rules outside the `seo` and `site` categories that are search checks too (when known):
    /// the meta description, required fields, the slug, image alt text, and what a reader and a
    /// crawler meet as breakage: broken images and links, and text that is not readable (invalid
    /// UTF-8, mojibake).
    public var extraChecks: [String]
    /// Site rules whose findings concern the site, not the post they are reported on; they are
    /// listed apart and left out of the post scores.
    public var siteWideChecks: Set<String>
    /// Skip what the repository's ignore files ignore when walking folders.
    public var honoursIgnoreFiles = true

    public static let defaultExtraChecks = ["required-fields", "excerpt-length", "slug-format", "image-alt-text",
                                            "broken-image", "broken-link", "invalid-utf8", "mojibake"]

    public init(extraChecks: [String] = AuditOptions.defaultExtraChecks, siteWideChecks: Set<String> = ["orphan-image"]) {
        self.extraChecks = extraChecks
        self.siteWideChecks = siteWideChecks
    }
}
