/// What `postlint audit` counts as a check, beyond the configuration.
public struct AuditOptions: Sendable {
    /// Rules outside the `seo` and `site` categories that are search checks too (when known):
    /// the meta description, required fields, the slug and image alt text.
    public var extraChecks: [String]
    /// Site rules whose findings concern the site, not the post they are reported on; they are
    /// listed apart and left out of the post scores.
    public var siteWideChecks: Set<String>

    public static let defaultExtraChecks = ["required-fields", "excerpt-length", "slug-format", "image-alt-text"]

    public init(extraChecks: [String] = AuditOptions.defaultExtraChecks, siteWideChecks: Set<String> = ["orphan-image"]) {
        self.extraChecks = extraChecks
        self.siteWideChecks = siteWideChecks
    }
}
