/// Splits a byte stream into JSON-RPC messages framed by `Content-Length` headers (the base
/// protocol of the Language Server Protocol). Pure: bytes go in through `append`, complete
/// message bodies and framing errors come out of `next()`, in stream order. It never traps and
/// keeps memory bounded: a header is limited in size and a body over `maximumContentLength` is
/// skipped as it arrives, never stored. After a malformed header it resynchronises on the next
/// `Content-Length` header, so one bad message costs one error, not the rest of the session.
public struct MessageFramer: Sendable {
    /// What the stream held next.
    public enum Event: Sendable, Equatable {
        /// The body of one message (its JSON text, not yet parsed).
        case message([UInt8])
        /// Bytes that are not a well-framed message; they have been dropped.
        case error(String)
    }

    /// The longest header block accepted, in bytes.
    public static let maximumHeaderLength = 8 * 1024
    /// The largest body kept; larger ones are skipped with an error.
    public let maximumContentLength: Int

    private enum State: Sendable {
        case header
        case body(length: Int)
        case skipping(remaining: Int)
    }

    private var buffer: [UInt8] = []
    /// Offset of the first byte not yet consumed.
    private var start = 0
    /// Where the search for the end of the header block resumes.
    private var scanned = 0
    private var state = State.header

    public init(maximumContentLength: Int = 64 * 1024 * 1024) {
        self.maximumContentLength = maximumContentLength
    }

    /// Bytes received but not yet returned as a message.
    public var pendingByteCount: Int { buffer.count - start }

    /// Adds bytes read from the stream.
    public mutating func append(_ bytes: some Collection<UInt8>) {
        if case .skipping(let remaining) = state, start == buffer.count {
            let dropped = min(remaining, bytes.count)
            state = remaining - dropped == 0 ? .header : .skipping(remaining: remaining - dropped)
            if dropped < bytes.count { buffer.append(contentsOf: bytes.dropFirst(dropped)) }
            return
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete message or framing error, or nil when more bytes are needed.
    public mutating func next() -> Event? {
        defer { compact() }
        while true {
            switch state {
            case .skipping(let remaining):
                let available = buffer.count - start
                let dropped = min(remaining, available)
                start += dropped
                scanned = start
                if remaining - dropped > 0 {
                    state = .skipping(remaining: remaining - dropped)
                    return nil
                }
                state = .header
            case .body(let length):
                guard buffer.count - start >= length else { return nil }
                let body = Array(buffer[start..<start + length])
                start += length
                scanned = start
                state = .header
                return .message(body)
            case .header:
                guard let end = findHeaderEnd() else {
                    if buffer.count - start > Self.maximumHeaderLength {
                        // Keep the last bytes: they may begin a real header.
                        start = buffer.count - 3
                        scanned = start
                        return .error("header longer than \(Self.maximumHeaderLength) bytes without an end")
                    }
                    return nil
                }
                let block = Array(buffer[start..<end])
                switch Self.contentLength(inHeader: block) {
                case .success(let length):
                    start = end + 4
                    scanned = start
                    if length > maximumContentLength {
                        state = .skipping(remaining: length)
                        return .error("message of \(length) bytes is over the limit of \(maximumContentLength)")
                    }
                    state = .body(length: length)
                case .failure(let reason):
                    if let resume = Self.resynchronisationPoint(in: block) {
                        start += resume
                        scanned = start
                    } else {
                        start = end + 4
                        scanned = start
                    }
                    return .error(reason.reason)
                }
            }
        }
    }

    /// The offset of the CR of the first CR LF CR LF after `start`, scanning each byte once.
    private mutating func findHeaderEnd() -> Int? {
        var index = max(scanned, start)
        let count = buffer.count
        while index + 3 < count {
            if buffer[index] == 0x0D, buffer[index + 1] == 0x0A, buffer[index + 2] == 0x0D, buffer[index + 3] == 0x0A {
                return index
            }
            index += 1
        }
        scanned = index
        return nil
    }

    /// The `Content-Length` of a header block (lines separated by CR LF), or why there is none.
    static func contentLength(inHeader block: [UInt8]) -> Result<Int, HeaderFailure> {
        var length: Int?
        var lines: [ArraySlice<UInt8>] = []
        var lineStart = 0
        var index = 0
        while index < block.count {
            if block[index] == 0x0D, index + 1 < block.count, block[index + 1] == 0x0A {
                lines.append(block[lineStart..<index])
                index += 2
                lineStart = index
            } else {
                index += 1
            }
        }
        lines.append(block[lineStart..<block.count])
        for line in lines {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
                return .failure(HeaderFailure("header line without ':'"))
            }
            let name = line[line.startIndex..<colon]
            guard lowercased(name) == Array("content-length".utf8) else { continue }
            let value = line[(colon + 1)...].drop { $0 == 0x20 || $0 == 0x09 }
            let digits = value.reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed()
            guard !digits.isEmpty, digits.count <= 15,
                digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
            else {
                return .failure(HeaderFailure("Content-Length is not a number"))
            }
            let parsed = digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
            if let length, length != parsed { return .failure(HeaderFailure("two different Content-Length headers")) }
            length = parsed
        }
        guard let length else { return .failure(HeaderFailure("header without Content-Length")) }
        return .success(length)
    }

    /// Where a `Content-Length` header starts inside the first line of a malformed block, after
    /// its first byte: the tail of a message whose length was wrong, followed by a real header.
    static func resynchronisationPoint(in block: [UInt8]) -> Int? {
        let needle = Array("content-length:".utf8)
        var firstLineEnd = block.count
        for index in block.indices where block[index] == 0x0D || block[index] == 0x0A {
            firstLineEnd = index
            break
        }
        var index = 1
        while index + needle.count <= firstLineEnd {
            var matches = true
            for offset in 0..<needle.count where lowercase(block[index + offset]) != needle[offset] {
                matches = false
                break
            }
            if matches { return index }
            index += 1
        }
        return nil
    }

    /// Why a header block was rejected.
    struct HeaderFailure: Error, Equatable {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    private static func lowercased(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        bytes.map(lowercase)
    }

    @inline(__always)
    private static func lowercase(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    /// Drops consumed bytes once they are most of the buffer, so appends stay amortised linear.
    private mutating func compact() {
        guard start > 4096, start * 2 > buffer.count else { return }
        buffer.removeFirst(start)
        scanned -= start
        start = 0
    }
}
