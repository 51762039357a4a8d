/// Makes untrusted text safe to print on a terminal line: a message or path from a hostile file
/// must not move the cursor, change colours, break the one-finding-per-line form, or reorder text
/// (Unicode bidirectional controls).
enum TerminalText {
    /// `text` with each control character (C0 but tab, DEL, C1) and each bidirectional control
    /// written as a visible escape: `\n`, `\r`, `\u{1B}`, `\u{202E}`.
    static func sanitized(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                output.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            default: output += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return output
    }

    @inline(__always)
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: return false
        case 0x00..<0x20, 0x7F..<0xA0: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
