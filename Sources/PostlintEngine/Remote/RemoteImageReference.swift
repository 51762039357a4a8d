import PostlintCore

/// A remote image a post uses, for `--check-remote`.
struct RemoteImageReference: Sendable {
    var url: String
    var start: SourceLocation
    var end: SourceLocation

    /// The front matter fields checked for images, as the `broken-image` rule checks them locally.
    static let defaultFields = ["image", "cover", "thumbnail", "og_image"]

    /// The http(s) images of a document: Markdown and HTML images, and image fields.
    static func collect(from document: Document, fields: [String]) -> [RemoteImageReference] {
        var references: [RemoteImageReference] = []
        func add(_ destination: String, _ range: ByteRange) {
            guard let url = normalized(destination) else { return }
            references.append(
                RemoteImageReference(
                    url: url, start: document.location(of: range.lowerBound),
                    end: document.location(of: range.upperBound)))
        }
        for image in document.body?.images ?? [] { add(image.destination, image.range) }
        for field in fields {
            guard let node = document.field(field) else { continue }
            for item in node.items ?? [node] {
                if let text = item.scalarText { add(text, item.range) }
            }
        }
        return references
    }

    /// `http(s)://…` as is, `//host/…` as https; anything else is not remote.
    static func normalized(_ destination: String) -> String? {
        let trimmed = destination.trimmingCharacters(in: " \t")
        let lower = trimmed.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") { return trimmed }
        if trimmed.hasPrefix("//"), trimmed.count > 2 { return "https:" + trimmed }
        return nil
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
