import PostlintCore

/// `kind: list`: a list field's item count, empty items and repeated items (ignoring case).
struct ListItemsCheck: DeclarativeCheck {
    let field: String
    let minItems: Int
    let maxItems: Int
    let unique: Bool
    let nonEmptyItems: Bool
    var defaultMessage: String { "\"{field}\" {problem}" }

    struct Options: TypedRuleOptions {
        var field = ""
        var minItems = 0
        var maxItems = 0
        var unique = true
        var nonEmptyItems = true
        init() {}
        static let fields: [OptionField<Self>] = [
            .string("field", \.field, "the front matter field"),
            .integer("min-items", \.minItems, "the fewest items (0: no minimum)", minimum: 0),
            .integer("max-items", \.maxItems, "the most items (0: no maximum)", minimum: 0),
            .boolean("unique", \.unique, "items must differ, ignoring letter case"),
            .boolean("non-empty-items", \.nonEmptyItems, "each item must be a non-empty string"),
        ]
    }
    static let requiredKeys = ["field"]

    init(_ options: Options) throws(KindError) {
        field = options.field
        minItems = options.minItems
        maxItems = options.maxItems
        unique = options.unique
        nonEmptyItems = options.nonEmptyItems
        guard minItems >= 0, maxItems >= 0, maxItems == 0 || minItems <= maxItems else {
            throw KindError(key: "min-items", message: "min-items and max-items must be positive, min no greater than max")
        }
    }

    func findings(in document: Document, context: RuleContext) -> [(values: [String: String], range: ByteRange)] {
        guard let node = node(field, in: document, context: context) else { return [] }
        let name = context.fieldNames.name(of: field)
        func finding(_ problem: String, _ range: ByteRange) -> (values: [String: String], range: ByteRange) {
            (["field": name, "problem": problem], range)
        }
        if case .scalar(let scalar) = node.value, scalar.kind == .null {
            return minItems > 0 ? [finding("is empty; at least \(minItems) \(Self.items(minItems)) required", node.range)] : []
        }
        guard let items = node.items else {
            return [finding("must be a list, not \(FrontMatterNode.article(FieldValues.typeName(node)))", node.range)]
        }
        var results: [(values: [String: String], range: ByteRange)] = []
        if items.count < minItems {
            results.append(finding("has \(items.count) \(Self.items(items.count)); at least \(minItems) required", node.range))
        }
        if maxItems > 0, items.count > maxItems {
            results.append(finding("has \(items.count) \(Self.items(items.count)); at most \(maxItems) allowed", node.range))
        }
        var seen = FirstPositions(capacity: items.count)
        for (position, item) in items.enumerated() {
            guard case .scalar(let scalar) = item.value, scalar.kind != .null else {
                if nonEmptyItems {
                    let what =
                        item.scalarText == nil
                        ? "is \(FrontMatterNode.article(FieldValues.typeName(item))), not a string" : "is empty"
                    results.append(finding("item \(position + 1) \(what)", item.range))
                }
                continue
            }
            let trimmed = scalar.text.trimmingWhitespace()
            if nonEmptyItems, trimmed.isEmpty {
                results.append(finding("item \(position + 1) is empty", item.range))
                continue
            }
            guard unique, !trimmed.isEmpty else { continue }
            let key = trimmed.lowercased()
            if let first = seen.firstPosition(of: key, recording: position) {
                results.append(
                    finding("item \(position + 1) repeats \"\(trimmed)\" (item \(first + 1)), ignoring case", item.range))
            }
        }
        return results
    }

    private static func items(_ count: Int) -> String { count == 1 ? "item" : "items" }
}

/// The position where each key was first seen. A short list (front matter lists nearly always
/// are) is searched from the start, which costs less than hashing each key and allocating a
/// dictionary; past `linearLimit` keys a dictionary takes over. Keys compare as `String` equality
/// does (canonical equivalence), in both.
struct FirstPositions {
    static let linearLimit = 16
    private var recorded: [(key: String, position: Int)] = []
    private var positions: [String: Int]?

    init(capacity: Int) {
        recorded.reserveCapacity(min(capacity, Self.linearLimit))
    }

    /// The position `key` was first seen at, or nil after recording it at `position`.
    mutating func firstPosition(of key: String, recording position: Int) -> Int? {
        if positions == nil {
            if let earlier = recorded.first(where: { $0.key == key }) { return earlier.position }
            if recorded.count < Self.linearLimit {
                recorded.append((key, position))
                return nil
            }
            positions = Dictionary(recorded.map { ($0.key, $0.position) }, uniquingKeysWith: { first, _ in first })
        }
        if let earlier = positions?[key] { return earlier }
        positions?[key] = position
        return nil
    }
}

extension FrontMatterNode {
    /// `a string`, `an integer`, ... for messages.
    static func article(_ typeName: String) -> String {
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        return (typeName.first.map { vowels.contains($0) } ?? false ? "an " : "a ") + typeName
    }
}
