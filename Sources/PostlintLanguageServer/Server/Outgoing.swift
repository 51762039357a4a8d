import PostlintJSON

/// The JSON-RPC messages the server writes.
enum Outgoing {
    static func response(id: RequestID, result: JSONValue) -> JSONValue {
        ["jsonrpc": "2.0", "id": id.json, "result": result]
    }

    /// An error answer; `id` nil when the request's id could not be read.
    static func error(id: RequestID?, _ error: ResponseError) -> JSONValue {
        ["jsonrpc": "2.0", "id": id?.json ?? .null, "error": error.json]
    }

    static func notification<Params: Encodable>(_ method: String, _ params: Params) -> JSONValue {
        ["jsonrpc": "2.0", "method": .string(method), "params": encoded(params)]
    }

    static func request<Params: Encodable>(id: Int, _ method: String, _ params: Params) -> JSONValue {
        ["jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": encoded(params)]
    }

    /// A message type as JSON, members in declaration order.
    static func encoded<Value: Encodable>(_ value: Value) -> JSONValue {
        // The message types hold strings, integers, booleans and arrays of them: encoding them
        // cannot fail (OrderedJSONEncoder throws only what a type's own encode(to:) throws).
        (try? OrderedJSONEncoder().encode(value)) ?? .null
    }
}
