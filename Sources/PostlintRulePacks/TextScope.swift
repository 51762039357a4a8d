import PostlintCore

/// A part of a post that text can be searched in: a front matter field, or a part of the body.
enum TextScope {
    /// Scope names that read the scanned body.
    static let bodyScopes: Set<String> = ["body", "first-paragraph", "headings"]

    /// The text of scope `name` in `document`, code and comments left out of body scopes.
    static func text(of name: String, in document: Document, context: RuleContext) -> ScopeText {
        switch name {
        case "body":
            return prose(in: document.bodyRange, of: document)
        case "first-paragraph":
            guard let first = document.body?.paragraphs.first else { return ScopeText("") }
            return prose(in: first, of: document)
        case "headings":
            return ScopeText(document.body?.headings.map(\.text).joined(separator: "\n") ?? "")
        default:
            guard let node = document.frontMatter?.root?[context.fieldNames.name(of: name)] else { return ScopeText("") }
            switch node.value {
            case .scalar(let scalar): return ScopeText(scalar.text)
            case .sequence(let items): return ScopeText(items.compactMap(\.scalarText).joined(separator: "\n"))
            case .mapping: return ScopeText("")
            }
        }
    }

    /// The text of `range` without the excluded ranges (code, comments) that fall inside it: the
    /// pieces around them, in the file's text, read as joined by a space. Nothing is copied.
    static func prose(in range: ByteRange, of document: Document) -> ScopeText {
        let excluded = document.body?.excludedRanges ?? []
        let source = document.source
        // The decoded text's bytes: the file's own unless some were not UTF-8 (then substituted).
        let utf8 = source.utf8
        let count = utf8.count
        let whole = max(0, min(range.lowerBound, count))..<max(0, min(range.upperBound, count))
        var pieces: [Range<Int>] = []
        pieces.reserveCapacity(excluded.count + 1)
        var cursor = whole.lowerBound
        for zone in excluded where zone.upperBound > whole.lowerBound && zone.lowerBound < whole.upperBound {
            if zone.lowerBound > cursor { pieces.append(cursor..<zone.lowerBound) }
            cursor = max(cursor, zone.upperBound)
        }
        if cursor < whole.upperBound { pieces.append(cursor..<whole.upperBound) }
        return ScopeText(utf8: utf8, pieces: pieces)
    }
}

/// Text to search: pieces of one UTF-8 buffer, read as if joined by single spaces (the prose
/// around code and comments), or a whole string as one piece. Neither is copied: the body's pieces
/// lie in the file's bytes, a field's text is the front matter's string.
struct ScopeText {
    private enum Storage {
        case bytes([UInt8])
        case string(String)
    }

    private let storage: Storage
    /// Non-empty byte ranges of the UTF-8, in order.
    let pieces: [Range<Int>]

    init(utf8: [UInt8], pieces: [Range<Int>]) {
        storage = .bytes(utf8)
        self.pieces = pieces.contains(where: { $0.isEmpty }) ? pieces.filter { !$0.isEmpty } : pieces
    }

    init(_ text: String) {
        var text = text
        // Contiguous once here, so that reading its bytes later never copies them.
        text.makeContiguousUTF8()
        storage = .string(text)
        pieces = text.utf8.isEmpty ? [] : [0..<text.utf8.count]
    }

    /// Calls `body` with the UTF-8 the pieces lie in.
    func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        switch storage {
        case .bytes(let bytes):
            return bytes.withUnsafeBufferPointer(body)
        case .string(var text):
            return text.withUTF8(body)
        }
    }

    /// The pieces joined by spaces, as one string.
    var joined: String {
        withUTF8 { utf8 in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(pieces.reduce(0) { $0 + $1.count + 1 })
            for piece in pieces {
                if !bytes.isEmpty { bytes.append(0x20) }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[piece]))
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
