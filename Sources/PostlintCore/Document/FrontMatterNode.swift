/// One value of parsed front matter with its position in the file: postlint's own tree, the same
/// whether the front matter was YAML or TOML, so rules never see a parser's types.
public struct FrontMatterNode: Sendable {
    public enum Value: Sendable {
        case scalar(FrontMatterScalar)
        case sequence([FrontMatterNode])
        case mapping([FrontMatterEntry])
    }

    public var value: Value
    /// The value's byte range in the file (for a string, its text including quotes).
    public var range: ByteRange

    public init(value: Value, range: ByteRange) {
        self.value = value
        self.range = range
    }

    /// The entry for `key` in a mapping (the last one wins when a key is repeated, as YAML
    /// loaders do), or nil.
    public subscript(key: String) -> FrontMatterNode? {
        entry(named: key)?.value
    }

    /// The entry for `key` in a mapping, the last one when a key is repeated. Keys are compared
    /// by their bytes, as YAML loaders compare them (not by Unicode canonical equivalence).
    public func entry(named key: String) -> FrontMatterEntry? {
        guard case .mapping(let entries) = value else { return nil }
        // By index, from the end: each entry's key is compared where it lies, not copied out.
        var index = entries.endIndex
        while index > entries.startIndex {
            index -= 1
            if ByteScanning.equal(entries[index].key, key) { return entries[index] }
        }
        return nil
    }

    /// The string of a scalar, or nil for collections.
    public var scalarText: String? {
        if case .scalar(let scalar) = value { return scalar.text }
        return nil
    }

    /// The items of a sequence, or nil.
    public var items: [FrontMatterNode]? {
        if case .sequence(let items) = value { return items }
        return nil
    }

    /// A short name of the value's type for messages: `string`, `list`, `map`, `integer`, ...
    public var typeName: String {
        switch value {
        case .scalar(let scalar): return scalar.kind.rawValue
        case .sequence: return "list"
        case .mapping: return "map"
        }
    }
}

/// A key and its value in a front matter mapping.
public struct FrontMatterEntry: Sendable {
    public var key: String
    public var keyRange: ByteRange
    public var value: FrontMatterNode

    public init(key: String, keyRange: ByteRange, value: FrontMatterNode) {
        self.key = key
        self.keyRange = keyRange
        self.value = value
    }
}

/// A scalar's text and its resolved type.
public struct FrontMatterScalar: Sendable {
    public enum Kind: String, Sendable {
        case string, integer, float, boolean, null, date
    }

    public var text: String
    public var kind: Kind

    public init(text: String, kind: Kind) {
        self.text = text
        self.kind = kind
    }
}
