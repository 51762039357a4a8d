import PostlintCore

/// Builds the code actions of one buffer revision: a rule's fix, the suppression comment, and
/// every safe fix at once.
struct CodeActionBuilder {
    let uri: String
    let version: Int
    let result: LintResult
    let converter: PositionConverter
    /// Whether the client takes versioned `documentChanges` (then a stale edit is refused by it).
    let documentChanges: Bool

    /// The rule's own fix, the same one `postlint fix` applies.
    func quickFix(for diagnostic: ServerDiagnostic) -> CodeAction? {
        guard let fix = diagnostic.fix, !fix.edits.isEmpty,
            fix.edits.allSatisfy({ $0.range.lowerBound >= 0 && $0.range.upperBound <= result.bytes.count })
        else {
            return nil
        }
        let edits = fix.edits.sorted { $0.range.lowerBound < $1.range.lowerBound }.map { edit in
            LSPTextEdit(range: converter.range(of: edit.range), newText: edit.replacement)
        }
        return CodeAction(
            title: fix.title, kind: "quickfix", diagnostics: [diagnostic.lspDiagnostic(converter: converter)],
            isPreferred: true, edit: workspaceEdit(edits))
    }

    /// "Disable RULE for this line": `<!-- postlint-disable-next-line RULE -->` on a new line above
    /// the diagnostic's first line, with the same indentation. Offered in the Markdown body only: an
    /// HTML comment inside front matter would break it.
    func suppression(for diagnostic: ServerDiagnostic) -> CodeAction? {
        guard let ruleID = diagnostic.ruleID, diagnostic.range.lowerBound >= result.bodyStart else { return nil }
        let index = result.lineIndex
        let line = index.lineIndex(containing: diagnostic.range.lowerBound)
        let content = index.contentRange(ofLine: line)
        let indentation = result.bytes[content].prefix { $0 == 0x20 || $0 == 0x09 }
        let lineEnd =
            content.upperBound < result.bytes.count && result.bytes[content.upperBound] == 0x0D
                && content.upperBound + 1 < result.bytes.count && result.bytes[content.upperBound + 1] == 0x0A ? "\r\n" : "\n"
        let comment = String(decoding: indentation, as: UTF8.self) + "<!-- postlint-disable-next-line \(ruleID) -->" + lineEnd
        let start = content.lowerBound
        return CodeAction(
            title: "Disable \(ruleID) for this line", kind: "quickfix",
            diagnostics: [diagnostic.lspDiagnostic(converter: converter)], isPreferred: nil,
            edit: workspaceEdit([LSPTextEdit(range: converter.range(of: start..<start), newText: comment)]))
    }

    /// Every safe fix applied, as one edit covering only the bytes that differ.
    func fixAll(_ fixed: [UInt8], kind: String) -> CodeAction? {
        let original = result.bytes
        guard fixed != original else { return nil }
        var prefix = 0
        while prefix < original.count, prefix < fixed.count, original[prefix] == fixed[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < original.count - prefix, suffix < fixed.count - prefix,
            original[original.count - 1 - suffix] == fixed[fixed.count - 1 - suffix]
        { suffix += 1 }
        // Keep the edit on whole UTF-8 sequences: never start or end inside a character.
        func isContinuation(_ bytes: [UInt8], _ index: Int) -> Bool {
            index >= 0 && index < bytes.count && bytes[index] & 0xC0 == 0x80
        }
        while prefix > 0, isContinuation(original, prefix) || isContinuation(fixed, prefix) { prefix -= 1 }
        while suffix > 0, isContinuation(original, original.count - suffix) || isContinuation(fixed, fixed.count - suffix) {
            suffix -= 1
        }
        let range = prefix..<(original.count - suffix)
        let replacement = String(decoding: fixed[prefix..<(fixed.count - suffix)], as: UTF8.self)
        return CodeAction(
            title: "Fix all postlint problems", kind: kind, diagnostics: nil, isPreferred: nil,
            edit: workspaceEdit([LSPTextEdit(range: converter.range(of: range), newText: replacement)]))
    }

    private func workspaceEdit(_ edits: [LSPTextEdit]) -> WorkspaceEdit {
        WorkspaceEdit(uri: uri, version: version, edits: edits, versioned: documentChanges)
    }
}
