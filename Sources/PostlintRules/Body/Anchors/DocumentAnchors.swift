import Foundation
import PostlintCore
import PostlintMarkdown

/// The `#fragment`s a post offers once its generator has rendered it: its headings' ids in the
/// site's anchor style (explicit `{#id}`s included), its footnotes' ids, kramdown's `{: #id}`
/// attribute lists, and `id` / `name` attributes written in its HTML.
public struct DocumentAnchors: Sendable, Equatable {
    public private(set) var ids: Set<String>
    /// False when some heading's id could not be worked out in this style (Zola spells most
    /// scripts other than Latin in ASCII words): a fragment not found is then unknown, not broken.
    public private(set) var isComplete: Bool
    /// The ids Hugo gives the terms of definition lists (`Term` on the line before `: text`) with
    /// `autoDefinitionTermID` on, in the goldmark styles: slugged as headings are, numbered after
    /// them. Empty in other styles.
    public private(set) var definitionTermIDs: Set<String> = []
    /// The path arguments of the post's include shortcodes (Hugo's `{{% include "path" %}}`),
    /// whose pages' headings the rendered post also offers: `broken-link` resolves them through
    /// the site and adds their anchors (`including(_:complete:)`).
    public private(set) var includedPages: [String] = []

    public init(ids: Set<String>, isComplete: Bool = true) {
        self.ids = ids
        self.isComplete = isComplete
    }

    /// Whether a link to `#fragment` may be broken: the fragment is not an anchor, and every
    /// anchor is known. With `definitionTerms`, the definition terms' ids are anchors too.
    public func lacks(_ fragment: String, definitionTerms: Bool = false) -> Bool {
        isComplete && !ids.contains(fragment) && !(definitionTerms && definitionTermIDs.contains(fragment))
    }

    /// These anchors and those of the included pages (`includedPages`); with `complete` false, some
    /// included page could not be read, so a fragment not found is unknown rather than broken.
    public func including(_ included: [DocumentAnchors], complete: Bool) -> DocumentAnchors {
        var merged = self
        for other in included {
            merged.ids.formUnion(other.ids)
            merged.definitionTermIDs.formUnion(other.definitionTermIDs)
            merged.isComplete = merged.isComplete && other.isComplete
        }
        merged.isComplete = merged.isComplete && complete
        merged.includedPages = []
        return merged
    }

    /// The anchors of a whole Markdown file (front matter skipped).
    public init(fileBytes bytes: [UInt8], style: AnchorStyle) {
        let source = SourceText(bytes: bytes)
        let start = HTMLAnchorIDs.bodyStart(of: bytes)
        let body = MarkdownScanner.scanForAnchors(source, range: start..<bytes.count)
        self.init(bytes: source.utf8, body: body, bodyRange: start..<bytes.count, style: style)
    }

    /// The anchors of a scanned document: `bytes` are the file's (its text's UTF-8) and `body`
    /// what the scanner found in `bodyRange` of them.
    public init(bytes: [UInt8], body: MarkdownBody, bodyRange: Range<Int>, style: AnchorStyle) {
        // Room for every heading's id up front: a page of many headings (an API reference's) does
        // not grow and rehash its tables over and over.
        var ids = Set<String>(minimumCapacity: body.headings.count)
        var isComplete = true
        var numbering = AnchorNumbering(Self.scheme(of: style), headings: body.headings.count)
        if style == .zola {
            // Zola reserves every explicit id before numbering the others.
            for heading in body.headings {
                if let id = HeadingAttributes.general(heading.text)?.id { numbering.reserve(id) }
            }
        }
        for heading in body.headings {
            switch Self.id(of: heading, in: bytes, style: style, numbering: &numbering) {
            case .some(let headingIDs):
                // An empty id is numbered (the next is `-1`) but no fragment can name it.
                ids.formUnion(headingIDs.lazy.filter { !$0.isEmpty })
            case .none:
                isComplete = false
            }
        }
        let footnotes = FootnoteLabels(bytes: bytes, body: body, range: bodyRange)
        ids.formUnion(footnotes.ids(in: style))
        if style == .kramdown || style == .kramdownGFM {
            ids.formUnion(Self.kramdownAttributeListIDs(in: bytes, range: bodyRange))
        }
        ids.formUnion(HTMLAnchorIDs.ids(in: bytes))
        self.init(ids: ids, isComplete: isComplete)
        includedPages = ShortcodeIncludes.arguments(in: bytes, range: bodyRange)
        if style == .goldmark || style == .githubASCII || style == .blackfriday {
            for term in Self.definitionTerms(in: bytes, paragraphs: body.paragraphs) {
                var slug =
                    style == .blackfriday
                    ? HeadingSlug.blackfriday(term)
                    : HeadingSlug.goldmark(term, asciiOnly: style == .githubASCII)
                if slug.isEmpty { slug = "heading" }
                definitionTermIDs.insert(numbering.number(slug))
            }
        }
    }

    /// The line `bytes[range]` without the white space of `CharacterSet.whitespaces` (tabs and
    /// space separators) at its ends, nil when nothing is left. Spaces and tabs are trimmed from
    /// the bytes; only a line that then starts or ends with a character that is not ASCII is
    /// handed to Foundation for the other space separators (trimming again trims nothing more).
    static func trimmedTerm(_ bytes: [UInt8], _ range: Range<Int>) -> String? {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        guard start < end else { return nil }
        let line = String(decoding: bytes[start..<end], as: UTF8.self)
        guard bytes[start] >= 0x80 || bytes[end - 1] >= 0x80 else { return line }
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The terms of definition lists in goldmark's syntax, in order: each line of a paragraph
    /// before its first line that starts with `:` and a space or tab (at most three spaces in).
    static func definitionTerms(in bytes: [UInt8], paragraphs: [ByteRange]) -> [String] {
        var terms: [String] = []
        for paragraph in paragraphs {
            let range = max(0, paragraph.lowerBound)..<min(bytes.count, paragraph.upperBound)
            var lineStarts: [Int] = [range.lowerBound]
            var cursor = range.lowerBound
            while cursor < range.upperBound {
                if bytes[cursor] == 0x0A, cursor + 1 < range.upperBound {
                    let next = cursor + 1
                    var colon = next
                    while colon < range.upperBound, colon - next < 3, bytes[colon] == 0x20 { colon += 1 }
                    if colon + 1 < range.upperBound, bytes[colon] == 0x3A, bytes[colon + 1] == 0x20 || bytes[colon + 1] == 0x09 {
                        for (index, start) in lineStarts.enumerated() {
                            let end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : cursor
                            if let line = Self.trimmedTerm(bytes, start..<end) { terms.append(line) }
                        }
                        break
                    }
                    lineStarts.append(next)
                }
                cursor += 1
            }
        }
        return terms
    }

    private static func scheme(of style: AnchorStyle) -> AnchorNumbering.Scheme {
        switch style {
        case .github, .docusaurus: .occurrences
        case .goldmark, .githubASCII, .blackfriday, .pandoc, .zola: .firstFree
        case .kramdown, .kramdownGFM, .pandocGFM: .perBase
        }
    }

    /// The ids one heading answers to (usually one), or nil when its id cannot be known here.
    private static func id(
        of heading: MarkdownHeading, in bytes: [UInt8], style: AnchorStyle,
        numbering: inout AnchorNumbering
    ) -> [String]? {
        switch style {
        case .github:
            // GitHub itself shows `{#id}` as text; sites without a detected generator often
            // mean it as an id, so both are accepted.
            let text = heading.text
            var ids = [numbering.number(HeadingSlug.github(text))]
            if let id = HeadingAttributes.general(text)?.id { ids.append(id) }
            return ids
        case .docusaurus:
            let text = heading.text
            if let attributes = HeadingAttributes.general(text), let id = attributes.id { return [id] }
            return [numbering.number(HeadingSlug.github(text))]
        case .goldmark, .githubASCII, .blackfriday:
            var source = HeadingSource.text(of: heading, in: bytes)
            if let attributes = HeadingAttributes.general(source) {
                if let id = attributes.id {
                    numbering.reserve(id)
                    return [id]
                }
                source = String(attributes.text)
            }
            var slug =
                switch style {
                case .blackfriday: HeadingSlug.blackfriday(source)
                default: HeadingSlug.goldmark(source, asciiOnly: style == .githubASCII)
                }
            if slug.isEmpty { slug = "heading" }
            return [numbering.number(slug)]
        case .kramdown:
            let source = HeadingSource.text(of: heading, in: bytes)
            if let id = HeadingAttributes.kramdown(source)?.id { return [id] }
            let slug = HeadingSlug.kramdown(source)
            return [numbering.number(slug.isEmpty ? "section" : slug)]
        case .kramdownGFM:
            let text = textWithoutFootnotes(of: heading, in: bytes, kramdown: true)
            if let id = HeadingAttributes.kramdown(text)?.id { return [id] }
            return [numbering.number(HeadingSlug.kramdownGFM(text))]
        case .zola:
            let text = heading.text
            if let attributes = HeadingAttributes.general(text), let id = attributes.id { return [id] }
            guard let slug = HeadingSlug.zola(text) else { return nil }
            return [numbering.number(slug)]
        case .pandoc:
            var text = heading.text
            if let attributes = HeadingAttributes.general(text) {
                if let id = attributes.id {
                    numbering.reserve(id)
                    return [id]
                }
                text = String(attributes.text)
            }
            let slug = HeadingSlug.pandoc(text)
            return [numbering.number(slug.isEmpty ? "section" : slug)]
        case .pandocGFM:
            return [numbering.number(HeadingSlug.pandocGFM(textWithoutFootnotes(of: heading, in: bytes, kramdown: false)))]
        }
    }

    /// The heading's text without its footnote references (`Note[^1]` reads `Note`, as kramdown's
    /// GFM parser and Pandoc's `gfm` take it), and for kramdown with `<<` and `>>` as guillemets
    /// before anything is taken for an HTML tag (`<<quotes>>` keeps its word).
    private static func textWithoutFootnotes(of heading: MarkdownHeading, in bytes: [UInt8], kramdown: Bool) -> String {
        let source = HeadingSource.text(of: heading, in: bytes)
        let typeset = kramdown && (ByteScanning.contains("<<", in: source) || ByteScanning.contains(">>", in: source))
        guard typeset || ByteScanning.contains("[^", in: source) else { return heading.text }
        var edited = source
        if typeset {
            edited = edited.replacingOccurrences(of: "<<", with: "\u{AB}").replacingOccurrences(of: ">>", with: "\u{BB}")
        }
        edited = edited.replacingOccurrences(of: #"\[\^[^\]\s]+\]"#, with: "", options: .regularExpression)
        let line = Array(("# " + edited).utf8)
        return MarkdownScanner.scan(SourceText(bytes: line), range: 0..<line.count).headings.first?.text ?? heading.text
    }

    /// kramdown's block and span attribute lists with an id: `{: #id}` (also with classes and
    /// other attributes after it).
    private static func kramdownAttributeListIDs(in bytes: [UInt8], range: Range<Int>) -> [String] {
        var ids: [String] = []
        var index = max(0, range.lowerBound)
        let end = min(range.upperBound, bytes.count)
        while index + 3 < end {
            guard bytes[index] == 0x7B, bytes[index + 1] == 0x3A else {
                index += 1
                continue
            }
            var cursor = index + 2
            while cursor < end, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 { cursor += 1 }
            guard cursor < end, bytes[cursor] == 0x23 else {
                index += 2
                continue
            }
            let start = cursor + 1
            cursor = start
            while cursor < end, bytes[cursor] > 0x20, bytes[cursor] != 0x7D { cursor += 1 }
            if cursor > start { ids.append(String(decoding: bytes[start..<cursor], as: UTF8.self)) }
            index = cursor
        }
        return ids
    }
}
