import PostlintCore

/// The help SARIF shows for a rule, written from the rule's metadata.
enum RuleHelp {
    /// Plain text: the summary as a sentence, the rationale, the options, and whether it can fix.
    static func text(for rule: RuleMetadata) -> String {
        var output = sentence(rule.summary)
        let rationale = trimmed(rule.rationale)
        if !rationale.isEmpty { output += "\n\n" + rationale }
        if !rule.options.isEmpty {
            output += "\n\nOptions:"
            for option in rule.options {
                output +=
                    "\n- \(option.name) (\(option.defaultValue.typeName), default \(option.defaultValue)): \(option.summary)"
            }
        }
        if rule.isFixable { output += "\n\nThe fix command corrects what this rule finds." }
        return output
    }

    /// The same in Markdown: the summary in bold, option names and defaults as code.
    static func markdown(for rule: RuleMetadata) -> String {
        var output = "**" + escapedMarkdown(sentence(rule.summary)) + "**"
        let rationale = trimmed(rule.rationale)
        if !rationale.isEmpty { output += "\n\n" + escapedMarkdown(rationale) }
        if !rule.options.isEmpty {
            output += "\n\nOptions:\n"
            for option in rule.options {
                output +=
                    "\n- \(codeSpan(option.name)) (\(option.defaultValue.typeName), default "
                    + "\(codeSpan(option.defaultValue.description))): \(escapedMarkdown(option.summary))"
            }
        }
        if rule.isFixable { output += "\n\nThe fix command corrects what this rule finds." }
        return output
    }

    /// `text` with a final period unless it already ends in punctuation.
    static func sentence(_ text: String) -> String {
        let body = trimmed(text)
        guard let last = body.last else { return body }
        return ".!?".contains(last) ? body : body + "."
    }

    /// `text` without surrounding white space and with each line's leading spaces removed.
    static func trimmed(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.drop { $0 == " " || $0 == "\t" }
        }
        var joined = Substring(lines.joined(separator: "\n"))
        while let first = joined.first, first.isWhitespace { joined.removeFirst() }
        while let last = joined.last, last.isWhitespace { joined.removeLast() }
        return String(joined)
    }

    /// A rule id as a SARIF rule name: `slug-format` → `SlugFormat`.
    static func pascalCaseName(_ id: String) -> String {
        id.split(whereSeparator: { $0 == "-" || $0 == "." || $0 == "_" })
            .map { word in word.prefix(1).uppercased() + word.dropFirst() }
            .joined()
    }

    /// `text` as a Markdown code span, the fence longer than any run of backticks inside.
    static func codeSpan(_ text: String) -> String {
        var longest = 0
        var current = 0
        for character in text {
            current = character == "`" ? current + 1 : 0
            longest = max(longest, current)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padding = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
        return fence + padding + text + padding + fence
    }

    /// `text` with the characters Markdown would read as markup escaped by a backslash.
    static func escapedMarkdown(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for character in text {
            if "\\`*_[]<>#|~".contains(character) { output.append("\\") }
            output.append(character)
        }
        return output
    }
}
