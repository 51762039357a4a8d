/// A user's regular expression, compiled once.
struct CompiledPattern: @unchecked Sendable {
    // Regex values are immutable after construction; the box only tells the compiler so.
    private let regex: Regex<AnyRegexOutput>

    init(_ pattern: String, ignoreCase: Bool) throws {
        let compiled = try Regex(pattern)
        regex = ignoreCase ? compiled.ignoresCase() : compiled
    }

    /// The first matching text, or nil.
    func firstMatch(in text: String) -> String? {
        guard let match = try? regex.firstMatch(in: text) else { return nil }
        return String(text[match.range])
    }
}
