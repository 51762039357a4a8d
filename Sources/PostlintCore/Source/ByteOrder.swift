#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// Whether this string sorts before `other` by their UTF-8 bytes (the order paths are reported
    /// in, the same on every machine and locale). One `memcmp` over contiguous storage: the generic
    /// `utf8.lexicographicallyPrecedes` walks an iterator a byte at a time, which showed up when
    /// sorting a site's paths.
    public func precedesInByteOrder(_ other: String) -> Bool {
        var left = self
        var right = other
        return left.withUTF8 { leftBytes in
            right.withUTF8 { rightBytes in
                let shared = min(leftBytes.count, rightBytes.count)
                if shared > 0, let leftBase = leftBytes.baseAddress, let rightBase = rightBytes.baseAddress {
                    let order = memcmp(leftBase, rightBase, shared)
                    if order != 0 { return order < 0 }
                }
                return leftBytes.count < rightBytes.count
            }
        }
    }
}
