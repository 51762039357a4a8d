/// Text made safe to print inside a message: controls and invisible characters are shown as
/// `<U+XXXX>`, and long text is cut.
public enum VisibleText {
    /// `text` with every control, format and separator character other than a plain space written
    /// as `<U+XXXX>`, cut after `limit` scalars with an ellipsis.
    public static func render(_ text: String, limit: Int = 40) -> String {
        var output = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit {
                output += "…"
                break
            }
            count += 1
            if isShown(scalar) {
                output.unicodeScalars.append(scalar)
            } else {
                output += "<" + codePoint(scalar) + ">"
            }
        }
        return output
    }

    /// `U+00E9`: four hex digits at least, upper case.
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// `0xE9`.
    public static func byte(_ byte: UInt8) -> String {
        let hex = String(byte, radix: 16, uppercase: true)
        return "0x" + (hex.count == 1 ? "0" + hex : hex)
    }

    static func isShown(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .unassigned,
            .privateUse, .surrogate:
            return false
        default:
            return true
        }
    }
}
