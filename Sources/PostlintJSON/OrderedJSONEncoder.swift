/// Encodes `Encodable` values to a `JSONValue`, keeping object keys in the order the value's
/// `encode(to:)` writes them (for synthesized conformances: declaration order). Optional
/// properties that are `nil` are left out, as synthesized `encodeIfPresent` does.
///
/// Numbers are written in their shortest exact form; a non-finite floating-point value (which JSON
/// cannot represent) is written as `null` rather than failing. The encoder itself never fails, so
/// it does not track coding paths: `codingPath` is always empty.
public struct OrderedJSONEncoder: Sendable {
    public init() {}

    public func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let node = EncodingNode()
        try value.encode(to: NodeEncoder(node: node, codingPath: []))
        return node.value
    }
}

/// A value under construction: the encoder's containers write into it by reference. Members and
/// elements are stored directly (not in enum payloads) so that appending stays amortized O(1).
private final class EncodingNode {
    enum Kind { case unset, scalar, object, array }

    private(set) var kind = Kind.unset
    private var scalar = JSONValue.null
    /// Objects have few members: a linear search for a repeated key beats hashing.
    private var members: [(key: String, node: EncodingNode)] = []
    private var elements: [EncodingNode] = []

    var value: JSONValue {
        switch kind {
        case .unset: return .object([])
        case .scalar: return scalar
        case .object: return .object(members.map { member in (key: member.key, value: member.node.value) })
        case .array: return .array(elements.map(\.value))
        }
    }

    func setScalar(_ value: JSONValue) {
        kind = .scalar
        scalar = value
    }

    func becomeObject() {
        guard kind != .object else { return }
        kind = .object
        members = []
    }

    func becomeArray() {
        guard kind != .array else { return }
        kind = .array
        elements = []
    }

    /// The child stored under `key`, created (at the end of the key order) when new.
    func child(forKey key: String) -> EncodingNode {
        becomeObject()
        if let existing = members.first(where: { $0.key == key }) { return existing.node }
        let node = EncodingNode()
        members.append((key: key, node: node))
        return node
    }

    func appendChild() -> EncodingNode {
        becomeArray()
        let node = EncodingNode()
        elements.append(node)
        return node
    }

    var count: Int {
        switch kind {
        case .array: return elements.count
        case .object: return members.count
        case .unset, .scalar: return 0
        }
    }
}

private struct NodeEncoder: Encoder {
    let node: EncodingNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.becomeObject()
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.becomeArray()
        return UnkeyedNodeContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueNodeContainer(node: node, codingPath: codingPath)
    }
}

/// Writes primitives; anything else goes through its own `encode(to:)`.
private enum Primitive {
    static func encode<T: Encodable>(_ value: T, into node: EncodingNode, codingPath: [any CodingKey]) throws {
        switch value {
        case let text as String: node.setScalar(.string(text))
        case let flag as Bool: node.setScalar(.bool(flag))
        case let number as Int: node.setScalar(.number(String(number)))
        case let number as Double: node.setScalar(floating(number))
        case let number as Float: node.setScalar(floating(Double(number)))
        default: try value.encode(to: NodeEncoder(node: node, codingPath: codingPath))
        }
    }

    static func floating(_ number: Double) -> JSONValue {
        guard number.isFinite else { return .null }
        if number == number.rounded(), abs(number) < 1e15 { return .number(String(Int(number))) }
        return .number(String(number))
    }

    static func integer<T: BinaryInteger>(_ number: T) -> JSONValue { .number(String(number)) }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: EncodingNode
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { node.child(forKey: key.stringValue).setScalar(.null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { node.child(forKey: key.stringValue).setScalar(.bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws {
        node.child(forKey: key.stringValue).setScalar(.string(value))
    }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        node.child(forKey: key.stringValue).setScalar(Primitive.floating(value))
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        node.child(forKey: key.stringValue).setScalar(Primitive.floating(Double(value)))
    }
    mutating func encode(_ value: Int, forKey key: Key) throws {
        node.child(forKey: key.stringValue).setScalar(Primitive.integer(value))
    }
    mutating func encode(_ value: Int8, forKey key: Key) throws {
        node.child(forKey: key.stringValue).setScalar(Primitive.integer(value))
    }
    mutating func encode(_ value: Int16, forKey key: Key) throws {
        node.child(forKey: key.stringValue).setScalar(Primitive.integer(value))
    }
    mutating func encode(_ value: Int32, forKey key: Key) throws {
        node.child(forKey: key.stringValue).setScalar(Primitive.integer(value))
    }
    mutating func encode(_ value: Int64, forKey key: Key) throws {
        node.child(forKey: key.stringValue).setScalar(Primitive.integer(value))
    }
    mutating func encode(_ value: UInt, forKey key: Key) throws {
        node.child(forKey: key.stringValue).setScalar(Primitive.integer(value))
    }
    mutating func encode(_ value: UInt8, forKey key: Key) throws {
        node.child(forKey: key.stringValue).setScalar(Primitive.integer(value))
    }
    mutating func encode(_ value: UInt16, forKey key: Key) throws {
        node.child(forKey: key.stringValue).setScalar(Primitive.integer(value))
    }
    mutating func encode(_ value: UInt32, forKey key: Key) throws {
        node.child(forKey: key.stringValue).setScalar(Primitive.integer(value))
    }
    mutating func encode(_ value: UInt64, forKey key: Key) throws {
        node.child(forKey: key.stringValue).setScalar(Primitive.integer(value))
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try Primitive.encode(value, into: node.child(forKey: key.stringValue), codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type,
        forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = node.child(forKey: key.stringValue)
        child.becomeObject()
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(node: child, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = node.child(forKey: key.stringValue)
        child.becomeArray()
        return UnkeyedNodeContainer(node: child, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder {
        NodeEncoder(node: node.child(forKey: "super"), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        NodeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath)
    }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let node: EncodingNode
    let codingPath: [any CodingKey]
    var count: Int { node.count }

    mutating func encodeNil() throws { node.appendChild().setScalar(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try Primitive.encode(value, into: node.appendChild(), codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = node.appendChild()
        child.becomeObject()
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(node: child, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = node.appendChild()
        child.becomeArray()
        return UnkeyedNodeContainer(node: child, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder {
        NodeEncoder(node: node.appendChild(), codingPath: codingPath)
    }
}

private struct SingleValueNodeContainer: SingleValueEncodingContainer {
    let node: EncodingNode
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.setScalar(.null) }
    mutating func encode(_ value: Bool) throws { node.setScalar(.bool(value)) }
    mutating func encode(_ value: String) throws { node.setScalar(.string(value)) }
    mutating func encode(_ value: Double) throws { node.setScalar(Primitive.floating(value)) }
    mutating func encode(_ value: Float) throws { node.setScalar(Primitive.floating(Double(value))) }
    mutating func encode(_ value: Int) throws { node.setScalar(Primitive.integer(value)) }
    mutating func encode(_ value: Int8) throws { node.setScalar(Primitive.integer(value)) }
    mutating func encode(_ value: Int16) throws { node.setScalar(Primitive.integer(value)) }
    mutating func encode(_ value: Int32) throws { node.setScalar(Primitive.integer(value)) }
    mutating func encode(_ value: Int64) throws { node.setScalar(Primitive.integer(value)) }
    mutating func encode(_ value: UInt) throws { node.setScalar(Primitive.integer(value)) }
    mutating func encode(_ value: UInt8) throws { node.setScalar(Primitive.integer(value)) }
    mutating func encode(_ value: UInt16) throws { node.setScalar(Primitive.integer(value)) }
    mutating func encode(_ value: UInt32) throws { node.setScalar(Primitive.integer(value)) }
    mutating func encode(_ value: UInt64) throws { node.setScalar(Primitive.integer(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try Primitive.encode(value, into: node, codingPath: codingPath)
    }
}
