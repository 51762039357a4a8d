import PostlintCore

/// Applies rules' fixes to a file's bytes: non-overlapping edits, back to front.
public enum FixApplier {
    /// The bytes with every fix applied whose edits overlap no edit already taken (the first fix
    /// in file order wins; the rest wait for the next pass). Returns the new bytes and how many fixes
    /// were applied.
    public static func apply(_ fixes: [Fix], to bytes: [UInt8]) -> (bytes: [UInt8], applied: Int) {
        let ordered = fixes.sorted {
            ($0.edits.map(\.range.lowerBound).min() ?? 0) < ($1.edits.map(\.range.lowerBound).min() ?? 0)
        }
        var taken: [TextEdit] = []
        var applied = 0
        for fix in ordered {
            let valid = fix.edits.allSatisfy { $0.range.lowerBound >= 0 && $0.range.upperBound <= bytes.count }
            let overlaps = fix.edits.contains { edit in taken.contains { Self.overlap($0.range, edit.range) } }
            guard valid, !overlaps, !fix.edits.isEmpty else { continue }
            taken += fix.edits
            applied += 1
        }
        taken.sort { $0.range.lowerBound > $1.range.lowerBound }
        var output = bytes
        for edit in taken {
            output.replaceSubrange(edit.range, with: Array(edit.replacement.utf8))
        }
        return (output, applied)
    }

    /// Whether two edits touch: overlapping ranges, or two insertions at one point.
    static func overlap(_ a: ByteRange, _ b: ByteRange) -> Bool {
        if a.isEmpty || b.isEmpty {
            return a.lowerBound == b.lowerBound || (a.lowerBound > b.lowerBound && a.lowerBound < b.upperBound)
                || (b.lowerBound > a.lowerBound && b.lowerBound < a.upperBound)
        }
        return a.lowerBound < b.upperBound && b.lowerBound < a.upperBound
    }
}
