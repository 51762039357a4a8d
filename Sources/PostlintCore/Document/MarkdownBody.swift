/// What the body scanner found in a post's Markdown, every item positioned in the file.
public struct MarkdownBody: Sendable {
    public var images: [MarkdownImage]
    public var links: [MarkdownLink]
    public var headings: [MarkdownHeading]
    /// Paragraph blocks in order (their whole byte range, inline markup included).
    public var paragraphs: [ByteRange]
    /// Link reference definitions (`[label]: dest "title"`), in order.
    public var referenceDefinitions: [MarkdownReferenceDefinition]
    /// HTML comments (`<!-- ... -->`), with their inner text, for suppression comments.
    public var comments: [MarkdownComment]
    /// Code (fenced, indented, spans) and HTML comments: text that is not prose. Sorted, disjoint.
    public var excludedRanges: [ByteRange]

    public init(
        images: [MarkdownImage] = [], links: [MarkdownLink] = [], headings: [MarkdownHeading] = [],
        paragraphs: [ByteRange] = [], referenceDefinitions: [MarkdownReferenceDefinition] = [],
        comments: [MarkdownComment] = [], excludedRanges: [ByteRange] = []
    ) {
        self.images = images
        self.links = links
        self.headings = headings
        self.paragraphs = paragraphs
        self.referenceDefinitions = referenceDefinitions
        self.comments = comments
        self.excludedRanges = excludedRanges
    }
}

/// An image as a CommonMark renderer sees it.
public struct MarkdownImage: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// `![alt](dest "title")`
        case inline
        /// `![alt][label]`, `![label][]`, `![label]`
        case reference
        /// `<img src=...>` or one candidate of its `srcset`
        case html
    }

    public var kind: Kind
    /// From the `!` (or `<img`) to the end of the construct.
    public var range: ByteRange
    /// The destination after unescaping (not percent-decoded).
    public var destination: String
    /// Where the destination is written (for a reference image, in its definition).
    public var destinationRange: ByteRange
    /// The alt text (plain text content), or nil for an HTML image without `alt`.
    public var alt: String?
    public var title: String?

    public init(
        kind: Kind, range: ByteRange, destination: String, destinationRange: ByteRange, alt: String?,
        title: String? = nil
    ) {
        self.kind = kind
        self.range = range
        self.destination = destination
        self.destinationRange = destinationRange
        self.alt = alt
        self.title = title
    }
}

/// A link as a CommonMark renderer sees it.
public struct MarkdownLink: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case inline, reference, autolink, html
    }

    public var kind: Kind
    /// From the `[` (or `<`) to the end of the construct.
    public var range: ByteRange
    public var destination: String
    public var destinationRange: ByteRange
    /// The link text as plain text.
    public var text: String
    public var title: String?

    public init(
        kind: Kind, range: ByteRange, destination: String, destinationRange: ByteRange, text: String,
        title: String? = nil
    ) {
        self.kind = kind
        self.range = range
        self.destination = destination
        self.destinationRange = destinationRange
        self.text = text
        self.title = title
    }
}

/// An ATX (`## Title`) or setext heading.
public struct MarkdownHeading: Sendable, Equatable {
    public var level: Int
    public var range: ByteRange
    /// The text when it was given as a string, or made from bytes that are not the file's.
    private var madeText: String?
    /// Otherwise the file's bytes and where the text is in them: most headings are plain ASCII
    /// written as they read, and only the rare check that reads a heading's text needs a string.
    private var file: [UInt8] = []
    private var textRange: Range<Int> = 0..<0

    /// The heading's text as plain text.
    public var text: String {
        get { madeText ?? String(decoding: file[textRange], as: UTF8.self) }
        set {
            madeText = newValue
            file = []
            textRange = 0..<0
        }
    }

    public init(level: Int, text: String, range: ByteRange) {
        self.level = level
        self.range = range
        madeText = text
    }

    /// A heading whose text is `textRange` of the file's `bytes` (valid UTF-8, whole scalars),
    /// kept as it is until `text` is read.
    public init(level: Int, textIn bytes: [UInt8], at textRange: Range<Int>, range: ByteRange) {
        self.level = level
        self.range = range
        let lower = min(max(textRange.lowerBound, 0), bytes.count)
        self.textRange = lower..<min(max(textRange.upperBound, lower), bytes.count)
        file = bytes
    }

    public static func == (one: MarkdownHeading, other: MarkdownHeading) -> Bool {
        one.level == other.level && one.range == other.range && one.text == other.text
    }
}

extension MarkdownHeading: CustomReflectable {
    /// What a heading is, however its text is kept: dumps of two scans compare equal when the
    /// headings do.
    public var customMirror: Mirror {
        Mirror(self, children: ["level": level, "text": text, "range": range], displayStyle: .struct)
    }
}

/// `[label]: destination "title"`
public struct MarkdownReferenceDefinition: Sendable, Equatable {
    /// The label as written.
    public var label: String
    public var destination: String
    public var destinationRange: ByteRange
    public var title: String?
    public var range: ByteRange

    public init(label: String, destination: String, destinationRange: ByteRange, title: String?, range: ByteRange) {
        self.label = label
        self.destination = destination
        self.destinationRange = destinationRange
        self.title = title
        self.range = range
    }
}

/// An HTML comment in the body.
public struct MarkdownComment: Sendable, Equatable {
    public var range: ByteRange
    /// The text between `<!--` and `-->`.
    public var text: String

    public init(range: ByteRange, text: String) {
        self.range = range
        self.text = text
    }
}
