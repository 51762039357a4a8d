#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The name of a `readdir` entry, read up to its terminating NUL only.
///
/// A `dirent` is as long as its name needs (`d_reclen`), not `sizeof(dirent)`: copying the whole
/// 256-byte `d_name` array reads past the last entry of the directory buffer, which crashed a run
/// over a folder of 100,000 images and is a heap overflow under AddressSanitizer.
public enum DirectoryEntryName {
    /// The name's bytes decoded as UTF-8, invalid bytes kept (see `FileNameBytes`).
    public static func of(_ entry: UnsafeMutablePointer<dirent>) -> String {
        FileNameBytes.string(bytes(of: entry))
    }

    /// The name's bytes in place, without a copy: valid only until the next `readdir` on the same
    /// handle. A walk looks at each name here first and makes strings of those it keeps only.
    public static func bytes(of entry: UnsafeMutablePointer<dirent>) -> UnsafeBufferPointer<UInt8> {
        let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name) ?? 19
        let start = UnsafeRawPointer(entry).advanced(by: offset).assumingMemoryBound(to: UInt8.self)
        let length = strlen(UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self))
        return UnsafeBufferPointer(start: start, count: length)
    }
}
