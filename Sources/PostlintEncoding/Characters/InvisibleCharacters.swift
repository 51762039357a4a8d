/// Which invisible characters are out of place, and which are part of correct text.
public enum InvisibleCharacters {
    /// What an invisible character is, for the rule that reports it.
    public enum Kind: Sendable, Equatable {
        /// Reorders how text displays (the "Trojan Source" trick): always reported, as an error.
        case bidirectionalControl
        /// Takes no space and has no use here.
        case invisible
    }

    /// The kind of `scalar` given its neighbours, or nil when it is visible or in its right place
    /// (a joiner inside an emoji sequence or between letters of a script that needs it).
    public static func kind(
        of scalar: Unicode.Scalar, previous: Unicode.Scalar?, next: Unicode.Scalar?,
        isFirstInFile: Bool
    ) -> Kind? {
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069:
            return .bidirectionalControl
        case 0x200B, 0x2060...0x2064, 0x180E, 0x00AD, 0x115F, 0x1160, 0x3164, 0xFFA0, 0x206A...0x206F:
            return .invisible
        case 0xFEFF:
            return isFirstInFile ? nil : .invisible
        case 0x200D:
            if let previous, let next, isEmojiPart(previous), isEmojiPart(next) { return nil }
            return needsJoiners(previous) || needsJoiners(next) ? nil : .invisible
        case 0x200C:
            return needsJoiners(previous) || needsJoiners(next) ? nil : .invisible
        default:
            return nil
        }
    }

    /// A character that can stand on either side of a joiner in an emoji sequence.
    static func isEmojiPart(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value == 0xFE0F || (0x1F3FB...0x1F3FF).contains(value) || value == 0x20E3 { return true }
        if (0x2190...0x2BFF).contains(value) || value >= 0x1F000 { return scalar.properties.isEmoji }
        return false
    }

    /// A letter or mark of a script whose spelling uses joiners and non-joiners.
    static func needsJoiners(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        let value = scalar.value
        switch value {
        case 0x0600...0x08FF, 0x0900...0x0DFF, 0x0F00...0x109F, 0x1780...0x18AF, 0xA8E0...0xA8FF,
            0xFB50...0xFDFF, 0xFE70...0xFEFF:
            return scalar.properties.isAlphabetic || ScriptClass.isMark(scalar)
        default:
            return false
        }
    }
}
