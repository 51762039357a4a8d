/// The commented `.postlint.yml` `postlint init` writes for a surveyed site: the starter's
/// settings, with `fields:` mapping the canonical fields onto the names the posts use, and
/// `required-fields` asking only for the fields most posts have, so a first run reports the posts
/// that lack them, not a difference of convention. Each line it infers says why, and `explanation`
/// says the same for the terminal.
public struct StarterConfiguration: Sendable {
    public let survey: SiteSurvey

    public init(survey: SiteSurvey) {
        self.survey = survey
    }

    /// One line per inference, for the terminal (`excerpt ← description (used by 96% of 1,140 posts)`).
    public var explanation: [String] {
        var lines: [String] = []
        let total = survey.postsWithFrontMatter
        lines.append(
            "read the front matter of \(Self.grouped(survey.postCount)) post\(survey.postCount == 1 ? "" : "s")"
                + " (\(Self.grouped(total)) with front matter)")
        if let generator = survey.generator {
            lines.append("generator: \(generator.name) (\(generator.evidence))")
        } else {
            lines.append("generator: not recognised")
        }
        guard total > 0 else {
            lines.append("no front matter to learn from: the default field names are kept")
            return lines
        }
        for inference in survey.inferences() {
            guard let field = inference.field else {
                let others = Self.alternatives(of: inference.canonical)
                lines.append("\(inference.canonical): no post has it\(others.isEmpty ? "" : " (nor \(others))"); not required")
                continue
            }
            let usage = "used by \(Self.percent(inference.count, of: total)) of \(Self.grouped(total)) posts"
            let arrow = field == inference.canonical ? inference.canonical : "\(inference.canonical) ← \(field)"
            lines.append(
                "\(arrow) (\(usage))"
                    + (inference.isRequired
                        ? ""
                        : "; not required: fewer than \(Int(SiteSurvey.requiredShare * 100))% of posts have it"))
        }
        return lines
    }

    /// The configuration's text.
    public var text: String {
        let total = survey.postsWithFrontMatter
        let inferences = total > 0 ? survey.inferences() : []
        var fieldLines: [String] = []
        for inference in inferences {
            guard let field = inference.field, field != inference.canonical else { continue }
            fieldLines.append(
                "  \(inference.canonical): \(field)  # used by \(Self.percent(inference.count, of: total)) of "
                    + "\(Self.grouped(total)) posts")
        }
        let required = inferences.filter(\.isRequired).map(\.canonical)
        var text = """
            # postlint configuration, written by postlint init from this site's posts. Every key is
            # optional; remove what you don't need.
            # Reference: postlint rules (every rule), postlint explain RULE (one rule's options).
            # Editors with a YAML language server can check this file against postlint's JSON Schema
            # (postlint rules --format json-schema > postlint.schema.json; see the README).

            # The format this file is written in.
            version: \(ConfigurationLoader.version)

            """
        if let generator = survey.generator {
            text += """

                # The site generator, as detected (\(generator.evidence)):
                # site: {generator: \(generator.name)}

                """
        }
        text += """

            # Start from a preset: recommended (the defaults), seo (search-snippet numbers and the
            # content checks) or strict. Your rules: below are laid over it.
            extends: [recommended]

            # Which Markdown files to lint when a folder is checked (globs relative to this file).
            # include: ["content/**/*.md"]
            exclude: ["**/README.md"]

            """
        if fieldLines.isEmpty {
            text += """

                # Your front matter field names, when they differ from title, slug, excerpt, keywords.
                # fields:
                #   excerpt: description
                #   keywords: tags

                """
        } else {
            text += "\n# Your posts' names for the fields rules talk about (title, slug, excerpt, keywords).\nfields:\n"
            text += fieldLines.joined(separator: "\n") + "\n"
        }
        text += """

            # Folders of your own declarative rules (YAML files; see docs/rule-packs.md).
            # packs: ["./postlint-rules"]

            # Folders that root-relative image paths (/images/a.png) resolve against.
            # site-roots: [".", "static", "public"]

            # Per-rule level (error, warning, info, off) and options.
            rules:

            """
        if !inferences.isEmpty, required.count < FieldNamesList.all.count {
            let left = inferences.filter { !$0.isRequired }.map { inference in
                "\(inference.canonical) (\(inference.count == 0 ? "no post has it" : "\(Self.percent(inference.count, of: total)) of posts"))"
            }
            text += "  # Fields most posts have; left out: \(left.joined(separator: ", ")).\n"
            text += "  required-fields:\n    fields: [\(required.joined(separator: ", "))]\n"
        }
        text += """
              excerpt-length:
                severity: warning
                min: 50
                max: 160
              slug-format:
                max-length: 75

            # Settings for some paths only.
            overrides:
              - files: ["drafts/**"]
                rules:
                  required-fields: off

            """
        return text
    }

    private enum FieldNamesList {
        static let all = SiteSurvey.candidates.map(\.canonical)
    }

    private static func alternatives(of canonical: String) -> String {
        let names = SiteSurvey.candidates.first { $0.canonical == canonical }?.names.dropFirst() ?? []
        return names.joined(separator: ", ")
    }

    /// `count` of `total` as a whole percentage (`96%`); `<1%` for a few of many.
    static func percent(_ count: Int, of total: Int) -> String {
        guard total > 0 else { return "0%" }
        let value = Int((Double(count) * 100 / Double(total)).rounded())
        return value == 0 && count > 0 ? "<1%" : "\(value)%"
    }

    /// `1140` as `1,140`.
    static func grouped(_ number: Int) -> String {
        var digits = String(number.magnitude)
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        return (number < 0 ? "-" : "") + groups.joined(separator: ",")
    }
}
