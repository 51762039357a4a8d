import PostlintCore
import PostlintEncoding
import PostlintMarkdown

/// `mojibake`: UTF-8 text mis-decoded through a single-byte code page, once or several times over,
/// and single-byte text shown through another code page, reported with its repair. Fixable when
/// the repair is unambiguous.
public struct MojibakeRule: BuiltInRule {
    public static let metadata = RuleMetadata(
        id: "mojibake", category: .encoding,
        summary: "Text read through the wrong code page (\"cafÃ©\" for \"café\")",
        rationale: """
            Mojibake comes in through copy-paste from mis-decoded sources and CMS exports. Readers \
            see it and search engines index it. Each multi-byte UTF-8 character turns into two to \
            four characters of the code page it was read as, in telltale patterns; the rule turns \
            such a run back into bytes, checks they are well-formed UTF-8 that decodes to plausible \
            text, and repeats for text mis-decoded twice. Plausible real text (French, Portuguese, \
            Russian, capitals before punctuation) does not fire. It also finds Windows-1252 text read \
            as Latin-1 (C1 controls), supplementary characters sent as CESU-8 surrogate pairs, \
            and mojibake whose no-break space became a space or whose undefined byte was lost. \
            Text saved in one single-byte code page and shown as another, with no UTF-8 on the way, \
            is found by its letters: Central European text saved as ISO-8859-2 or Windows-1250 and \
            shown as Windows-1252 (a symbol where a letter belongs, or letters no alphabet puts \
            together: `èina`, `Nýøany`, `jêzyk`, Romanian `tuvanã`), and Russian, Ukrainian or Bulgarian text saved as KOI8 and shown as \
            Windows-1251 (pairs of letters those languages do not write); a word whose bytes read \
            well as UTF-8 is never given such a repair. The message says which code page, how many \
            layers, and whether the bytes round-trip exactly. When two repairs are equally \
            plausible, or a lost byte leaves the repair unknown, the rule reports without a fix. \
            Code spans, code blocks and comments are skipped: mojibake there is an example.
            """,
        defaultSeverity: .error,
        options: Options.declared,
        isFixable: true,
        reads: .source, capabilities: .isSearchCheck,
        triggeringExamples: [
            RuleExample("---\ntitle: Notes\n---\n\nThe dashboard itself⟦â€”⟧a lesson.\n"),
            RuleExample("---\ntitle: \"Caf⟦Ã©⟧ notes\"\n---\n\nBody.\n"),
            RuleExample("---\ntitle: Notes\n---\n\nIt⟦Ã¢â‚¬â„¢⟧s done.\n"),
            RuleExample("---\ntitle: Notes\n---\n\n⟦Ã‰⟧t⟦Ã©⟧ and hiver.\n"),
            RuleExample("---\ntitle: Notes\n---\n\nHello ⟦ðŸ˜€⟧ and ⟦Ð¿Ñ€Ð¸Ð²ÐµÑ‚⟧.\n"),
            RuleExample("---\ntitle: Notes\n---\n\nMoscow: ⟦РџСЂРёРІРµС‚⟧.\n"),
            RuleExample("---\ntitle: Notes\n---\n\nM⟦Ãœ⟧NCHEN, ⟦ÄŒ⟧esko, ⟦Ä°⟧zmir, Stra⟦√ü⟧e, ⟦┬┐⟧D⟦├│⟧nde.\n"),
            RuleExample("---\ntitle: Notes\n---\n\nSee the menu ⟦Ã ⟧la carte.\n"),
            RuleExample("---\ntitle: Notes\n---\n\nThe city of ⟦Ã\u{FFFD}⟧vila.\n"),
            RuleExample("---\ntitle: Notes\n---\n\nPolish: ⟦Za¿ó³æ⟧ ⟦gê¶l±⟧ ⟦ja¼ñ⟧, and ⟦Toruñ⟧ by ⟦Kokanoviæ⟧.\n"),
            RuleExample("---\ntitle: Notes\n---\n\nCzech ⟦Nýøany⟧, Polish ⟦jêzyk⟧, Romanian ⟦tuvanã⟧, Lithuanian ⟦Å ⟧iauliai.\n"),
            RuleExample("---\ntitle: Notes\n---\n\nRussian: ⟦тПУУЙС⟧ ⟦Й⟧ ⟦уЙВЙТШ⟧, and ⟦оЙЛБТБЗХБ⟧.\n"),
        ],
        nonTriggeringExamples: [
            RuleExample("---\ntitle: Café crème\n---\n\nDÉJÀ… VOILÀ » et « ÇA ». Straße „Fuß“.\n"),
            RuleExample("---\ntitle: Notes\n---\n\nЕё ещё нет. Він пішов. Tiếng Việt. Ελληνικά. 中文字符.\n"),
            RuleExample("---\ntitle: Notes\n---\n\nIt’s “quoted” — isn’t it… 👩‍💻 👨‍👩‍👧‍👦 🇫🇷 ½ ± 2 °C © ™\n"),
            RuleExample("---\ntitle: Notes\n---\n\nNÃO! SÃO PAULO. IRMÃ… CAFÉ™ ┌──┐\n"),
            RuleExample("---\ntitle: Notes\n---\n\nÅ være. Read as Windows-1252, `é` shows as `Ã©`:\n\n```\nitselfâ€”a\n```\n"),
            RuleExample(
                "---\ntitle: Notes\n---\n\n¿Dónde? col·lecció, 5 µm, 12 m², Intel®, España, œuvre, Èdè Yorùbá, con mèo, nghèo, irmã, Øivind.\n"
            ),
            RuleExample("---\ntitle: Notes\n---\n\nСССР и США, ВКонтакте, ООО «Ромашка», курс йен.\n"),
        ],
        corrections: [
            RuleCorrection("---\ntitle: Notes\n---\n\nitselfâ€”a lesson\n", "---\ntitle: Notes\n---\n\nitself—a lesson\n"),
            RuleCorrection("---\ntitle: \"CafÃ©\"\n---\n\nItÃ¢â‚¬â„¢s\n", "---\ntitle: \"Café\"\n---\n\nIt’s\n"),
            RuleCorrection(
                "---\ntitle: Notes\n---\n\nÄŒesko, \u{84}Hallo\u{93}, Ã  la carte\n",
                "---\ntitle: Notes\n---\n\nČesko, „Hallo“, à la carte\n"),
            RuleCorrection(
                "---\ntitle: Notes\n---\n\nThe city of Ã\u{FFFD}vila.\n", "---\ntitle: Notes\n---\n\nThe city of Ã\u{FFFD}vila.\n"
            ),
            RuleCorrection(
                "---\ntitle: Notes\n---\n\nZa¿ó³æ gê¶l± ja¼ñ, тПУУЙС\n",
                "---\ntitle: Notes\n---\n\nZażółć gęślą jaźń, Россия\n"),
        ])

    let detector: MojibakeDetector

    /// `mojibake`'s options.
    public struct Options: TypedRuleOptions {
        public var codePages = CodePage.allCases.map(\.identifier)

        public init() {}

        public static let fields: [OptionField<Self>] = [
            .strings(
                "code-pages", \.codePages, "the code pages looked for, in order of preference",
                allowed: CodePage.allCases.map(\.identifier))
        ]
    }

    public init(options: Options) {
        detector = MojibakeDetector(pages: options.codePages.compactMap(CodePage.init(identifier:)))
    }

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        let source = document.source
        guard !source.isASCII else { return [] }
        // `utf8` is valid UTF-8 (each invalid byte replaced), its offsets the file's.
        let findings = source.utf8.withUnsafeBufferPointer { detector.findings(inValidUTF8: $0) }
        guard !findings.isEmpty else { return [] }
        // Code spans, code blocks and comments hold mojibake on purpose (an example of it): skipped.
        // The body is scanned here only when there is a finding, so clean posts never pay for it.
        let excluded = (document.body ?? MarkdownScanner.scan(source, range: document.bodyRange)).excludedRanges
        var nextExcluded = 0
        return findings.compactMap { finding in
            while nextExcluded < excluded.count, excluded[nextExcluded].upperBound <= finding.range.lowerBound {
                nextExcluded += 1
            }
            if nextExcluded < excluded.count, excluded[nextExcluded].overlaps(finding.range) { return nil }
            guard let best = finding.repairs.first else { return nil }
            let original = VisibleText.render(finding.original)
            if let reason = finding.unsureReason {
                let readings = finding.repairs.prefix(5).map { "\"\(VisibleText.render($0.text))\"" }
                    .joined(separator: ", ")
                return diagnostic(
                    "\"\(original)\" is likely mojibake (\(reason)); no exact repair: perhaps \(readings)",
                    at: finding.range)
            }
            if finding.isAmbiguous {
                let readings = finding.repairs.prefix(3)
                    .map { "\"\(VisibleText.render($0.text))\" read as \($0.chainDescription)" }
                    .joined(separator: ", or ")
                return diagnostic(
                    "\"\(original)\" looks like mojibake: \(readings); not fixed, the repair is ambiguous",
                    at: finding.range)
            }
            let repaired = VisibleText.render(best.text)
            let fix = Fix(
                title: "Replace \"\(original)\" with \"\(repaired)\"",
                edits: [TextEdit(range: finding.range, replacement: best.text)])
            let how = best.note.map { "; \($0)" } ?? "; the bytes round-trip exactly"
            if best.chain.isEmpty {
                return diagnostic("\"\(original)\" looks like \"\(repaired)\"\(how)", at: finding.range, fix: fix)
            }
            return diagnostic(
                "\"\(original)\" looks like \"\(repaired)\" read as \(best.chainDescription)\(how)",
                at: finding.range, fix: fix)
        }
    }
}
