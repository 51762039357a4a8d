import PostlintCore
import PostlintEngine
import PostlintParsing

/// Runs a rule's own examples: triggering examples must be reported exactly at their marked
/// ranges, non-triggering ones not at all, and corrections must fix to the expected text and
/// converge. Returns readable failures (empty when everything holds).
public enum ExampleChecker {
    /// Text put before every example in a second run, to catch column and offset unit bugs: it
    /// holds multi-byte and astral characters, and shifts every byte offset.
    public static let multibytePrefix = "<!-- émoji 😀 ünïcode -->\n"

    public static func failures(of factory: RuleFactory, context: RuleContext = RuleContext()) -> [String] {
        let metadata = factory.metadata
        var failures: [String] = []
        for example in metadata.triggeringExamples {
            let (text, expected) = example.unmarked
            let diagnostics = run(factory, text: text, example: example, context: context, failures: &failures)
            let ranges = diagnostics.map(\.range).sorted { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
            if expected.isEmpty {
                if ranges.isEmpty { failures.append("\(where_(example)): expected a diagnostic, got none") }
            } else if ranges != expected {
                failures.append(
                    "\(where_(example)): expected ranges \(expected), got \(ranges) "
                        + "(\(diagnostics.map(\.message)))")
            }
            for diagnostic in diagnostics where !isWellFormedMessage(diagnostic.message) {
                failures.append(
                    "\(where_(example)): message \"\(diagnostic.message)\" should start lower-case and end without a period")
            }
        }
        for example in metadata.nonTriggeringExamples {
            let diagnostics = run(factory, text: example.unmarked.text, example: example, context: context, failures: &failures)
            if !diagnostics.isEmpty {
                failures.append("\(where_(example)): expected no diagnostic, got \(diagnostics.map(\.message))")
            }
        }
        for correction in metadata.corrections {
            let example = RuleExample(
                correction.before, options: correction.options, file: correction.sourceFile,
                line: correction.sourceLine)
            guard let rule = make(factory, options: correction.options, failures: &failures, example: example) else { continue }
            var bytes = Array(correction.before.utf8)
            for _ in 0..<4 {
                let document = DocumentLoader.load(path: example.path, bytes: bytes)
                let fixes = rule.check(document, context: context).compactMap(\.fix)
                if fixes.isEmpty { break }
                bytes = FixApplier.apply(fixes, to: bytes).bytes
            }
            let fixed = String(decoding: bytes, as: UTF8.self)
            if fixed != correction.after {
                failures.append(
                    "\(correction.sourceFile):\(correction.sourceLine): correction gave \(fixed.debugDescription), expected \(correction.after.debugDescription)"
                )
            }
            let again = rule.check(DocumentLoader.load(path: example.path, bytes: bytes), context: context)
            if again.contains(where: { $0.fix != nil }) {
                failures.append("\(correction.sourceFile):\(correction.sourceLine): fixed text still has fixable diagnostics")
            }
        }
        return failures
    }

    /// Runs the rule on `text`, and again with `multibytePrefix` inserted after the front matter (or
    /// at the start), checking the ranges shift by exactly the prefix's length.
    private static func run(
        _ factory: RuleFactory, text: String, example: RuleExample, context: RuleContext,
        failures: inout [String]
    ) -> [Diagnostic] {
        guard let rule = make(factory, options: example.options, failures: &failures, example: example) else { return [] }
        let document = DocumentLoader.load(path: example.path, text: text)
        let diagnostics = rule.check(document, context: context)
        // The shifted run: a comment line put where the body starts (skipped when front matter
        // is never closed, as there is no body then).
        let insertAt: Int
        if let frontMatter = document.frontMatter {
            guard frontMatter.block.closingFence != nil else { return diagnostics }
            insertAt = document.bodyRange.lowerBound
        } else {
            insertAt = document.source.hasByteOrderMark ? 3 : 0
        }
        let prefix = Array(multibytePrefix.utf8)
        var bytes = Array(text.utf8)
        bytes.insert(contentsOf: prefix, at: insertAt)
        let shifted = rule.check(DocumentLoader.load(path: example.path, bytes: bytes), context: context)
        func key(_ range: ByteRange) -> [Int] { [range.lowerBound, range.upperBound] }
        // A point diagnostic at the insertion point (the start of the file) may stay where it is.
        let expected = diagnostics.map { diagnostic -> [Int] in
            let range = diagnostic.range
            if range.isEmpty, range.lowerBound == insertAt { return key(range) }
            return range.lowerBound >= insertAt ? [range.lowerBound + prefix.count, range.upperBound + prefix.count] : key(range)
        }
        if Set(shifted.map { key($0.range) }) != Set(expected) {
            failures.append(
                "\(where_(example)): with multi-byte text inserted at byte \(insertAt), expected \(expected), got \(shifted.map(\.range))"
            )
        }
        return diagnostics
    }

    private static func make(
        _ factory: RuleFactory, options: [String: OptionValue], failures: inout [String],
        example: RuleExample
    ) -> (any Rule)? {
        // An example's options are spelled by name: each must be a declared option of its type,
        // so a renamed option or a changed type fails here rather than silently using the default.
        for (name, value) in options.sorted(by: { $0.key < $1.key }) {
            guard let declared = factory.metadata.option(named: name) else {
                failures.append("\(where_(example)): option \"\(name)\" is not declared by \(factory.metadata.id)")
                return nil
            }
            guard declared.defaultValue.typeName == value.typeName else {
                failures.append(
                    "\(where_(example)): option \"\(name)\" is \(declared.defaultValue.typeName), not \(value.typeName)")
                return nil
            }
        }
        do {
            return try factory.make(RuleOptions(defaultsOf: factory.metadata, overrides: options))
        } catch {
            failures.append("\(where_(example)): cannot build the rule: \(error)")
            return nil
        }
    }

    private static func where_(_ example: RuleExample) -> String {
        "\(example.sourceFile):\(example.sourceLine)"
    }

    /// Starts lower-case (or with a quote, digit or symbol) and does not end with a period.
    public static func isWellFormedMessage(_ message: String) -> Bool {
        guard let first = message.first, !message.hasSuffix(".") else { return false }
        return !first.isUppercase
    }
}
