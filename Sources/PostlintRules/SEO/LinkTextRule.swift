import PostlintCore

/// `link-text`: links whose text says nothing about where they go.
public struct LinkTextRule: BuiltInRule {
    /// Link texts that say nothing, per language (lower case, no surrounding punctuation).
    static let vagueTexts: [String: [String]] = [
        "en": [
            "click here", "click this", "here", "this", "read more", "more", "learn more", "see more", "more info",
            "more information", "information", "info", "go", "start", "right here", "continue", "link",
            "this link", "this page", "details", "click", "continue reading",
        ],
        "es": [
            "haz clic aquí", "haga clic aquí", "clic aquí", "pincha aquí", "aquí", "más", "leer más",
            "más información", "enlace", "este enlace",
        ],
        "fr": ["cliquez ici", "cliquer ici", "ici", "en savoir plus", "lire la suite", "plus", "ce lien", "lien"],
        "de": [
            "hier klicken", "klicken sie hier", "hier", "mehr", "weiterlesen", "mehr erfahren", "mehr lesen",
            "dieser link",
        ],
        "pt": ["clique aqui", "aqui", "saiba mais", "leia mais", "mais", "este link"],
        "it": ["clicca qui", "qui", "leggi di più", "scopri di più", "altro", "questo link"],
        "nl": ["klik hier", "hier", "lees meer", "meer", "deze link"],
        "ja": ["ここをクリック", "こちらをクリック", "こちら", "続きを読む", "詳細", "リンク"],
    ]

    public static let metadata = RuleMetadata(
        id: "link-text", category: .seo,
        summary: "Link text says where the link goes",
        rationale: """
            Search engines read link text to learn what the target page is about, and screen reader \
            users often jump from link to link, hearing only the text. "Click here", "read more" or \
            a bare URL tell neither anything; Lighthouse's SEO audit fails pages with such links. \
            The lists of vague texts are per language (en, es, fr, de, pt, it, nl, ja), chosen with \
            the languages option and extended with phrases. Text is compared ignoring case, \
            surrounding punctuation and repeated spaces.
            """,
        defaultSeverity: .warning,
        options: Options.declared,
        reads: [.markdown],
        triggeringExamples: [
            RuleExample("For the full table, ⟦[click here](https://example.com/tea)⟧.\n"),
            RuleExample("Brewing notes. ⟦[Read more…](/tea/brewing/)⟧\n"),
            RuleExample("See ⟦<https://example.com/tea>⟧ for details.\n"),
            RuleExample("See ⟦[www.example.com/tea](https://www.example.com/tea)⟧.\n"),
            RuleExample("Más notas ⟦[aquí](/te/)⟧.\n", options: ["languages": .strings(["en", "es"])]),
            RuleExample("Our ⟦[tea page](/tea/)⟧.\n", options: ["phrases": .strings(["Tea page"])]),
        ],
        nonTriggeringExamples: [
            RuleExample("Read the [brewing temperature table](https://example.com/tea).\n"),
            RuleExample("Más notas [aquí](/te/).\n"),
            RuleExample("See <https://example.com/tea>.\n", options: ["bare-urls": .bool(false)]),
            RuleExample("`[click here](x)` in code is not a link.\n"),
        ])

    let vague: Set<String>
    /// The longest vague text's length in bytes: a longer text is none of them.
    let longestVague: Int
    /// The most Unicode scalars a vague text has (`mayBeVagueOrURL`).
    let mostVagueScalars: Int
    let bareURLs: Bool
    /// The bytes a normalized ASCII text must start with to be a vague text or a bare URL: the
    /// first bytes of the ASCII vague texts, and `h` and `w` when bare URLs are reported.
    let asciiStarts: ASCIISet

    /// `link-text`'s options.
    public struct Options: TypedRuleOptions {
        public var languages = ["en"]
        public var phrases: [String] = []
        public var bareURLs = true

        public init() {}

        public static let fields: [OptionField<Self>] = [
            .strings(
                "languages", \.languages, "the languages whose lists of vague link texts apply",
                allowed: LinkTextRule.vagueTexts.keys.sorted()),
            .strings("phrases", \.phrases, "more link texts to report, in any language"),
            .boolean("bare-urls", \.bareURLs, "report links whose text is the URL itself"),
        ]
    }

    public init(options: Options) {
        var vague: Set<String> = []
        for language in options.languages {
            for text in Self.vagueTexts[language.lowercased()] ?? [] { vague.insert(text) }
        }
        for phrase in options.phrases { vague.insert(Self.normalized(phrase)) }
        self.vague = vague
        longestVague = vague.map(\.utf8.count).max() ?? 0
        mostVagueScalars = vague.map(\.unicodeScalars.count).max() ?? 0
        bareURLs = options.bareURLs
        asciiStarts = ASCIISet(vague.compactMap(\.utf8.first) + (options.bareURLs ? Array("hw".utf8) : []))
    }

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        guard let body = document.body else { return [] }
        var diagnostics: [Diagnostic] = []
        // An ASCII text's normalized bytes, reused from link to link: a string is made only of a
        // text short enough to be a vague one.
        var scratch: [UInt8] = []
        // Each link read in place, field by field: a copy of a whole link retains all its strings.
        let links = body.links
        for index in links.indices {
            let linkText = links[index].text
            switch Self.asciiStart(of: linkText) {
            case .empty: continue
            // Most link texts (names, titles, commit ids, issue numbers) go no further.
            case .byte(let first) where !asciiStarts.contains(first): continue
            case .byte, .notASCII: break
            }
            if let normalized = Self.normalizeASCII(linkText, into: &scratch) {
                if normalized.isEmpty { continue }
                let bytes = scratch[normalized]
                if bytes.count <= longestVague, case let text = String(decoding: bytes, as: UTF8.self), vague.contains(text) {
                    diagnostics.append(
                        diagnostic("link text \"\(text)\" says nothing about where the link goes", at: links[index].range))
                } else if bareURLs, Self.isURL(bytes) {
                    diagnostics.append(
                        diagnostic("link text is a bare URL; describe the page it leads to", at: links[index].range))
                }
                continue
            }
            guard Self.mayBeVagueOrURL(linkText, mostVagueScalars: mostVagueScalars) else { continue }
            let text = Self.normalizedUnicode(linkText)
            if text.isEmpty { continue }
            if vague.contains(text) {
                diagnostics.append(
                    diagnostic(
                        "link text \"\(text)\" says nothing about where the link goes",
                        at: links[index].range))
            } else if bareURLs, Self.isURL(text) {
                diagnostics.append(diagnostic("link text is a bare URL; describe the page it leads to", at: links[index].range))
            }
        }
        return diagnostics
    }

    /// Lower-cased, without surrounding white space and punctuation, inner white space collapsed.
    static func normalized(_ text: String) -> String {
        text.utf8.allSatisfy({ $0 < 0x80 }) ? normalizedASCII(text) : normalizedUnicode(text)
    }

    static func normalizedUnicode(_ text: String) -> String {
        normalizedByTable(text) ?? normalizedByCharacters(text)
    }

    /// `normalizedUnicode` a scalar at a time, for text whose every scalar `ScalarTable` answers
    /// for (each is then a character of its own); nil for other text.
    static func normalizedByTable(_ text: String) -> String? {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            guard let entry = ScalarTable.entry(scalar) else { return nil }
            if entry.kind == .whitespace {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if pendingSpace { scalars.append(" ") }
            pendingSpace = false
            scalars.append(entry.lowercase)
        }
        var start = 0
        var end = scalars.count
        while start < end, scalars[start] == " " || trimmableScalars.contains(scalars[start]) { start += 1 }
        while end > start, scalars[end - 1] == " " || trimmableScalars.contains(scalars[end - 1]) { end -= 1 }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[start..<end])
        return String(result)
    }

    /// `trimmable`'s characters, each a single scalar.
    static let trimmableScalars = Set(trimmable.compactMap { $0.unicodeScalars.count == 1 ? $0.unicodeScalars.first : nil })

    /// `normalizedUnicode` a character at a time, as the standard library tells white space and
    /// lower case.
    static func normalizedByCharacters(_ text: String) -> String {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isWhitespace {
                if !current.isEmpty { words.append(current); current = "" }
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        let characters = Array(words.joined(separator: " "))
        var start = 0
        var end = characters.count
        // Punctuation and the spaces it leaves ("« ici »" is "ici").
        while start < end, trimmable.contains(characters[start]) || characters[start] == " " { start += 1 }
        while end > start, trimmable.contains(characters[end - 1]) || characters[end - 1] == " " { end -= 1 }
        return String(characters[start..<end])
    }

    /// Whether `text`, normalized, may be a vague text or a bare URL, told without normalizing
    /// it: false when it holds more scalars that normalizing keeps than any vague text has, and
    /// neither `://` nor `www.`. The scalars counted are those a table of ranges answers for:
    /// ASCII ones other than white space and trimmed punctuation, and letters of the Latin,
    /// Cyrillic, CJK, kana and Hangul blocks (none is white space, punctuation, a mark that joins
    /// a character before it, or equivalent to one). Lower-casing maps a scalar to one or more,
    /// and only white space and trimmed characters are dropped, so the normalized text has at
    /// least as many.
    static func mayBeVagueOrURL(_ text: String, mostVagueScalars: Int) -> Bool {
        let bytes = text.utf8
        if bytes.count <= mostVagueScalars { return true }
        var kept = 0
        var previous: (UInt8, UInt8, UInt8) = (0, 0, 0)
        for byte in bytes {
            // `://`, or `www.` in any letter case.
            if (byte == UInt8(ascii: "/") && previous.1 == UInt8(ascii: ":") && previous.2 == UInt8(ascii: "/"))
                || (byte == UInt8(ascii: ".") && previous.0 | 0x20 == UInt8(ascii: "w")
                    && previous.1 | 0x20 == UInt8(ascii: "w") && previous.2 | 0x20 == UInt8(ascii: "w"))
            {
                return true
            }
            previous = (previous.1, previous.2, byte)
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let counts: Bool
            if value < 0x80 {
                let byte = UInt8(value)
                counts = byte != 0x20 && !(0x09...0x0D).contains(byte) && !trimmedASCII.contains(byte)
            } else {
                counts = keptScalarRanges.contains { $0.contains(value) }
            }
            if counts {
                kept += 1
                if kept > mostVagueScalars { return false }
            }
        }
        return true
    }

    /// Letters that normalizing a link text keeps (see `mayBeVagueOrURL`): Latin-1 and Latin
    /// Extended letters, basic Cyrillic, CJK ideographs, kana and Hangul syllables.
    private static let keptScalarRanges: [ClosedRange<UInt32>] = [
        0x00C0...0x00D6, 0x00D8...0x00F6, 0x00F8...0x024F, 0x0400...0x0481, 0x048A...0x04FF, 0x3041...0x3096,
        0x30A1...0x30FA, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3,
    ]

    /// `normalized` for ASCII text, byte by byte: the same result without building characters.
    static func normalizedASCII(_ text: String) -> String {
        var bytes: [UInt8] = []
        let normalized = normalizeASCII(text, into: &bytes) ?? 0..<0
        return String(decoding: bytes[normalized], as: UTF8.self)
    }

    /// `normalized` of an ASCII `text` written into `bytes` (emptied first): the range of `bytes`
    /// that holds it. Nil when the text is not all ASCII.
    static func normalizeASCII(_ text: String, into bytes: inout [UInt8]) -> Range<Int>? {
        bytes.removeAll(keepingCapacity: true)
        var pendingSpace = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace { bytes.append(0x20) }
            pendingSpace = false
            bytes.append((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
        }
        var start = 0
        var end = bytes.count
        let trimmed = trimmedASCII
        while start < end, trimmed.contains(bytes[start]) { start += 1 }
        while end > start, trimmed.contains(bytes[end - 1]) { end -= 1 }
        return start..<end
    }

    /// How `normalizeASCII` of a text starts, told without normalizing it.
    enum ASCIIStart: Equatable {
        /// The text is not all ASCII.
        case notASCII
        /// It normalizes to nothing.
        case empty
        /// Its normalized form starts with this byte.
        case byte(UInt8)
    }

    /// How `normalizeASCII(text)` starts: with the first byte that is neither white space nor
    /// trimmed punctuation, lower-cased (normalizing drops white space, lower-cases, and trims
    /// only such bytes from the start).
    static func asciiStart(of text: String) -> ASCIIStart {
        var text = text
        return text.withUTF8 { bytes in
            guard ByteScanning.isASCII(bytes) else { return .notASCII }
            for byte in bytes where !(byte == 0x20 || (0x09...0x0D).contains(byte) || trimmedASCII.contains(byte)) {
                return .byte((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
            }
            return .empty
        }
    }

    /// ASCII bytes (such as `trimmable`'s), as a bit per byte value: a look-up is a shift and a
    /// mask (a `Set` hashed each byte it was asked about).
    struct ASCIISet {
        private var low: UInt64 = 0
        private var high: UInt64 = 0

        init(_ bytes: some Sequence<UInt8>) {
            for byte in bytes where byte < 0x80 {
                if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
            }
        }

        func contains(_ byte: UInt8) -> Bool {
            byte < 64 ? low & (1 << UInt64(byte)) != 0 : byte < 128 && high & (1 << UInt64(byte - 64)) != 0
        }
    }

    static let trimmedASCII = ASCIISet(trimmable.compactMap { $0.isASCII ? $0.asciiValue : nil } + [0x20])

    /// Punctuation that link texts are stripped of at both ends.
    static let trimmable: Set<Character> = [
        ".", ",", ":", ";", "!", "?", "…", "→", "»", "›", ">", "<", "«", "‹", "-",
        "–", "—", "(", ")", "[", "]", "\"", "'", "“", "”", "*", "_",
    ]

    static func isURL(_ text: String) -> Bool {
        text.hasPrefix("http://") || text.hasPrefix("https://") || text.hasPrefix("www.")
    }

    /// `isURL` of normalized bytes.
    static func isURL(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.starts(with: "http://".utf8) || bytes.starts(with: "https://".utf8) || bytes.starts(with: "www.".utf8)
    }
}
