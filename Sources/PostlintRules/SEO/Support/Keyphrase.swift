import PostlintCore

/// A post's focus keyphrase: the value of its keyphrase field when it has one, else its first
/// keyword. Matching ignores letter case and punctuation and works on whole words.
struct Keyphrase {
    /// The longest keyphrase considered, in words (longer ones are cut, so matching stays linear).
    static let maximumWords = 12

    /// As written.
    let text: String
    /// Where it is written in the front matter.
    let range: ByteRange
    /// Its lower-cased words.
    let words: [String]
    /// Its words without stop words (all its words when it has nothing else).
    let significantWords: [String]
    private let sortedWords: [String]
    private let wordSet: Set<String>

    init?(text: String, range: ByteRange) {
        let words = Array(ProseText.words(of: text).prefix(Self.maximumWords))
        guard !words.isEmpty else { return nil }
        self.text = text
        self.range = range
        self.words = words
        let significant = words.filter { !StopWords.english.contains($0) }
        self.significantWords = significant.isEmpty ? words : significant
        self.sortedWords = words.sorted()
        self.wordSet = Set(words)
    }

    /// The focus keyphrase of `document`: the string field `field` (default `focus_keyphrase`), or
    /// the first item of the keywords field (the part before the first comma when it is a string).
    static func focus(of document: Document, context: RuleContext, field: String) -> Keyphrase? {
        if !field.isEmpty, let node = document.field(field), let text = node.scalarText,
            let keyphrase = Keyphrase(text: text, range: node.range)
        {
            return keyphrase
        }
        guard let keywords = document.field(context.fieldNames.name(of: "keywords")) else { return nil }
        if let items = keywords.items {
            guard let first = items.first, let text = first.scalarText else { return nil }
            return Keyphrase(text: text, range: first.range)
        }
        guard let text = keywords.scalarText else { return nil }
        let firstPart = text.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? text
        return Keyphrase(text: trimmed(firstPart), range: keywords.range)
    }

    /// Whether every significant word occurs among `words`, in any order.
    func isMentioned(in words: [String]) -> Bool {
        let present = Set(words)
        return significantWords.allSatisfy(present.contains)
    }

    /// The index of the first word of the first exact occurrence (the words in order), or nil.
    func firstOccurrence(in words: [String]) -> Int? {
        let count = self.words.count
        guard words.count >= count else { return nil }
        for start in 0...(words.count - count) where words[start] == self.words[0] {
            if words[start..<(start + count)].elementsEqual(self.words) { return start }
        }
        return nil
    }

    /// How often the keyphrase or one of its word-order variants ("tea green" for "green tea")
    /// occurs among `words`, without overlaps.
    func occurrences(in words: [String]) -> Int {
        let count = self.words.count
        guard words.count >= count else { return 0 }
        var found = 0
        var start = 0
        while start <= words.count - count {
            if wordSet.contains(words[start]), words[start..<(start + count)].allSatisfy(wordSet.contains),
                words[start..<(start + count)].sorted() == sortedWords
            {
                found += 1
                start += count
            } else {
                start += 1
            }
        }
        return found
    }

    /// `text` without leading and trailing spaces and tabs.
    static func trimmed(_ text: String) -> String {
        var slice = Substring(text)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}
