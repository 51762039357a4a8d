import PostlintCore

/// `kind: type`: a field holds a value of the declared type.
struct FieldTypeCheck: DeclarativeCheck {
    static let types = ["string", "list", "number", "integer", "boolean", "date", "map"]
    let field: String
    let type: String
    let itemType: String
    var defaultMessage: String { "\"{field}\" must be {expected}, not {actual}" }

    struct Options: TypedRuleOptions {
        var field = ""
        var type = ""
        var items = ""
        init() {}
        static let fields: [OptionField<Self>] = [
            .string("field", \.field, "the front matter field"),
            .string("type", \.type, "string, list, number, integer, boolean, date or map", allowed: FieldTypeCheck.types),
            .string("items", \.items, "for a list: the type of each item (empty: any)"),
        ]
    }
    static let requiredKeys = ["field", "type"]

    init(_ options: Options) throws(KindError) {
        field = options.field
        type = options.type
        itemType = options.items
        guard Self.types.contains(type) else {
            throw KindError(key: "type", message: "must be one of \(Self.types.joined(separator: ", "))")
        }
        guard itemType.isEmpty || Self.types.contains(itemType) else {
            throw KindError(key: "items", message: "must be one of \(Self.types.joined(separator: ", "))")
        }
    }

    private static func matches(_ node: FrontMatterNode, _ type: String) -> Bool {
        let actual = FieldValues.typeName(node)
        return actual == type || (type == "number" && actual == "integer")
    }

    private static func article(_ type: String) -> String {
        FrontMatterNode.article(type)
    }

    func findings(in document: Document, context: RuleContext) -> [(values: [String: String], range: ByteRange)] {
        guard let node = node(field, in: document, context: context) else { return [] }
        let name = context.fieldNames.name(of: field)
        if case .scalar(let scalar) = node.value, scalar.kind == .null { return [] }
        guard Self.matches(node, type) else {
            return [
                (
                    [
                        "field": name, "expected": Self.article(type), "actual": Self.article(FieldValues.typeName(node)),
                        "type": type,
                    ], node.range
                )
            ]
        }
        guard type == "list", !itemType.isEmpty, let items = node.items else { return [] }
        return items.filter { !Self.matches($0, itemType) }.map { item in
            (
                [
                    "field": "\(name) item", "expected": Self.article(itemType),
                    "actual": Self.article(FieldValues.typeName(item)), "type": itemType,
                ], item.range
            )
        }
    }
}
