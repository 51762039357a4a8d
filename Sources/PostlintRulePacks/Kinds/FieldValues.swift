import PostlintCore

/// Small helpers over front matter values shared by the kinds.
enum FieldValues {
    /// Null, an empty or blank string, or an empty collection.
    static func isEmpty(_ node: FrontMatterNode) -> Bool {
        switch node.value {
        case .scalar(let scalar):
            return scalar.kind == .null || scalar.text.isAllWhitespace
        case .sequence(let items):
            return items.isEmpty
        case .mapping(let entries):
            return entries.isEmpty
        }
    }

    /// The strings a field holds: its own text, or the text of each scalar item of a list.
    static func strings(_ node: FrontMatterNode) -> [(text: String, range: ByteRange)] {
        switch node.value {
        case .scalar(let scalar) where scalar.kind != .null:
            return [(scalar.text, node.range)]
        case .sequence(let items):
            return items.compactMap { item in
                if case .scalar(let scalar) = item.value, scalar.kind != .null { return (scalar.text, item.range) }
                return nil
            }
        default:
            return []
        }
    }

    /// The type name used by `kind: type`.
    static func typeName(_ node: FrontMatterNode) -> String {
        switch node.value {
        case .scalar(let scalar):
            switch scalar.kind {
            case .string: return "string"
            case .integer: return "integer"
            case .float: return "number"
            case .boolean: return "boolean"
            case .null: return "null"
            case .date: return "date"
            }
        case .sequence: return "list"
        case .mapping: return "map"
        }
    }
}
