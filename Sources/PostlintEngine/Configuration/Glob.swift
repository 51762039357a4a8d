/// A path pattern: `*` matches within a path segment, `**` across segments, `?` one character,
/// `[abc]` / `[a-z]` / `[!abc]` one of a set, `{a,b}` alternatives. Paths use `/` and are matched
/// whole, relative to the configuration's folder. A pattern without `/` matches a file name at any
/// depth (`*.draft.md`), as in `.gitignore`.
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    public let pattern: String
    private let alternatives: [[UInt8]]
    private let anyDepth: Bool

    public init(_ pattern: String) {
        self.pattern = pattern
        var text = pattern
        if text.hasPrefix("./") { text.removeFirst(2) }
        if text.hasSuffix("/") { text += "**" }
        anyDepth = !text.contains("/")
        alternatives = Self.expandBraces(Array(text.utf8))
    }

    public var description: String { pattern }

    public func matches(_ path: String) -> Bool {
        let bytes = Array(path.utf8)
        if alternatives.contains(where: { Self.match($0, 0, bytes, 0) }) { return true }
        guard anyDepth, let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return false }
        let name = Array(bytes[(slash + 1)...])
        return alternatives.contains { Self.match($0, 0, name, 0) }
    }

    /// `a{b,c}d` → `abd`, `acd` (nested braces supported, bounded).
    private static func expandBraces(_ pattern: [UInt8]) -> [[UInt8]] {
        guard let open = pattern.firstIndex(of: UInt8(ascii: "{")) else { return [pattern] }
        var depth = 0
        var close: Int?
        var commas: [Int] = []
        for index in open..<pattern.count {
            switch pattern[index] {
            case UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "}"):
                depth -= 1
                if depth == 0 { close = index }
            case UInt8(ascii: ","): if depth == 1 { commas.append(index) }
            default: break
            }
            if close != nil { break }
        }
        guard let end = close else { return [pattern] }
        let prefix = Array(pattern[..<open])
        let suffix = Array(pattern[(end + 1)...])
        var bounds = [open] + commas + [end]
        var results: [[UInt8]] = []
        for index in 0..<(bounds.count - 1) {
            let option = Array(pattern[(bounds[index] + 1)..<bounds[index + 1]])
            for expanded in expandBraces(prefix + option + suffix) where results.count < 256 {
                results.append(expanded)
            }
        }
        bounds.removeAll()
        return results
    }

    /// Iterative wildcard matching with single-star and double-star backtracking points, linear in
    /// practice and never exponential.
    private static func match(_ pattern: [UInt8], _ startP: Int, _ text: [UInt8], _ startT: Int) -> Bool {
        var p = startP
        var t = startT
        var starP = -1
        var starT = -1
        var globstarP = -1
        var globstarT = -1
        let slash = UInt8(ascii: "/")
        while t < text.count || p < pattern.count {
            if p < pattern.count {
                let c = pattern[p]
                if c == UInt8(ascii: "*") {
                    if p + 1 < pattern.count, pattern[p + 1] == UInt8(ascii: "*") {
                        // `**/` also matches nothing.
                        var next = p + 2
                        if next < pattern.count, pattern[next] == slash { next += 1 }
                        globstarP = next
                        globstarT = t
                        starP = -1
                        p = next
                        continue
                    }
                    starP = p + 1
                    starT = t
                    p += 1
                    continue
                }
                if t < text.count {
                    if c == UInt8(ascii: "?"), text[t] != slash {
                        p += 1; t += 1; continue
                    }
                    if c == UInt8(ascii: "["), let (matched, next) = matchClass(pattern, p, text[t]) {
                        if matched, text[t] != slash { p = next; t += 1; continue }
                    } else if c == text[t] {
                        p += 1; t += 1; continue
                    }
                }
            }
            if starP >= 0, starT < text.count, text[starT] != slash {
                starT += 1
                p = starP
                t = starT
                continue
            }
            if globstarP >= 0, globstarT < text.count {
                globstarT += 1
                p = globstarP
                t = globstarT
                starP = -1
                continue
            }
            return false
        }
        return true
    }

    /// Matches `[...]` at `start`; returns whether `byte` is in the class and the index after it.
    private static func matchClass(_ pattern: [UInt8], _ start: Int, _ byte: UInt8) -> (Bool, Int)? {
        var index = start + 1
        var negate = false
        if index < pattern.count, pattern[index] == UInt8(ascii: "!") || pattern[index] == UInt8(ascii: "^") {
            negate = true
            index += 1
        }
        var matched = false
        var first = true
        while index < pattern.count {
            let c = pattern[index]
            if c == UInt8(ascii: "]"), !first { return (matched != negate, index + 1) }
            first = false
            if index + 2 < pattern.count, pattern[index + 1] == UInt8(ascii: "-"), pattern[index + 2] != UInt8(ascii: "]") {
                if byte >= c && byte <= pattern[index + 2] { matched = true }
                index += 3
            } else {
                if byte == c { matched = true }
                index += 1
            }
        }
        return nil
    }
}
