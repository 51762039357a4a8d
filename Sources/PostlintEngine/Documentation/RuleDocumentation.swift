import PostlintCore

/// Renders rules' own metadata as documentation: the `postlint rules` table, `postlint explain`,
/// and the rule reference `docs/rules.md` (kept current by a test).
public enum RuleDocumentation {
    /// One line per rule: id, category, severity, fixable, summary.
    public static func table(_ rules: [RuleMetadata]) -> String {
        let idWidth = max(4, rules.map(\.id.count).max() ?? 0)
        let categoryWidth = max(8, rules.map(\.category.rawValue.count).max() ?? 0)
        func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
        var output = pad("RULE", idWidth) + "  " + pad("CATEGORY", categoryWidth) + "  SEVERITY  FIX  SUMMARY\n"
        for rule in rules {
            let severity = rule.isEnabledByDefault ? rule.defaultSeverity.rawValue : "off"
            output +=
                pad(rule.id, idWidth) + "  " + pad(rule.category.rawValue, categoryWidth) + "  "
                + pad(severity, 8) + "  " + (rule.isFixable ? "yes" : "no ") + "  " + rule.summary + "\n"
        }
        return output
    }

    /// Everything about one rule, for a terminal.
    public static func explanation(_ rule: RuleMetadata) -> String {
        var output = "\(rule.id) (\(rule.category.rawValue), \(rule.defaultSeverity.rawValue)"
        output += rule.isFixable ? ", fixable" : ""
        output += rule.isEnabledByDefault ? ")\n" : ", off by default)\n"
        output += "\n\(rule.summary).\n\n\(rule.rationale.trimmedLines())\n"
        if rule.origin != "built-in" { output += "\nDefined in \(rule.origin).\n" }
        if !rule.options.isEmpty {
            output += "\nOptions:\n"
            for option in rule.options {
                output += "  \(option.name) (\(option.typeDescription), default \(option.defaultValue)): \(option.summary)\n"
            }
        }
        if !rule.triggeringExamples.isEmpty {
            output += "\nReported:\n"
            for example in rule.triggeringExamples { output += render(example, marked: true) }
        }
        if !rule.nonTriggeringExamples.isEmpty {
            output += "\nNot reported:\n"
            for example in rule.nonTriggeringExamples { output += render(example, marked: false) }
        }
        for (title, examples, marked) in [
            ("Reported", rule.triggeringSiteExamples, true),
            ("Not reported", rule.nonTriggeringSiteExamples, false),
        ] where !examples.isEmpty {
            output += "\n\(title), in a site of these files:\n"
            for example in examples { output += render(example, marked: marked) }
        }
        return output
    }

    private static func render(_ example: SiteRuleExample, marked: Bool) -> String {
        var output = ""
        if !example.options.isEmpty {
            let options = example.options.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
            output += "  with \(options):\n"
        }
        for file in example.files {
            guard file.isPost else {
                output += "  \(file.path) (a file)\n"
                continue
            }
            output += "  \(file.path):\n"
            let text = (marked ? file.text : RuleExample(file.text).unmarked.text).withVisibleControlCharacters()
            for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0) {
                output += "    | \(line)\n"
            }
        }
        return output + "\n"
    }

    private static func render(_ example: RuleExample, marked: Bool) -> String {
        var output = ""
        if !example.options.isEmpty {
            let options = example.options.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
            output += "  with \(options)\(example.path != "post.md" ? " in \(example.path)" : ""):\n"
        }
        let text = (marked ? example.text : example.unmarked.text).withVisibleControlCharacters()
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0) {
            output += "    | \(line)\n"
        }
        return output + "\n"
    }

    /// The Markdown rule reference.
    public static func reference(_ rules: [RuleMetadata]) -> String {
        var output = "# Rule reference\n\n"
        output += "Generated from the rules' own metadata by `postlint rules --format markdown`; do not edit.\n"
        output += "In examples, `⟦` and `⟧` mark what the rule reports, and a control character is shown as\n"
        output += "its code point, such as `<U+001B>` for an escape.\n\n"
        output += "| Rule | Category | Default | Fixable | Summary |\n| --- | --- | --- | --- | --- |\n"
        for rule in rules {
            let severity = rule.isEnabledByDefault ? rule.defaultSeverity.rawValue : "off"
            output +=
                "| [`\(rule.id)`](#\(rule.id.replacingDots())) | \(rule.category.rawValue) | \(severity) | "
                + "\(rule.isFixable ? "yes" : "no") | \(rule.summary) |\n"
        }
        for rule in rules {
            output += "\n## \(rule.id)\n\n\(rule.summary).\n\n\(rule.rationale.trimmedLines())\n\n"
            output += "- Category: \(rule.category.rawValue)\n- Default severity: \(rule.defaultSeverity.rawValue)"
            output += rule.isEnabledByDefault ? "\n" : " (off by default)\n"
            output += "- Fixable: \(rule.isFixable ? "yes" : "no")\n"
            output += "- Defined: \(rule.origin == "built-in" ? "built in" : "`\(rule.origin)`")\n"
            if !rule.options.isEmpty {
                output += "\n| Option | Type | Default | Meaning |\n| --- | --- | --- | --- |\n"
                for option in rule.options {
                    output += "| `\(option.name)` | \(option.typeDescription) | `\(option.defaultValue)` | \(option.summary) |\n"
                }
            }
            for (title, examples, marked) in [
                ("Reported", rule.triggeringExamples, true),
                ("Not reported", rule.nonTriggeringExamples, false),
            ] where !examples.isEmpty {
                output += "\n\(title):\n"
                for example in examples {
                    if !example.options.isEmpty {
                        let options = example.options.sorted { $0.key < $1.key }.map { "`\($0.key): \($0.value)`" }
                        output += "\nWith \(options.joined(separator: ", "))"
                        output += example.path != "post.md" ? " in `\(example.path)`:\n" : ":\n"
                    }
                    let text = (marked ? example.text : example.unmarked.text).withVisibleControlCharacters()
                    let fence = String(repeating: "`", count: max(3, longestBacktickRun(text) + 1))
                    output += "\n\(fence)markdown\n\(text)\(text.hasSuffix("\n") ? "" : "\n")\(fence)\n"
                }
            }
            for (title, examples, marked) in [
                ("Reported", rule.triggeringSiteExamples, true),
                ("Not reported", rule.nonTriggeringSiteExamples, false),
            ] where !examples.isEmpty {
                output += "\n\(title), in a site of these files:\n"
                for (index, example) in examples.enumerated() {
                    if examples.count > 1 { output += "\nSite \(index + 1):\n" }
                    if !example.options.isEmpty {
                        let options = example.options.sorted { $0.key < $1.key }.map { "`\($0.key): \($0.value)`" }
                        output += "\nWith \(options.joined(separator: ", ")):\n"
                    }
                    var posts: [String] = []
                    for file in example.files {
                        guard file.isPost else {
                            posts.append("\n`\(file.path)` (a file)\n")
                            continue
                        }
                        let text = (marked ? file.text : RuleExample(file.text).unmarked.text).withVisibleControlCharacters()
                        let fence = String(repeating: "`", count: max(3, longestBacktickRun(text) + 1))
                        posts.append(
                            "\n`\(file.path)`:\n\n\(fence)markdown\n\(text)\(text.hasSuffix("\n") ? "" : "\n")\(fence)\n")
                    }
                    output += posts.joined()
                }
            }
        }
        return output
    }
}

private func longestBacktickRun(_ text: String) -> Int {
    var longest = 0
    var current = 0
    for character in text {
        current = character == "`" ? current + 1 : 0
        longest = max(longest, current)
    }
    return longest
}

extension String {
    /// The text with each line's surrounding white space removed and blank edges dropped.
    func trimmedLines() -> String {
        split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in String(line.drop { $0 == " " }) }
            .joined(separator: "\n")
            .trimmingNewlines()
    }

    func trimmingNewlines() -> String {
        var slice = Substring(self)
        while slice.first?.isNewline == true || slice.first == " " { slice.removeFirst() }
        while slice.last?.isNewline == true || slice.last == " " { slice.removeLast() }
        return String(slice)
    }

    /// The text with each control character but tab and newline (C0, DEL, C1) written as its
    /// code point, `<U+001B>`: examples of bytes that break posts stay readable and the rendered
    /// documentation stays plain text.
    func withVisibleControlCharacters() -> String {
        var output = ""
        output.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            let value = scalar.value
            if (value < 0x20 && scalar != "\t" && scalar != "\n") || (0x7F...0x9F).contains(value) {
                let digits = String(value, radix: 16, uppercase: true)
                output += "<U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits + ">"
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    func replacingDots() -> String {
        String(map { $0 == "." ? "-" : $0 })
    }
}
