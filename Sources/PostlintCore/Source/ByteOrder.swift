extension String {
    /// Whether this string sorts before `other` by their UTF-8 bytes (the order paths are reported
    /// in, the same on every machine and locale). One `memcmp` over contiguous storage: the generic
    /// `utf8.lexicographicallyPrecedes` walks an iterator a byte at a time, which showed up when
    /// sorting a site's paths.
    public func precedesInByteOrder(_ other: String) -> Bool {
        var left = self
        var right = other
        return left.withUTF8 { leftBytes in right.withUTF8 { ByteScanning.precedes(leftBytes, $0) } }
    }
}
