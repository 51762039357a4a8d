/// A path pattern: `*` matches within a path segment, `**` across segments, `?` one character,
/// `[abc]` / `[a-z]` / `[!abc]` one of a set, `{a,b}` alternatives. Paths use `/` and are matched
/// whole, relative to the configuration's folder. A pattern without `/` matches a file name at any
/// depth (`*.draft.md`), as in `.gitignore`.
///
/// The pattern is compiled once into a small automaton (brace groups become branches, not
/// expanded copies of the pattern) and a path is matched by following every state the automaton
/// can be in at once, so a match costs at most the pattern's length times the path's length,
/// whatever the pattern (`{a,b}{a,b}…` or `*a*a*a…b`).
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    /// The longest pattern a configuration may give, in bytes.
    public static let maximumLength = 1_024
    /// The deepest nesting of brace groups a configuration may give.
    public static let maximumBraceDepth = 8

    public let pattern: String
    private let program: [Step]
    private let classes: [ByteSet]
    private let anyDepth: Bool

    public init(_ pattern: String) {
        self.pattern = pattern
        var text = pattern
        if text.hasPrefix("./") { text.removeFirst(2) }
        if text.hasSuffix("/") { text += "**" }
        anyDepth = !text.contains("/")
        (program, classes) = Self.compile(Array(text.utf8))
    }

    /// A pattern in this syntax matched against whole paths only, taken as written (no `./` or
    /// trailing `/` handling): what an ignore file's patterns become (`IgnorePattern`).
    init(wholePath pattern: String) {
        self.pattern = pattern
        anyDepth = false
        (program, classes) = Self.compile(Array(pattern.utf8))
    }

    /// Whether the whole of `path` (bytes, `/` between segments) matches, at any depth only for
    /// a pattern that says so; no copy of the bytes is made.
    func matches(bytes path: ArraySlice<UInt8>) -> Bool {
        if run(path) { return true }
        guard anyDepth, let slash = path.lastIndex(of: UInt8(ascii: "/")) else { return false }
        return run(path[(slash + 1)...])
    }

    /// Why `pattern` is refused in a configuration, with the byte offset in it of the place at
    /// fault; nil for an acceptable pattern.
    public static func problem(in pattern: String) -> (message: String, offset: Int)? {
        let bytes = Array(pattern.utf8)
        if bytes.count > maximumLength {
            return ("glob is \(bytes.count) bytes long; at most \(maximumLength) are allowed", maximumLength)
        }
        let structure = braceStructure(bytes)
        if let deep = structure.tooDeep {
            return ("glob nests brace groups more than \(maximumBraceDepth) deep", deep)
        }
        return nil
    }

    public var description: String { pattern }

    public static func == (lhs: Glob, rhs: Glob) -> Bool { lhs.pattern == rhs.pattern }
    public func hash(into hasher: inout Hasher) { hasher.combine(pattern) }

    public func matches(_ path: String) -> Bool {
        let bytes = Array(path.utf8)
        if run(bytes[...]) { return true }
        guard anyDepth, let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return false }
        return run(bytes[(slash + 1)...])
    }

    // MARK: The automaton

    /// One instruction. Consuming steps read one byte and go to the next instruction; `split`
    /// and `jump` move without reading.
    private enum Step: Sendable {
        case byte(UInt8)
        /// Any byte but `/` (`?`, and `*`'s loop).
        case anyButSlash
        /// Any byte (`**`'s loop).
        case anyByte
        /// A byte of `classes[index]`, never `/`.
        case byteClass(Int)
        case split(Int, Int)
        case jump(Int)
        case match
    }

    private struct ByteSet: Sendable {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

        mutating func insert(_ byte: UInt8) {
            let bit = UInt64(1) << UInt64(byte & 63)
            switch byte >> 6 {
            case 0: words.0 |= bit
            case 1: words.1 |= bit
            case 2: words.2 |= bit
            default: words.3 |= bit
            }
        }

        func contains(_ byte: UInt8) -> Bool {
            let bit = UInt64(1) << UInt64(byte & 63)
            switch byte >> 6 {
            case 0: return words.0 & bit != 0
            case 1: return words.1 & bit != 0
            case 2: return words.2 & bit != 0
            default: return words.3 & bit != 0
            }
        }

        mutating func invert() {
            words = (~words.0, ~words.1, ~words.2, ~words.3)
        }
    }

    /// Where the brace groups are: `roles[i]` is 1 for a `{` that opens a group, 2 for a `,`
    /// between its alternatives, 3 for its `}`, 0 for a byte matched as itself; bracket classes
    /// are skipped (a `{` in `[{]` is a member). A `{` without its `}` is an ordinary byte.
    private static func braceStructure(_ pattern: [UInt8]) -> (roles: [UInt8], tooDeep: Int?) {
        var roles = [UInt8](repeating: 0, count: pattern.count)
        var open: [(index: Int, commas: [Int])] = []
        var index = 0
        while index < pattern.count {
            switch pattern[index] {
            case UInt8(ascii: "["):
                if let end = classEnd(pattern, index) { index = end; continue }
            case UInt8(ascii: "{"):
                open.append((index, []))
            case UInt8(ascii: ","):
                if !open.isEmpty { open[open.count - 1].commas.append(index) }
            case UInt8(ascii: "}"):
                if let group = open.popLast() {
                    roles[group.index] = 1
                    for comma in group.commas { roles[comma] = 2 }
                    roles[index] = 3
                }
            default: break
            }
            index += 1
        }
        // Depth counts only the groups that close: an unclosed `{` is an ordinary byte.
        var tooDeep: Int?
        var depth = 0
        for (offset, role) in roles.enumerated() {
            if role == 1 {
                depth += 1
                if depth > maximumBraceDepth { tooDeep = offset; break }
            } else if role == 3 {
                depth -= 1
            }
        }
        return (roles, tooDeep)
    }

    /// The index after the bracket class opening at `start`, or nil if it never closes.
    private static func classEnd(_ pattern: [UInt8], _ start: Int) -> Int? {
        var index = start + 1
        if index < pattern.count, pattern[index] == UInt8(ascii: "!") || pattern[index] == UInt8(ascii: "^") {
            index += 1
        }
        var first = true
        while index < pattern.count {
            let c = pattern[index]
            if c == UInt8(ascii: "]"), !first { return index + 1 }
            first = false
            if index + 2 < pattern.count, pattern[index + 1] == UInt8(ascii: "-"), pattern[index + 2] != UInt8(ascii: "]") {
                index += 3
            } else {
                index += 1
            }
        }
        return nil
    }

    /// The byte set of the class `pattern[start..<end]` (brackets included), `/` left out.
    private static func byteClass(_ pattern: [UInt8], _ start: Int, _ end: Int) -> ByteSet {
        var set = ByteSet()
        var index = start + 1
        var negate = false
        if pattern[index] == UInt8(ascii: "!") || pattern[index] == UInt8(ascii: "^") {
            negate = true
            index += 1
        }
        var first = true
        while index < end {
            let c = pattern[index]
            if c == UInt8(ascii: "]"), !first { break }
            first = false
            if index + 2 < pattern.count, pattern[index + 1] == UInt8(ascii: "-"), pattern[index + 2] != UInt8(ascii: "]") {
                let high = pattern[index + 2]
                if c <= high { for byte in c...high { set.insert(byte) } }
                index += 3
            } else {
                set.insert(c)
                index += 1
            }
        }
        if negate { set.invert() }
        return set
    }

    /// Compiles the pattern without recursion: a brace group is a chain of splits, one per
    /// alternative, each alternative ending in a jump past the group.
    private static func compile(_ pattern: [UInt8]) -> ([Step], [ByteSet]) {
        let roles = braceStructure(pattern).roles
        var program: [Step] = []
        var classes: [ByteSet] = []
        program.reserveCapacity(pattern.count * 3 + 1)
        // For each open group: the split before its current alternative and the jumps to patch.
        var groups: [(split: Int, exits: [Int])] = []
        var index = 0
        while index < pattern.count {
            let c = pattern[index]
            switch roles[index] {
            case 1:
                groups.append((program.count, []))
                program.append(.split(program.count + 1, -1))
                index += 1
                continue
            case 2:
                let top = groups.count - 1
                groups[top].exits.append(program.count)
                program.append(.jump(-1))
                program[groups[top].split] = .split(groups[top].split + 1, program.count)
                groups[top].split = program.count
                program.append(.split(program.count + 1, -1))
                index += 1
                continue
            case 3:
                if let group = groups.popLast() {
                    // The last alternative has no other branch: its split only falls through.
                    program[group.split] = .jump(group.split + 1)
                    for exit in group.exits { program[exit] = .jump(program.count) }
                }
                index += 1
                continue
            default: break
            }
            if c == UInt8(ascii: "*") {
                if index + 1 < pattern.count, pattern[index + 1] == UInt8(ascii: "*") {
                    var next = index + 2
                    if next < pattern.count, pattern[next] == UInt8(ascii: "/"), roles[next] == 0 {
                        // `**/`: nothing, or anything that ends in `/`.
                        let start = program.count
                        program.append(.split(start + 1, start + 5))
                        program.append(.split(start + 2, start + 4))
                        program.append(.anyByte)
                        program.append(.jump(start + 1))
                        program.append(.byte(UInt8(ascii: "/")))
                        next += 1
                    } else {
                        let start = program.count
                        program.append(.split(start + 1, start + 3))
                        program.append(.anyByte)
                        program.append(.jump(start))
                    }
                    index = next
                    continue
                }
                let start = program.count
                program.append(.split(start + 1, start + 3))
                program.append(.anyButSlash)
                program.append(.jump(start))
                index += 1
                continue
            }
            if c == UInt8(ascii: "?") {
                program.append(.anyButSlash)
                index += 1
                continue
            }
            if c == UInt8(ascii: "["), let end = classEnd(pattern, index) {
                program.append(.byteClass(classes.count))
                classes.append(byteClass(pattern, index, end))
                index = end
                continue
            }
            program.append(.byte(c))
            index += 1
        }
        program.append(.match)
        return (program, classes)
    }

    /// Follows every state at once: each byte of `text` is looked at once per live state.
    private func run(_ text: ArraySlice<UInt8>) -> Bool {
        let count = program.count
        var current: [Int] = []
        var next: [Int] = []
        var stack: [Int] = []
        current.reserveCapacity(count)
        next.reserveCapacity(count)
        // `seen[state] == generation` when the state is already in the set being built.
        var seen = [Int](repeating: -1, count: count)
        var generation = 0

        func add(_ state: Int, to set: inout [Int]) {
            stack.append(state)
            while let top = stack.popLast() {
                guard top >= 0, top < count, seen[top] != generation else { continue }
                seen[top] = generation
                switch program[top] {
                case .split(let first, let second):
                    stack.append(second)
                    stack.append(first)
                case .jump(let target):
                    stack.append(target)
                default:
                    set.append(top)
                }
            }
        }

        add(0, to: &current)
        let slash = UInt8(ascii: "/")
        for byte in text {
            if current.isEmpty { return false }
            generation += 1
            next.removeAll(keepingCapacity: true)
            for state in current {
                let advances: Bool
                switch program[state] {
                case .byte(let expected): advances = byte == expected
                case .anyButSlash: advances = byte != slash
                case .anyByte: advances = true
                case .byteClass(let index): advances = byte != slash && classes[index].contains(byte)
                case .split, .jump, .match: advances = false
                }
                if advances { add(state + 1, to: &next) }
            }
            swap(&current, &next)
        }
        return current.contains { if case .match = program[$0] { return true } else { return false } }
    }
}
