import PostlintCore

/// The anchors a renderer gives headings, GitHub style: the heading text lower-cased, characters
/// other than letters, marks, digits, connector punctuation, spaces and hyphens removed, spaces
/// turned into hyphens, and `-1`, `-2`... added to repeats. An explicit `{#id}` at the end of a
/// heading gives that id instead.
enum HeadingAnchors {
    static func anchors(of headings: [MarkdownHeading]) -> Set<String> {
        var anchors: Set<String> = []
        var counts: [String: Int] = [:]
        for heading in headings {
            if let id = explicitID(heading.text) {
                anchors.insert(id)
                continue
            }
            let base = slug(heading.text)
            let seen = counts[base, default: 0]
            counts[base] = seen + 1
            anchors.insert(seen == 0 ? base : "\(base)-\(seen)")
        }
        return anchors
    }

    static func slug(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        for scalar in text.lowercased().trimmingSpacesAndTabs().unicodeScalars {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber,
                 .connectorPunctuation:
                output.append(scalar)
            default:
                if scalar == " " { output.append("-") } else if scalar == "-" { output.append(scalar) }
            }
        }
        return String(output)
    }

    /// `Title {#custom-id}` → `custom-id`.
    static func explicitID(_ text: String) -> String? {
        guard text.hasSuffix("}"), let brace = text.lastIndex(of: "{") else { return nil }
        let hash = text.index(after: brace)
        guard hash < text.endIndex, text[hash] == "#" else { return nil }
        let id = text[text.index(after: hash)..<text.index(before: text.endIndex)]
        guard !id.isEmpty, !id.contains(" ") else { return nil }
        return String(id)
    }
}

extension String {
    fileprivate func trimmingSpacesAndTabs() -> String {
        var view = Substring(self)
        while let first = view.first, first == " " || first == "\t" { view.removeFirst() }
        while let last = view.last, last == " " || last == "\t" { view.removeLast() }
        return String(view)
    }
}
