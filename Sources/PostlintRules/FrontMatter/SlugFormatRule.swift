import Foundation
import PostlintCore

/// `slug-format`: lower-case ASCII words joined by single hyphens, of bounded length, optionally
/// equal to the file name.
public struct SlugFormatRule: BuiltInRule {
    public static let metadata = RuleMetadata(
        id: "slug-format", category: .frontMatter,
        summary: "The slug is lower-case ASCII words joined by single hyphens",
        rationale: """
            The slug becomes the URL. Upper case, spaces, accents, underscores and doubled or \
            dangling hyphens make URLs that break when typed, differ between servers and look \
            untidy in search results. Long slugs are cut in results. The message suggests a \
            corrected slug.
            """,
        defaultSeverity: .error,
        options: Options.declared,
        reads: [.frontMatter], capabilities: .isSearchCheck,
        triggeringExamples: [
            RuleExample("---\nslug: ⟦My First Post⟧\n---\n"),
            RuleExample("---\nslug: ⟦\"crème-brûlée\"⟧\n---\n"),
            RuleExample("---\nslug: ⟦-leading--double-hyphen-⟧\n---\n"),
            RuleExample("---\nslug: ⟦a-very-long-slug⟧\n---\n", options: ["max-length": .int(10)]),
            RuleExample(
                "---\nslug: ⟦other-name⟧\n---\n", options: ["match-file-name": .bool(true)],
                path: "posts/tea-notes.md"),
        ],
        nonTriggeringExamples: [
            RuleExample("---\nslug: brewing-green-tea-2024\n---\n"),
            RuleExample(
                "---\nslug: tea-notes\n---\n", options: ["match-file-name": .bool(true)],
                path: "posts/tea-notes/index.md"),
            RuleExample("---\ntitle: no slug is required-fields' business\n---\n"),
        ])

    let field: String
    let maxLength: Int
    let matchFileName: Bool

    /// `slug-format`'s options.
    public struct Options: TypedRuleOptions {
        public var field = "slug"
        public var maxLength = 75
        public var matchFileName = false

        public init() {}

        public static let fields: [OptionField<Self>] = [
            .string("field", \.field, "the front matter field that holds the slug"),
            .integer("max-length", \.maxLength, "the longest slug allowed, in characters", minimum: 1),
            .boolean(
                "match-file-name", \.matchFileName,
                "the slug must equal the file name without extension (the folder name for index.md)"),
        ]
    }

    public init(options: Options) {
        field = options.field
        maxLength = options.maxLength
        matchFileName = options.matchFileName
    }

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        let name = field == "slug" ? context.fieldNames.name(of: "slug") : field
        guard let node = document.field(name), let slug = node.scalarText, !slug.isEmpty else { return [] }
        if !Self.isWellFormed(slug) {
            let suggestion = Self.suggestedSlug(for: slug, maxLength: maxLength)
            let advice = suggestion.isEmpty ? "" : "; use \"\(suggestion)\""
            return [
                diagnostic(
                    "slug \"\(slug)\" is not lower-case ASCII words joined by single hyphens\(advice)",
                    at: node.range)
            ]
        }
        if slug.utf8.count > maxLength {
            let suggestion = Self.suggestedSlug(for: slug, maxLength: maxLength)
            return [
                diagnostic(
                    "slug is \(slug.utf8.count) characters long, over the maximum of \(maxLength); "
                        + "use \"\(suggestion)\"", at: node.range)
            ]
        }
        if matchFileName, let expected = Self.fileSlug(of: document.path), expected != slug {
            return [diagnostic("slug \"\(slug)\" does not match the file name \"\(expected)\"", at: node.range)]
        }
        return []
    }

    /// `[a-z0-9]+(-[a-z0-9]+)*`, checked byte by byte.
    static func isWellFormed(_ slug: String) -> Bool {
        var previousWasHyphen = true
        for byte in slug.utf8 {
            if byte == UInt8(ascii: "-") {
                if previousWasHyphen { return false }
                previousWasHyphen = true
            } else if (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) {
                previousWasHyphen = false
            } else {
                return false
            }
        }
        return !previousWasHyphen
    }

    /// Lower-cased, accents removed, every run of other characters turned into one hyphen, and
    /// cut at a hyphen to fit `maxLength`.
    static func suggestedSlug(for text: String, maxLength: Int) -> String {
        var words: [String] = []
        var current = ""
        for scalar in text.decomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        var slug = ""
        for word in words {
            let candidate = slug.isEmpty ? word : slug + "-" + word
            if candidate.count > maxLength {
                if slug.isEmpty { slug = String(word.prefix(maxLength)) }
                break
            }
            slug = candidate
        }
        return slug
    }

    /// The file name without extension, or the folder name for `index.md` and `_index.md`.
    static func fileSlug(of path: String) -> String? {
        let parts = path.split(separator: "/").map(String.init)
        guard let file = parts.last else { return nil }
        let stem = file.split(separator: ".", omittingEmptySubsequences: false).dropLast().joined(separator: ".")
        if stem == "index" || stem == "_index" {
            return parts.count >= 2 ? parts[parts.count - 2] : nil
        }
        return stem.isEmpty ? nil : stem
    }
}
