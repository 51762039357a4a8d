import Foundation
import PostlintCore
import PostlintJSON
import PostlintLanguageServer

/// Bytes handed from a test to the server: `read` blocks until bytes or the end arrive.
final class BlockingInput: @unchecked Sendable {
    private let condition = NSCondition()
    private var chunks: [[UInt8]] = []
    private var closed = false

    func write(_ bytes: [UInt8]) {
        condition.lock()
        chunks.append(bytes)
        condition.signal()
        condition.unlock()
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    func read() -> [UInt8]? {
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty, !closed { condition.wait() }
        return chunks.isEmpty ? nil : chunks.removeFirst()
    }
}

/// Everything the server sent, parsed back into messages with the same framer.
final class Inbox: @unchecked Sendable {
    private let condition = NSCondition()
    private var framer = MessageFramer()
    private var messages: [JSONValue] = []
    private var cursor = 0

    func receive(_ bytes: [UInt8]) -> Bool {
        condition.lock()
        framer.append(bytes)
        while let event = framer.next() {
            if case .message(let body) = event, let message = try? JSONParser.parse(body, maximumDepth: ParserLimits.jsonNesting)
            {
                messages.append(message)
            }
        }
        condition.broadcast()
        condition.unlock()
        return true
    }

    /// The next message after the last one taken that satisfies `predicate`, waiting for it
    /// without holding a thread (the server's tasks share the test's cooperative threads).
    func next(timeout: TimeInterval = 10, where predicate: (JSONValue) -> Bool) async -> JSONValue? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let found = take(where: predicate) { return found }
            guard Date() < deadline else { return nil }
            try? await Task.sleep(nanoseconds: 2_000_000)
        }
    }

    private func take(where predicate: (JSONValue) -> Bool) -> JSONValue? {
        condition.lock()
        defer { condition.unlock() }
        guard let index = messages[cursor...].firstIndex(where: predicate) else { return nil }
        cursor = index + 1
        return messages[index]
    }

    /// Whether any message received so far satisfies `predicate`; does not wait.
    func contains(where predicate: (JSONValue) -> Bool) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return messages.contains(where: predicate)
    }

    /// Every message received so far.
    var all: [JSONValue] {
        condition.lock()
        defer { condition.unlock() }
        return messages
    }
}

/// A server running in process on its own threads, driven like a client would drive it.
final class ServerHarness: @unchecked Sendable {
    let input = BlockingInput()
    let inbox = Inbox()
    private let lock = NSLock()
    private var code: Int32?
    private var nextID = 100

    init(options: LanguageServer.Options = LanguageServer.Options(toolVersion: "9.9.9")) {
        let inbox = self.inbox
        let server = LanguageServer(options: options, writer: MessageWriter { inbox.receive($0) })
        let input = self.input
        // The exit code is recorded from the server's own queue: no pool thread is needed for it.
        server.start(input: ByteSource { input.read() }) { [self] code in record(code) }
    }

    private func record(_ exitCode: Int32) {
        lock.lock()
        code = exitCode
        lock.unlock()
    }

    func sendRaw(_ bytes: [UInt8]) { input.write(bytes) }

    func send(_ message: JSONValue) {
        let body = message.compactBytes()
        input.write(Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
    }

    func notify(_ method: String, _ params: JSONValue) {
        send(["jsonrpc": "2.0", "method": .string(method), "params": params])
    }

    /// Sends a request and waits for its response.
    @discardableResult
    func request(_ method: String, _ params: JSONValue = .null) async -> JSONValue? {
        let id = takeID()
        send(["jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": params])
        return await inbox.next { $0["id"]?.intValue == id }
    }

    private func takeID() -> Int {
        lock.lock()
        defer { lock.unlock() }
        nextID += 1
        return nextID
    }

    /// `initialize` then `initialized`; returns the initialize result.
    @discardableResult
    func start(root: URL? = nil, encodings: [String]? = nil) async -> JSONValue? {
        var capabilities: [(key: String, value: JSONValue)] = [
            ("workspace", ["didChangeWatchedFiles": ["dynamicRegistration": false]])
        ]
        if let encodings { capabilities.append(("general", ["positionEncodings": .array(encodings.map { .string($0) })])) }
        let params: JSONValue = [
            "processId": .null,
            "rootUri": root.map { .string(DocumentURI.uri(ofPath: $0.path)) } ?? .null,
            "capabilities": .object(capabilities),
        ]
        let result = await request("initialize", params)
        notify("initialized", [:])
        return result?["result"]
    }

    func open(_ uri: String, _ text: String, version: Int = 1) {
        notify(
            "textDocument/didOpen",
            [
                "textDocument": [
                    "uri": .string(uri), "languageId": "markdown", "version": .int(version), "text": .string(text),
                ]
            ])
    }

    /// The next diagnostics published for `uri` (for `version`, when given).
    func diagnostics(for uri: String, version: Int? = nil, timeout: TimeInterval = 10) async -> [JSONValue]? {
        await inbox.next(timeout: timeout) { message in
            message["method"]?.stringValue == "textDocument/publishDiagnostics"
                && message["params"]?["uri"]?.stringValue == uri
                && (version == nil || message["params"]?["version"]?.intValue == version)
        }?["params"]?["diagnostics"]?.arrayValue
    }

    /// Closes the input and waits for `run` to return its exit code.
    func finish(timeout: TimeInterval = 10) async -> Int32? {
        input.close()
        return await waitForExit(timeout: timeout)
    }

    func waitForExit(timeout: TimeInterval = 10) async -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let code = exitCode() { return code }
            guard Date() < deadline else { return nil }
            try? await Task.sleep(nanoseconds: 2_000_000)
        }
    }

    private func exitCode() -> Int32? {
        lock.lock()
        defer { lock.unlock() }
        return code
    }
}

/// Test helpers over LSP JSON.
enum LSP {
    static func position(_ json: JSONValue?) -> (Int, Int)? {
        guard let line = json?["line"]?.intValue, let character = json?["character"]?.intValue else { return nil }
        return (line, character)
    }

    static func codes(_ diagnostics: [JSONValue]) -> [String] {
        diagnostics.compactMap { $0["code"]?.stringValue }
    }

    /// Applies LSP text edits (non-overlapping, positions in `encoding`) to a text.
    static func apply(_ edits: [JSONValue], to text: String, encoding: PositionEncoding) -> String? {
        var bytes = Array(text.utf8)
        var ranges: [(Range<Int>, String)] = []
        let converter = PositionConverter(bytes: bytes, encoding: encoding)
        for edit in edits {
            guard let range = edit["range"], let lspRange = try? JSONValueDecoder().decode(LSPRange.self, from: range),
                case let (byteRange, clamped) = converter.byteRange(of: lspRange), !clamped,
                let newText = edit["newText"]?.stringValue
            else { return nil }
            ranges.append((byteRange, newText))
        }
        for (range, newText) in ranges.sorted(by: { $0.0.lowerBound > $1.0.lowerBound }) {
            bytes.replaceSubrange(range, with: Array(newText.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
