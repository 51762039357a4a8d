import Foundation

/// Where the server reads its input: the next chunk of bytes, or nil at the end of the stream.
public struct ByteSource: Sendable {
    public let read: @Sendable () -> [UInt8]?

    public init(read: @escaping @Sendable () -> [UInt8]?) {
        self.read = read
    }

    /// Reads a file descriptor (standard input) in chunks; nil at end of file or on an error.
    public static func fileDescriptor(_ descriptor: Int32, chunkSize: Int = 64 * 1024) -> ByteSource {
        ByteSource {
            var chunk = [UInt8](repeating: 0, count: chunkSize)
            while true {
                let count = chunk.withUnsafeMutableBytes { raw -> Int in
                    guard let base = raw.baseAddress else { return -1 }
                    return Foundation.read(descriptor, base, raw.count)
                }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return nil }
                chunk.removeSubrange(count...)
                return chunk
            }
        }
    }
}
