/// Percent-encoding for the URIs reports write (RFC 3986).
public enum URIEncoding {
    /// `text` with every byte of its UTF-8 form percent-encoded except the unreserved characters
    /// (`A-Z a-z 0-9 - . _ ~`) and, when `keepingSlashes`, `/`.
    public static func percentEncoded(_ text: String, keepingSlashes: Bool = false) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) || (keepingSlashes && byte == UInt8(ascii: "/")) {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// A file path as a URI reference: a relative path stays relative (its segments
    /// percent-encoded, a leading `./` dropped); an absolute path becomes a `file://` URI.
    public static func fileURI(forPath path: String) -> String {
        if path.hasPrefix("/") {
            return "file://" + percentEncoded(path, keepingSlashes: true)
        }
        var relative = Substring(path)
        while relative.hasPrefix("./") {
            relative = relative.dropFirst(2)
            while relative.hasPrefix("/") { relative = relative.dropFirst() }
        }
        if relative.isEmpty { return "." }
        return percentEncoded(String(relative), keepingSlashes: true)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    @inline(__always)
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}
