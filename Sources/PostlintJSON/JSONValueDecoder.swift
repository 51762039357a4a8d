/// Decodes `Decodable` values from a parsed `JSONValue` (a language server message's params).
///
/// A required member that is missing or of the wrong type is a `DecodingError` whose coding path
/// names it (`JSONValueDecoder.describe` words it: "textDocument.uri is required"). An optional
/// member (`decodeIfPresent`, as synthesized for optional properties) that is null or of the wrong
/// type reads as absent: clients send members this reader does not know in shapes it did not
/// expect, and one odd capability must not make a whole message unreadable. Integers are the
/// numbers `JSONValue.intValue` accepts.
public struct JSONValueDecoder: Sendable {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        try T(from: ValueDecoder(value: value, codingPath: []))
    }

    /// What is wrong, in words, with the path of the member at fault: "textDocument.uri is
    /// required", "range.start.line must be an integer".
    public static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])) is required"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let place = context.codingPath.isEmpty ? "params" : path(context.codingPath)
            return "\(place) \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return text
    }
}

/// The key of an array element in a coding path.
private struct ElementKey: CodingKey {
    var stringValue: String { String(index) }
    var intValue: Int? { index }
    let index: Int

    init(index: Int) { self.index = index }
    init?(stringValue: String) { return nil }
    init?(intValue: Int) { self.index = intValue }
}

/// Reads the scalars every container reads; the rest through the type's own `init(from:)`.
private enum Scalar {
    static func mismatch<T>(_ type: T.Type, _ expected: String, _ path: [any CodingKey]) -> DecodingError {
        .typeMismatch(type, DecodingError.Context(codingPath: path, debugDescription: "must be \(expected)"))
    }

    static func string(_ value: JSONValue, _ path: [any CodingKey]) throws -> String {
        guard case .string(let text) = value else { throw mismatch(String.self, "a string", path) }
        return text
    }

    static func bool(_ value: JSONValue, _ path: [any CodingKey]) throws -> Bool {
        guard case .bool(let flag) = value else { throw mismatch(Bool.self, "true or false", path) }
        return flag
    }

    static func integer<T: FixedWidthInteger>(_ value: JSONValue, _ type: T.Type, _ path: [any CodingKey]) throws -> T {
        guard let number = value.intValue, let exact = T(exactly: number) else {
            throw mismatch(type, "an integer", path)
        }
        return exact
    }

    static func floating(_ value: JSONValue, _ path: [any CodingKey]) throws -> Double {
        guard let number = value.doubleValue else { throw mismatch(Double.self, "a number", path) }
        return number
    }

    static func value<T: Decodable>(_ value: JSONValue, _ type: T.Type, _ path: [any CodingKey]) throws -> T {
        try T(from: ValueDecoder(value: value, codingPath: path))
    }
}

private struct ValueDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else {
            throw Scalar.mismatch([String: JSONValue].self, "an object", codingPath)
        }
        return KeyedDecodingContainer(KeyedValueContainer<Key>(members: members, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else { throw Scalar.mismatch([JSONValue].self, "an array", codingPath) }
        return UnkeyedValueContainer(elements: elements, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleValueContainer(value: value, codingPath: codingPath)
    }
}

private struct KeyedValueContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [(key: String, value: JSONValue)]
    let codingPath: [any CodingKey]

    var allKeys: [Key] { members.compactMap { Key(stringValue: $0.key) } }

    /// The member `key` (the last one when a key repeats, as `JSONValue`'s subscript reads it).
    private func member(_ key: Key) -> JSONValue? {
        members.last { $0.key == key.stringValue }?.value
    }

    private func required(_ key: Key) throws -> JSONValue {
        guard let value = member(key) else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(codingPath: codingPath, debugDescription: "is required"))
        }
        return value
    }

    func contains(_ key: Key) -> Bool { member(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { member(key)?.isNull ?? true }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try Scalar.bool(required(key), codingPath + [key]) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try Scalar.string(required(key), codingPath + [key]) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try Scalar.floating(required(key), codingPath + [key]) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        Float(try Scalar.floating(required(key), codingPath + [key]))
    }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try Scalar.integer(required(key), type, codingPath + [key]) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try Scalar.integer(required(key), type, codingPath + [key]) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 {
        try Scalar.integer(required(key), type, codingPath + [key])
    }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 {
        try Scalar.integer(required(key), type, codingPath + [key])
    }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 {
        try Scalar.integer(required(key), type, codingPath + [key])
    }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try Scalar.integer(required(key), type, codingPath + [key]) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 {
        try Scalar.integer(required(key), type, codingPath + [key])
    }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 {
        try Scalar.integer(required(key), type, codingPath + [key])
    }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 {
        try Scalar.integer(required(key), type, codingPath + [key])
    }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 {
        try Scalar.integer(required(key), type, codingPath + [key])
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try Scalar.value(required(key), type, codingPath + [key])
    }

    // Optional members: null, absent or of the wrong type read as nil (see `JSONValueDecoder`).
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { member(key)?.boolValue }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { member(key)?.stringValue }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { member(key)?.intValue }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = member(key), !value.isNull else { return nil }
        return try? Scalar.value(value, type, codingPath + [key])
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type,
        forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try ValueDecoder(value: required(key), codingPath: codingPath + [key]).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try ValueDecoder(value: required(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        ValueDecoder(value: members.last { $0.key == "super" }?.value ?? .null, codingPath: codingPath)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        ValueDecoder(value: member(key) ?? .null, codingPath: codingPath + [key])
    }
}

private struct UnkeyedValueContainer: UnkeyedDecodingContainer {
    let elements: [JSONValue]
    let codingPath: [any CodingKey]
    private(set) var currentIndex = 0

    init(elements: [JSONValue], codingPath: [any CodingKey]) {
        self.elements = elements
        self.codingPath = codingPath
    }

    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    private mutating func next<T>(_ type: T.Type) throws -> (JSONValue, [any CodingKey]) {
        guard currentIndex < elements.count else {
            throw DecodingError.valueNotFound(
                type,
                DecodingError.Context(
                    codingPath: codingPath + [ElementKey(index: currentIndex)], debugDescription: "is past the array's end"))
        }
        let path = codingPath + [ElementKey(index: currentIndex)]
        defer { currentIndex += 1 }
        return (elements[currentIndex], path)
    }

    mutating func decodeNil() throws -> Bool {
        guard currentIndex < elements.count, elements[currentIndex].isNull else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool {
        let (value, path) = try next(type); return try Scalar.bool(value, path)
    }
    mutating func decode(_ type: String.Type) throws -> String {
        let (value, path) = try next(type); return try Scalar.string(value, path)
    }
    mutating func decode(_ type: Double.Type) throws -> Double {
        let (value, path) = try next(type); return try Scalar.floating(value, path)
    }
    mutating func decode(_ type: Float.Type) throws -> Float {
        let (value, path) = try next(type); return Float(try Scalar.floating(value, path))
    }
    mutating func decode(_ type: Int.Type) throws -> Int {
        let (value, path) = try next(type); return try Scalar.integer(value, type, path)
    }
    mutating func decode(_ type: Int8.Type) throws -> Int8 {
        let (value, path) = try next(type); return try Scalar.integer(value, type, path)
    }
    mutating func decode(_ type: Int16.Type) throws -> Int16 {
        let (value, path) = try next(type); return try Scalar.integer(value, type, path)
    }
    mutating func decode(_ type: Int32.Type) throws -> Int32 {
        let (value, path) = try next(type); return try Scalar.integer(value, type, path)
    }
    mutating func decode(_ type: Int64.Type) throws -> Int64 {
        let (value, path) = try next(type); return try Scalar.integer(value, type, path)
    }
    mutating func decode(_ type: UInt.Type) throws -> UInt {
        let (value, path) = try next(type); return try Scalar.integer(value, type, path)
    }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 {
        let (value, path) = try next(type); return try Scalar.integer(value, type, path)
    }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 {
        let (value, path) = try next(type); return try Scalar.integer(value, type, path)
    }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 {
        let (value, path) = try next(type); return try Scalar.integer(value, type, path)
    }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 {
        let (value, path) = try next(type); return try Scalar.integer(value, type, path)
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (value, path) = try next(type)
        return try Scalar.value(value, type, path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey>
    {
        let (value, path) = try next(JSONValue.self)
        return try ValueDecoder(value: value, codingPath: path).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (value, path) = try next(JSONValue.self)
        return try ValueDecoder(value: value, codingPath: path).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (value, path) = try next(JSONValue.self)
        return ValueDecoder(value: value, codingPath: path)
    }
}

private struct SingleValueContainer: SingleValueDecodingContainer {
    let value: JSONValue
    let codingPath: [any CodingKey]

    func decodeNil() -> Bool { value.isNull }
    func decode(_ type: Bool.Type) throws -> Bool { try Scalar.bool(value, codingPath) }
    func decode(_ type: String.Type) throws -> String { try Scalar.string(value, codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try Scalar.floating(value, codingPath) }
    func decode(_ type: Float.Type) throws -> Float { Float(try Scalar.floating(value, codingPath)) }
    func decode(_ type: Int.Type) throws -> Int { try Scalar.integer(value, type, codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try Scalar.integer(value, type, codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try Scalar.integer(value, type, codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try Scalar.integer(value, type, codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try Scalar.integer(value, type, codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try Scalar.integer(value, type, codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try Scalar.integer(value, type, codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try Scalar.integer(value, type, codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try Scalar.integer(value, type, codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try Scalar.integer(value, type, codingPath) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try Scalar.value(value, type, codingPath)
    }
}

/// A `JSONValue` member of a `Decodable` type (an LSP request id, or `data` kept as it came) is
/// the value itself.
extension JSONValue: Decodable {
    /// The value as it was parsed, when decoded by `JSONValueDecoder`; other decoders are not
    /// supported.
    public init(from decoder: any Decoder) throws {
        guard let reader = decoder as? ValueDecoder else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath, debugDescription: "is read only by JSONValueDecoder"))
        }
        self = reader.value
    }
}
