import Foundation
import PostlintJSON

/// Writes framed messages (`Content-Length` header, then the JSON body) to a byte sink, one whole
/// message at a time even when several threads send at once.
// @unchecked: the sink is written only with `lock` held, one whole message at a time.
public final class MessageWriter: @unchecked Sendable {
    private let lock = NSLock()
    private let sink: @Sendable ([UInt8]) -> Bool
    private var failed = false

    /// - Parameter sink: writes all the bytes, returning false when the other side is gone.
    public init(sink: @escaping @Sendable ([UInt8]) -> Bool) {
        self.sink = sink
    }

    /// Whether a write has failed (the client closed its end).
    public var hasFailed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return failed
    }

    /// Sends one message; returns false when it could not be written.
    @discardableResult
    public func send(_ message: JSONValue) -> Bool {
        let body = message.compactBytes()
        var frame = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
        frame.append(contentsOf: body)
        lock.lock()
        defer { lock.unlock() }
        guard !failed else { return false }
        if !sink(frame) { failed = true }
        return !failed
    }

    /// A sink writing to a file descriptor, retrying short writes and interruptions.
    public static func fileDescriptorSink(_ descriptor: Int32) -> @Sendable ([UInt8]) -> Bool {
        { bytes in
            bytes.withUnsafeBytes { raw -> Bool in
                guard let base = raw.baseAddress else { return true }
                var written = 0
                while written < raw.count {
                    let result = write(descriptor, base + written, raw.count - written)
                    if result < 0 {
                        if errno == EINTR { continue }
                        return false
                    }
                    written += result
                }
                return true
            }
        }
    }
}
