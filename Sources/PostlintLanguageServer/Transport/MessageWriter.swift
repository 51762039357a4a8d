import Foundation
import PostlintJSON

/// Writes framed messages (`Content-Length` header, then the JSON body) to a byte sink, one whole
/// message a call. The server writes only from its `ServerSession` actor, so messages never
/// interleave and no lock is needed here.
public struct MessageWriter: Sendable {
    private let sink: @Sendable ([UInt8]) -> Bool

    /// - Parameter sink: writes all the bytes, returning false when the other side is gone.
    public init(sink: @escaping @Sendable ([UInt8]) -> Bool) {
        self.sink = sink
    }

    /// Sends one message; returns false when it could not be written.
    @discardableResult
    public func send(_ message: JSONValue) -> Bool {
        var frame: [UInt8] = []
        let body = message.compactBytes()
        frame.reserveCapacity(body.count + 32)
        frame.append(contentsOf: "Content-Length: \(body.count)\r\n\r\n".utf8)
        frame.append(contentsOf: body)
        return sink(frame)
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
