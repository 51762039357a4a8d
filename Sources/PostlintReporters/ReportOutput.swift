/// Where a reporter writes: its bytes gather in a buffer that is handed on a part at a time (about
/// 64 KiB) as the report is written, so a report of many findings is never held whole.
public final class ReportOutput {
    /// About how many bytes gather before they are handed on.
    public static let partSize = 1 << 16

    private var buffer: [UInt8] = []
    private let deliver: ([UInt8]) -> Void

    /// `deliver` receives each part in order, then what is left when `finish()` is called.
    public init(deliver: @escaping ([UInt8]) -> Void) {
        self.deliver = deliver
        buffer.reserveCapacity(Self.partSize + 4_096)
    }

    /// Adds `text` as UTF-8.
    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.partSize { handOn() }
    }

    /// Adds `bytes` and empties them (the caller's buffer is reused, not copied each time).
    public func write(takingBytesOf bytes: inout [UInt8]) {
        buffer.append(contentsOf: bytes)
        bytes.removeAll(keepingCapacity: true)
        if buffer.count >= Self.partSize { handOn() }
    }

    /// Hands on what is left. Call once, when the report is written.
    public func finish() {
        if !buffer.isEmpty { handOn() }
    }

    private func handOn() {
        deliver(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
