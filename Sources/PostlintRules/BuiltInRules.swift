import PostlintCore

/// Every built-in rule, by type. Hand-kept; a test checks it against the rule files.
/// Declarative rules from `rules/` are added beside these by the engine.
public enum BuiltInRules {
    /// Document rules, each built from its options.
    public static let documentRules: [RuleFactory] = [
        FrontMatterMissingRule.factory,
        FrontMatterSyntaxRule.factory,
        DuplicateKeyRule.factory,
        SlugFormatRule.factory,
        BrokenImageRule.factory,
        ImageAltTextRule.factory,
        BrokenLinkRule.factory,
        UncheckedLinkRule.factory,
        InvalidUTF8Rule.factory,
        MojibakeRule.factory,
        ReplacementCharacterRule.factory,
        BomRule.factory,
        MixedLineEndingsRule.factory,
        ControlCharacterRule.factory,
        InvisibleCharacterRule.factory,
        KeyphraseInTitleRule.factory,
        KeyphraseInSlugRule.factory,
        KeyphraseInExcerptRule.factory,
        KeyphraseInIntroductionRule.factory,
        KeyphraseInSubheadingsRule.factory,
        KeyphraseDensityRule.factory,
        ContentLengthRule.factory,
        HeadingStructureRule.factory,
        LinkTextRule.factory,
        LinksRule.factory,
        ReadabilityRule.factory,
    ]

    /// Site-level rules.
    public static let siteRules: [SiteRuleFactory] = [
        DuplicateSlugRule.factory,
        DuplicateTitleRule.factory,
        DuplicateExcerptRule.factory,
        DuplicateKeyphraseRule.factory,
        OrphanPostRule.factory,
        OrphanImageRule.factory,
    ]
}
