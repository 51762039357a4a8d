/// A run's findings kept compactly until they are reported (through `FindingList`), so that a site
/// with a finding in every post does not hold a `Finding` of five strings for each.
///
/// Per finding: where its bytes end (eight bytes), then in one byte arena its path's index (a
/// path is stored once for the findings in a row that share it), its two locations, a byte of
/// flags (severity, whether a byte range and a fix follow), its rule's index, its message's
/// length and bytes, and, when present, its byte range and its fix. Numbers are variable-length
/// (a byte each for the usual small lines and columns). A finding with a 40-byte message costs
/// about 55 bytes, where a `Finding` with its strings costs over 200.
package struct CompactFindings: Sendable {
    /// Where each finding's bytes end in the arena; they start where the previous one's end.
    private var ends: [Int] = []
    private var arena: [UInt8] = []
    private var paths: [String] = []
    private var ruleIDs = InternedStrings()

    private static let severities: [Severity] = [.info, .warning, .error]
    private static let hasRange: UInt8 = 1 << 2
    private static let hasFix: UInt8 = 1 << 3

    package init() {}

    package var count: Int { ends.count }

    /// Adds `finding` after the others.
    package mutating func append(_ finding: Finding) {
        if paths.last != finding.path { paths.append(finding.path) }
        arena.reserveGently(forAdding: 32 + finding.message.utf8.count)
        ends.reserveGently(forAdding: 1)
        appendNumber(paths.count - 1)
        appendNumber(finding.start.line)
        appendNumber(finding.start.column)
        appendNumber(finding.end.line)
        appendNumber(finding.end.column)
        var flags = UInt8(Self.severities.firstIndex(of: finding.severity) ?? 2)
        if finding.range != nil { flags |= Self.hasRange }
        if finding.fix != nil { flags |= Self.hasFix }
        arena.append(flags)
        appendNumber(ruleIDs.index(of: finding.ruleID))
        appendText(finding.message)
        if let range = finding.range {
            appendNumber(range.lowerBound)
            appendNumber(range.upperBound)
        }
        if let fix = finding.fix {
            appendText(fix.title)
            appendNumber(fix.edits.count)
            for edit in fix.edits {
                appendNumber(edit.range.lowerBound)
                appendNumber(edit.range.upperBound)
                appendText(edit.replacement)
            }
        }
        ends.append(arena.count)
    }

    // MARK: Reading

    /// The finding at `position`, made from its bytes.
    package subscript(position: Int) -> Finding {
        var reader = reader(at: position)
        let path = paths[reader.number()]
        let start = SourceLocation(line: reader.number(), column: reader.number())
        let end = SourceLocation(line: reader.number(), column: reader.number())
        let flags = reader.byte()
        let ruleID = ruleIDs[reader.number()]
        let message = reader.text()
        var range: ByteRange?
        if flags & Self.hasRange != 0 {
            let lower = reader.number()
            range = lower..<max(lower, reader.number())
        }
        var fix: Fix?
        if flags & Self.hasFix != 0 {
            let title = reader.text()
            var edits: [TextEdit] = []
            for _ in 0..<reader.number() {
                let lower = reader.number()
                let upper = max(lower, reader.number())
                edits.append(TextEdit(range: lower..<upper, replacement: reader.text()))
            }
            fix = Fix(title: title, edits: edits)
        }
        return Finding(
            path: path, start: start, end: end, ruleID: ruleID,
            severity: Self.severities[Int(flags & 3) % Self.severities.count],
            message: message, range: range, fix: fix)
    }

    /// The path of the finding at `position`, without making the rest.
    package func path(at position: Int) -> String {
        var reader = reader(at: position)
        return paths[reader.number()]
    }

    /// The severity of the finding at `position`, without making the rest.
    package func severity(at position: Int) -> Severity {
        var reader = reader(at: position)
        for _ in 0..<5 { _ = reader.number() }
        return Self.severities[Int(reader.byte() & 3) % Self.severities.count]
    }

    /// The rule of the finding at `position`, without making the rest.
    package func ruleID(at position: Int) -> String {
        var reader = reader(at: position)
        for _ in 0..<5 { _ = reader.number() }
        _ = reader.byte()
        return ruleIDs[reader.number()]
    }

    /// The positions of the findings in report order (`Finding.reportOrder`; findings equal in
    /// it keep the order they were added in). Paths, lines, columns and rules are compared as
    /// numbers (ranks), messages as their stored bytes (as strings when either is not ASCII): no
    /// finding is made whole to sort them.
    package func reportOrder() -> [UInt32] {
        // Each distinct path's rank in byte order (equal paths stored apart share a rank).
        let byBytes = paths.indices.sorted { paths[$0].precedesInByteOrder(paths[$1]) }
        var rank = [UInt32](repeating: 0, count: paths.count)
        var current: UInt32 = 0
        for (index, path) in byBytes.enumerated() {
            if index > 0, paths[byBytes[index - 1]] != paths[path] { current += 1 }
            rank[path] = current
        }
        // Each rule's rank in string order (rules are interned: no two indexes share a rule).
        let rules = ruleIDs.strings
        var ruleRank = [UInt32](repeating: 0, count: rules.count)
        for (order, index) in rules.indices.sorted(by: { rules[$0] < rules[$1] }).enumerated() {
            ruleRank[index] = UInt32(order)
        }
        // 32 bytes a finding. Lines and columns past 2^32 (no file postlint reads has them)
        // would compare equal, and their findings fall back on rule and message.
        struct Key {
            var path: UInt32
            var rule: UInt32
            var line: UInt32
            var column: UInt32
            /// Where the message's bytes start in the arena, and how many there are.
            var message: Int
            var messageLength: UInt32
            var position: UInt32
        }
        var keys: [Key] = []
        keys.reserveCapacity(count)
        for position in 0..<count {
            var reader = reader(at: position)
            let path = rank[reader.number()]
            let line = reader.number()
            let column = reader.number()
            _ = reader.number()
            _ = reader.number()
            _ = reader.byte()
            let rule = ruleRank[reader.number()]
            let length = reader.number()
            keys.append(
                Key(
                    path: path, rule: rule, line: UInt32(clamping: line), column: UInt32(clamping: column),
                    message: reader.offset, messageLength: UInt32(clamping: length), position: UInt32(position)))
        }
        arena.withUnsafeBufferPointer { arena in
            func messageOrder(_ left: Key, _ right: Key) -> Bool? {
                let first = UnsafeBufferPointer(rebasing: arena[left.message..<(left.message + Int(left.messageLength))])
                let second = UnsafeBufferPointer(
                    rebasing: arena[right.message..<(right.message + Int(right.messageLength))])
                if first.elementsEqual(second) { return nil }
                if first.allSatisfy({ $0 < 0x80 }) && second.allSatisfy({ $0 < 0x80 }) {
                    return first.lexicographicallyPrecedes(second)
                }
                let (a, b) = (String(decoding: first, as: UTF8.self), String(decoding: second, as: UTF8.self))
                return a == b ? nil : a < b
            }
            keys.sort { left, right in
                if left.path != right.path { return left.path < right.path }
                if left.line != right.line { return left.line < right.line }
                if left.column != right.column { return left.column < right.column }
                if left.rule != right.rule { return left.rule < right.rule }
                return messageOrder(left, right) ?? (left.position < right.position)
            }
        }
        return keys.map(\.position)
    }

    // MARK: Encoding

    /// Seven bits a byte, low bits first; the high bit says another byte follows. A negative
    /// number (never a line, column or offset) takes ten bytes and reads back the same.
    private mutating func appendNumber(_ number: Int) {
        var rest = UInt64(bitPattern: Int64(number))
        while rest >= 0x80 {
            arena.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        arena.append(UInt8(rest))
    }

    private mutating func appendText(_ text: String) {
        appendNumber(text.utf8.count)
        arena.append(contentsOf: text.utf8)
    }

    private func reader(at position: Int) -> Reader {
        Reader(arena: arena, offset: position == 0 ? 0 : ends[position - 1])
    }

    /// Reads a finding's bytes in the order `append` wrote them.
    private struct Reader {
        let arena: [UInt8]
        private(set) var offset: Int

        mutating func byte() -> UInt8 {
            defer { offset += 1 }
            return arena[offset]
        }

        mutating func number() -> Int {
            var number: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let byte = arena[offset]
                offset += 1
                number |= UInt64(byte & 0x7F) << shift
                guard byte & 0x80 != 0, shift < 63 else { return Int(Int64(bitPattern: number)) }
                shift += 7
            }
        }

        mutating func text() -> String {
            let length = number()
            defer { offset += length }
            return String(decoding: arena[offset..<(offset + length)], as: UTF8.self)
        }
    }
}
