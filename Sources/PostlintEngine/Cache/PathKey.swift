import Foundation
import PostlintCore

/// A path known by the 128-bit digest of its bytes: what the site facts cache finds its entries by,
/// and what `IndexFileSystem` keeps of the 40,000 paths in a big repository's index. A digest
/// stands for its path as a content digest stands for a post's bytes; no string is made to look a
/// path up, and a table of them holds 16 bytes a path.
struct PathKey: Hashable, Sendable {
    var digest: ContentDigest

    init(digest: ContentDigest) {
        self.digest = digest
    }

    init(_ path: String) {
        var path = path
        digest = path.withUTF8 { ContentDigest(of: UnsafeRawBufferPointer($0)) }
    }

    /// The key of the path the file system knows: a byte that is not UTF-8, carried in the
    /// string as `FileNameBytes` does, is put back (so the key is that of git's bytes for it).
    init(fileSystemPath path: String) {
        if FileNameBytes.hasRawBytes(path) {
            self = FileNameBytes.withCString(path) { PathKey(bytes: UnsafeRawBufferPointer(start: $0, count: strlen($0))) }
        } else {
            self.init(path)
        }
    }

    init(bytes: ArraySlice<UInt8>) {
        digest = bytes.withUnsafeBytes { ContentDigest(of: $0) }
    }

    init(bytes: UnsafeRawBufferPointer) {
        digest = ContentDigest(of: bytes)
    }
}

/// Builds the keys of paths in one folder without making a string for each: the folder's bytes
/// and a slash, then each name in turn in one reused buffer.
struct PathKeyBuilder {
    private var buffer: [UInt8]
    private let prefixLength: Int

    /// For names in `folder` (an absolute path without a trailing slash).
    init(folder: String) {
        buffer = Array(folder.utf8)
        buffer.append(UInt8(ascii: "/"))
        prefixLength = buffer.count
    }

    /// The key of `folder/name`.
    mutating func key(_ name: some Collection<UInt8>) -> PathKey {
        buffer.removeSubrange(prefixLength...)
        buffer.append(contentsOf: name)
        return buffer.withUnsafeBytes { PathKey(bytes: $0) }
    }
}
