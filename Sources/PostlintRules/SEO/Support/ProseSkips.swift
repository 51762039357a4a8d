import PostlintCore

/// The parts of a body that are not prose, in file order: code, comments, images and reference
/// definitions (skipped), and links (read as their text). Built once per document.
struct ProseSkips {
    struct Item {
        var range: ByteRange
        /// The text read in place of the range, or nil to skip it.
        var replacement: String?
    }

    let items: [Item]

    init(_ body: MarkdownBody?) {
        guard let body else {
            items = []
            return
        }
        var items: [Item] = []
        items.reserveCapacity(body.excludedRanges.count + body.images.count + body.links.count)
        for range in body.excludedRanges { items.append(Item(range: range, replacement: nil)) }
        for image in body.images { items.append(Item(range: image.range, replacement: nil)) }
        for definition in body.referenceDefinitions { items.append(Item(range: definition.range, replacement: nil)) }
        for link in body.links where link.kind != .autolink {
            items.append(Item(range: link.range, replacement: link.text))
        }
        for link in body.links where link.kind == .autolink { items.append(Item(range: link.range, replacement: nil)) }
        // Outer constructs first where two start together (a link around an image).
        items.sort { ($0.range.lowerBound, -$0.range.upperBound) < ($1.range.lowerBound, -$1.range.upperBound) }
        self.items = items
    }

    /// The first index at or after `start` whose item ends after `offset`.
    func firstIndex(endingAfter offset: Int, from start: Int) -> Int {
        var index = start
        while index < items.count, items[index].range.upperBound <= offset { index += 1 }
        return index
    }
}
