import PostlintCore
import PostlintEncoding
import PostlintParsing

/// Fixes one file in memory: lint, apply the safe fixes, lint the result again, until nothing
/// fixable remains (or a pass limit is reached). Writing is the caller's decision.
public struct FileFixer: Sendable {
    public static let maximumPasses = 8
    let linter: Linter

    public init(linter: Linter) {
        self.linter = linter
    }

    public struct Result: Sendable {
        public var original: [UInt8]
        public var fixed: [UInt8]
        public var appliedFixes: Int
        public var changed: Bool { original != fixed }
    }

    public func fix(bytes: [UInt8], displayPath: String, absolutePath: String) throws(PostlintError) -> Result {
        // No rule offers a fix for a UTF-16 or UTF-32 file (it is reported once, as such); its
        // bytes, read as UTF-8, must not be "fixed" one by one.
        guard EncodingSniffer.sniff(bytes).encoding == .utf8 else {
            return Result(original: bytes, fixed: bytes, appliedFixes: 0)
        }
        var current = bytes
        var total = 0
        for _ in 0..<Self.maximumPasses {
            let (document, ruleSet) = try linter.prepare(bytes: current, displayPath: displayPath, absolutePath: absolutePath)
            let fixes = ruleSet.check(document).compactMap(\.fix)
            guard !fixes.isEmpty else { break }
            let (next, applied) = FixApplier.apply(fixes, to: current)
            guard applied > 0, next != current else { break }
            current = next
            total += applied
        }
        return Result(original: bytes, fixed: current, appliedFixes: total)
    }
}
