/// A small complete post that shows a rule at work: documentation and test at once.
///
/// In triggering examples, `⟦` and `⟧` mark each range where the rule must report; they are removed
/// before the example is checked. An example without markers must trigger at least once.
public struct RuleExample: Sendable {
    public var text: String
    /// Option values for this example only.
    public var options: [String: OptionValue]
    /// The file name the example is checked as (some rules read it), relative.
    public var path: String
    /// Where the example was declared, so a failing example names its source.
    public var sourceFile: String
    public var sourceLine: Int

    public init(
        _ text: String, options: [String: OptionValue] = [:], path: String = "post.md",
        file: String = #fileID, line: Int = #line
    ) {
        self.text = text
        self.options = options
        self.path = path
        self.sourceFile = file
        self.sourceLine = line
    }

    public static let rangeStart: Character = "⟦"
    public static let rangeEnd: Character = "⟧"

    /// The text without markers and the byte ranges the markers enclosed.
    public var unmarked: (text: String, ranges: [ByteRange]) {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var ranges: [ByteRange] = []
        var openStarts: [Int] = []
        for character in text {
            if character == Self.rangeStart {
                openStarts.append(output.count)
            } else if character == Self.rangeEnd, let start = openStarts.popLast() {
                ranges.append(start..<output.count)
            } else {
                output.append(contentsOf: String(character).utf8)
            }
        }
        ranges.sort { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
        return (String(decoding: output, as: UTF8.self), ranges)
    }
}

/// A text before and after a rule's fix.
public struct RuleCorrection: Sendable {
    public var before: String
    public var after: String
    public var options: [String: OptionValue]
    public var sourceFile: String
    public var sourceLine: Int

    public init(
        _ before: String, _ after: String, options: [String: OptionValue] = [:],
        file: String = #fileID, line: Int = #line
    ) {
        self.before = before
        self.after = after
        self.options = options
        self.sourceFile = file
        self.sourceLine = line
    }
}
