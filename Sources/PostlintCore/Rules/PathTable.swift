/// Paths kept as bytes, one after another in one buffer, each found by its index.
///
/// A run keeps the display path of every post it reads until its end: site facts and the report
/// refer to posts by path. As a `String` each, a path longer than 15 bytes is a heap object of
/// its own (its bytes rounded up, plus malloc's and the object's headers) beside the 16-byte
/// string; here a path costs its bytes and four more, and a site of 100,000 posts keeps its paths
/// in a few megabytes. The buffers grow by an eighth at a time once large, not by doubling.
public struct PathTable: RandomAccessCollection, Sendable, Equatable {
    private var bytes: [UInt8] = []
    /// Where each path ends in `bytes`; a path starts where the one before it ends.
    private var ends: [UInt32] = []

    public init() {}

    /// A table of `paths`, in their order (test and small-run convenience).
    public init(_ paths: some Sequence<String>) {
        for path in paths { append(path) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { ends.count }

    /// The path at `index`, as a new string.
    public subscript(index: Int) -> String {
        withUTF8(at: index) { String(decoding: $0, as: UTF8.self) }
    }

    /// Makes room for `paths` more paths of `bytes` bytes in all, so a table whose size is known
    /// does not grow step by step.
    public mutating func reserveCapacity(paths: Int, bytes byteCount: Int) {
        ends.reserveCapacity(ends.count + paths)
        bytes.reserveCapacity(bytes.count + byteCount)
    }

    /// Adds `path` at the end. False, and nothing added, when the table would pass 4 GB of bytes
    /// (offsets are 32 bits; that is tens of millions of paths).
    @discardableResult
    public mutating func append(_ path: String) -> Bool {
        append(folder: "", name: path)
    }

    /// Adds the path whose UTF-8 bytes are `utf8` at the end. False, and nothing added, past 4 GB of bytes.
    @discardableResult
    package mutating func append(utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let length = utf8.count
        guard bytes.count + length <= Int(UInt32.max) else { return false }
        bytes.reserveGently(forAdding: length)
        ends.reserveGently(forAdding: 1)
        bytes.append(contentsOf: utf8)
        ends.append(UInt32(bytes.count))
        return true
    }

    /// Adds `folder/name` (just `name` when `folder` is empty) at the end, without building the
    /// joined string first. False, and nothing added, past 4 GB of bytes.
    @discardableResult
    public mutating func append(folder: String, name: String) -> Bool {
        let folderLength = folder.utf8.count
        let length = folderLength + (folderLength > 0 ? 1 : 0) + name.utf8.count
        guard bytes.count + length <= Int(UInt32.max) else { return false }
        bytes.reserveGently(forAdding: length)
        ends.reserveGently(forAdding: 1)
        if folderLength > 0 {
            bytes.append(contentsOf: folder.utf8)
            bytes.append(UInt8(ascii: "/"))
        }
        bytes.append(contentsOf: name.utf8)
        ends.append(UInt32(bytes.count))
        return true
    }

    /// Calls `body` with the bytes of the path at `index`, without copying them.
    public func withUTF8<Result>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows
        -> Result
    {
        let range = byteRange(of: index)
        return try bytes.withUnsafeBufferPointer { buffer in
            try body(UnsafeBufferPointer(rebasing: buffer[range]))
        }
    }

    /// Whether the path at `index` is `path`, compared byte by byte without building a string.
    public func path(at index: Int, equals path: String) -> Bool {
        var path = path
        return path.withUTF8 { other in withUTF8(at: index) { ByteScanning.equal($0, other) } }
    }

    /// Whether the paths at `first` and `second` are the same bytes.
    public func pathsEqual(_ first: Int, _ second: Int) -> Bool {
        if first == second { return true }
        let left = byteRange(of: first)
        let right = byteRange(of: second)
        return bytes.withUnsafeBufferPointer {
            ByteScanning.equal(UnsafeBufferPointer(rebasing: $0[left]), UnsafeBufferPointer(rebasing: $0[right]))
        }
    }

    /// Whether the path at `first` sorts before the one at `second` by their UTF-8 bytes (the
    /// order findings and files are reported in).
    public func utf8Precedes(_ first: Int, _ second: Int) -> Bool {
        let left = byteRange(of: first)
        let right = byteRange(of: second)
        return bytes.withUnsafeBufferPointer {
            ByteScanning.precedes(UnsafeBufferPointer(rebasing: $0[left]), UnsafeBufferPointer(rebasing: $0[right]))
        }
    }

    private func byteRange(of index: Int) -> Range<Int> {
        (index == 0 ? 0 : Int(ends[index - 1]))..<Int(ends[index])
    }
}

extension Array {
    /// Makes room for `extra` more elements before they are appended. A small array doubles, as
    /// `append` would; a large one grows by an eighth, so the spare room of the arrays a run keeps
    /// for every post stays small, and so does the moment the old and new buffers both exist.
    package mutating func reserveGently(forAdding extra: Int) {
        let needed = count + extra
        guard needed > capacity else { return }
        let step = count < 4_096 ? count : count / 8
        reserveCapacity(Swift.max(needed, count + step))
    }
}
