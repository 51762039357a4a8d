/// Reading a parsed value (a language server message) and building one from literals.
extension JSONValue {
    /// The member `key` of an object (the last one when a key repeats), or nil.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.key == key }?.value
    }

    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The number when it is an integer (`3`, `3.0`, `3e0`) of at most 2^53 in magnitude, the
    /// integers every JSON reader represents exactly.
    public var intValue: Int? {
        guard case .number(let text) = self else { return nil }
        let bound = 9_007_199_254_740_992
        if let exact = Int(text) { return exact >= -bound && exact <= bound ? exact : nil }
        guard let value = Double(text), value.rounded() == value, value >= -Double(bound), value <= Double(bound) else {
            return nil
        }
        return Int(value)
    }

    /// The number as a `Double` (infinite when its text is beyond `Double`'s range).
    public var doubleValue: Double? {
        guard case .number(let text) = self else { return nil }
        return Double(text)
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// An integer as a JSON number.
    public static func int(_ value: Int) -> JSONValue { .number(String(value)) }

    /// The value as compact UTF-8 JSON text (no white space), as sent in a message.
    public func compactBytes() -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        write(into: &output, layout: .compact)
        return output
    }

    /// The value as compact JSON text.
    public var text: String { serialized(.compact) }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(String(value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(elements.map { (key: $0.0, value: $0.1) })
    }
    public init(nilLiteral: ()) { self = .null }
}
