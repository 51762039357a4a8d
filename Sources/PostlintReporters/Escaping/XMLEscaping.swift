/// Escaping for XML 1.0 text and attribute values, whatever the input holds.
enum XMLEscaping {
    /// Text content: `&`, `<`, `>` escaped; characters XML 1.0 does not allow (most C0 controls,
    /// U+FFFE, U+FFFF) replaced by U+FFFD.
    static func text(_ value: String) -> String {
        escaped(value, attribute: false)
    }

    /// An attribute value in double quotes: as text, and also `"` and `'`, with tab, LF and CR
    /// written as character references so that attribute-value normalization keeps them.
    static func attribute(_ value: String) -> String {
        escaped(value, attribute: true)
    }

    /// Whether XML 1.0 allows the character (the `Char` production).
    @inline(__always)
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    private static func escaped(_ value: String, attribute: Bool) -> String {
        var output = ""
        output.reserveCapacity(value.utf8.count + 8)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"" where attribute: output += "&quot;"
            case "'" where attribute: output += "&apos;"
            case "\t" where attribute: output += "&#9;"
            case "\n" where attribute: output += "&#10;"
            case "\r": output += "&#13;"
            default:
                if isAllowed(scalar) {
                    output.unicodeScalars.append(scalar)
                } else {
                    output += "\u{FFFD}"
                }
            }
        }
        return output
    }
}
