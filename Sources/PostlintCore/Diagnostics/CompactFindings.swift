#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A run's findings kept compactly until they are reported (through `FindingList`), so that a site
/// with a finding in every post does not hold a `Finding` of five strings for each.
///
/// Per finding: where its bytes end (eight bytes), then in one byte arena its path's index (a
/// path is stored once for the findings in a row that share it), its two locations, a byte of
/// flags (severity, whether a byte range and a fix follow, whether the message is shared), its
/// rule's index, its message (the index of a shared message, kept once for every finding that
/// has it; or its length and bytes), and, when present, its byte range and its fix. Numbers are
/// variable-length (a byte each for the usual small lines and columns). A finding with a shared
/// message costs about 15 bytes, with a 40-byte message of its own about 55, where a `Finding`
/// with its strings costs over 200.
package struct CompactFindings: Sendable {
    /// Where each finding's bytes end in the arena; they start where the previous one's end.
    private var ends: [Int] = []
    private var arena: [UInt8] = []
    private var paths: [String] = []
    private var ruleIDs = InternedStrings()
    /// Messages stored once and named by their index (a site whose every post lacks the same
    /// fields repeats a handful of messages a hundred thousand times), up to `maximumMessages`;
    /// past that, each is stored with its finding.
    private var messages: [String] = []
    private var messageIndex: [String: Int] = [:]
    private static let maximumMessages = 4_096

    private static let severities: [Severity] = [.info, .warning, .error]
    private static let hasRange: UInt8 = 1 << 2
    private static let hasFix: UInt8 = 1 << 3
    private static let hasSharedMessage: UInt8 = 1 << 4

    package init() {}

    package var count: Int { ends.count }

    /// Whether the path of any finding satisfies `predicate`, asked once per run of findings that
    /// share a path.
    package func containsPath(where predicate: (String) -> Bool) -> Bool {
        paths.contains(where: predicate)
    }

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
        let shared = sharedMessageIndex(finding.message)
        if shared != nil { flags |= Self.hasSharedMessage }
        arena.append(flags)
        appendNumber(ruleIDs.index(of: finding.ruleID))
        if let shared {
            appendNumber(shared)
        } else {
            appendText(finding.message)
        }
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
        let message = flags & Self.hasSharedMessage != 0 ? messages[reader.number()] : reader.text()
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

    // MARK: Reading for a report

    /// The strings findings name by index in `ReportFields`: their paths, rules and shared messages.
    package var reportTables: (paths: [String], rules: [String], messages: [String]) {
        (paths, ruleIDs.strings, messages)
    }

    /// A finding's fields as a report writes them, read from its bytes without making a string:
    /// its path, rule and shared message by their index in `reportTables`, a message of its own as
    /// its bytes in the arena.
    package struct ReportFields {
        package var path = 0
        package var startLine = 0
        package var startColumn = 0
        package var endLine = 0
        package var endColumn = 0
        package var severity = Severity.error
        package var rule = 0
        /// The index of its shared message, or -1 when the message is its own (`ownMessage`).
        package var sharedMessage = -1
        package var ownMessage: Range<Int> = 0..<0
        package var isFixable = false
    }

    /// Reads findings' fields from the bytes of a `CompactFindings`, valid inside
    /// `withReportReader` only.
    package struct ReportReader {
        package let arena: UnsafeBufferPointer<UInt8>
        let ends: UnsafeBufferPointer<Int>

        /// The severity of the finding at `position`, without the rest of its fields.
        package func severity(at position: Int) -> Severity {
            var offset = position == 0 ? 0 : ends[position - 1]
            // Past its five numbers (path and locations), each ended by a byte under 0x80.
            for _ in 0..<5 {
                while arena[offset] & 0x80 != 0 { offset += 1 }
                offset += 1
            }
            return CompactFindings.severities[Int(arena[offset] & 3) % CompactFindings.severities.count]
        }

        /// The fields of the finding at `position`.
        package func fields(at position: Int) -> ReportFields {
            var offset = position == 0 ? 0 : ends[position - 1]
            func number() -> Int { CompactFindings.number(in: arena, at: &offset) }
            var fields = ReportFields()
            fields.path = number()
            fields.startLine = number()
            fields.startColumn = number()
            fields.endLine = number()
            fields.endColumn = number()
            let flags = arena[offset]
            offset += 1
            fields.severity = CompactFindings.severities[Int(flags & 3) % CompactFindings.severities.count]
            fields.isFixable = flags & CompactFindings.hasFix != 0
            fields.rule = number()
            if flags & CompactFindings.hasSharedMessage != 0 {
                fields.sharedMessage = number()
            } else {
                let length = number()
                fields.ownMessage = offset..<(offset + length)
            }
            return fields
        }
    }

    /// How many of the findings at `positions` have `severity`, read in one pass over their bytes.
    package func count(of severity: Severity, at positions: [UInt32]) -> Int {
        withReportReader { reader in
            var total = 0
            for position in positions where reader.severity(at: Int(position)) == severity { total += 1 }
            return total
        }
    }

    /// Calls `body` with a reader of the findings' fields (valid only inside it).
    package func withReportReader<Result>(_ body: (ReportReader) -> Result) -> Result {
        arena.withUnsafeBufferPointer { arena in
            ends.withUnsafeBufferPointer { ends in body(ReportReader(arena: arena, ends: ends)) }
        }
    }

    /// The positions of the findings in report order (`Finding.reportOrder`; findings equal in
    /// it keep the order they were added in). Paths, lines, columns and rules are compared as
    /// numbers (ranks), messages by their shared index or their bytes (as strings when either is
    /// not ASCII): no finding is made whole to sort them.
    package func reportOrder() -> [UInt32] {
        let rank = pathRanks()
        // Each rule's rank in string order (rules are interned: no two indexes share a rule).
        let rules = ruleIDs.strings
        var ruleRank = [UInt32](repeating: 0, count: rules.count)
        for (order, index) in rules.indices.sorted(by: { rules[$0] < rules[$1] }).enumerated() {
            ruleRank[index] = UInt32(order)
        }
        // Each shared message's rank in string order.
        var sharedRank = [UInt32](repeating: 0, count: messages.count)
        for (order, index) in messages.indices.sorted(by: { messages[$0] < messages[$1] }).enumerated() {
            sharedRank[index] = UInt32(order)
        }
        // 24 bytes a finding. Lines and columns past 2^32 (no file postlint reads has them)
        // would compare equal, and their findings fall back on message and position.
        struct Key {
            var path: UInt32
            var rule: UInt32
            var line: UInt32
            var column: UInt32
            /// The shared message's rank, or `UInt32.max` for a message of the finding's own.
            var message: UInt32
            var position: UInt32
        }
        var keys: [Key] = []
        keys.reserveCapacity(count)
        // The findings of one stored path are in a row (a group); groups start where the
        // stored path changes.
        var groupStarts: [Int] = []
        var lastStoredPath = -1
        for position in 0..<count {
            var reader = reader(at: position)
            let storedPath = reader.number()
            if storedPath != lastStoredPath {
                groupStarts.append(position)
                lastStoredPath = storedPath
            }
            let line = reader.number()
            let column = reader.number()
            _ = reader.number()
            _ = reader.number()
            let flags = reader.byte()
            let rule = ruleRank[reader.number()]
            let message = flags & Self.hasSharedMessage != 0 ? sharedRank[reader.number()] : UInt32.max
            keys.append(
                Key(
                    path: rank[storedPath], rule: rule, line: UInt32(clamping: line), column: UInt32(clamping: column),
                    message: message, position: UInt32(position)))
        }
        func precedes(_ left: Key, _ right: Key) -> Bool {
            if left.path != right.path { return left.path < right.path }
            if left.line != right.line { return left.line < right.line }
            if left.column != right.column { return left.column < right.column }
            if left.rule != right.rule { return left.rule < right.rule }
            if left.message != .max, right.message != .max, left.message != right.message {
                return left.message < right.message
            }
            return messageOrder(Int(left.position), Int(right.position)) ?? (left.position < right.position)
        }
        // The groups in the order of their paths' ranks, then the findings of each path (one
        // group, or the groups of a path stored apart, together) sorted among themselves: the
        // order a sort of every finding gives (no two keys are equal), with a sort of the
        // groups and many small ones in place of one over every finding.
        groupStarts.append(count)
        var groups = Array(0..<(groupStarts.count - 1))
        groups.sort { (keys[groupStarts[$0]].path, $0) < (keys[groupStarts[$1]].path, $1) }
        var order: [UInt32] = []
        order.reserveCapacity(count)
        var next = 0
        var samePath: [Key] = []
        while next < groups.count {
            let path = keys[groupStarts[groups[next]]].path
            samePath.removeAll(keepingCapacity: true)
            while next < groups.count, keys[groupStarts[groups[next]]].path == path {
                samePath += keys[groupStarts[groups[next]]..<groupStarts[groups[next] + 1]]
                next += 1
            }
            if samePath.count > 16 {
                samePath.sort(by: precedes)
            } else {
                // A post's few findings: an insertion sort, with no buffer to allocate.
                for index in samePath.indices.dropFirst() {
                    let key = samePath[index]
                    var place = index
                    while place > 0, precedes(key, samePath[place - 1]) {
                        samePath[place] = samePath[place - 1]
                        place -= 1
                    }
                    samePath[place] = key
                }
            }
            for key in samePath { order.append(key.position) }
        }
        return order
    }

    /// Each stored path's rank in byte order (equal paths stored apart share a rank): the paths'
    /// bytes laid out once and compared in place.
    private func pathRanks() -> [UInt32] {
        var bytes: [UInt8] = []
        var starts: [Int] = [0]
        starts.reserveCapacity(paths.count + 1)
        for path in paths {
            bytes.append(contentsOf: path.utf8)
            starts.append(bytes.count)
        }
        var rank = [UInt32](repeating: 0, count: paths.count)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            /// memcmp's order of the paths at `left` and `right`: negative, zero or positive.
            func compare(_ left: Int, _ right: Int) -> Int {
                let (leftCount, rightCount) = (starts[left + 1] - starts[left], starts[right + 1] - starts[right])
                let common = Int(memcmp(base + starts[left], base + starts[right], min(leftCount, rightCount)))
                return common != 0 ? common : leftCount - rightCount
            }
            var byBytes = Array(paths.indices)
            byBytes.sort { compare($0, $1) < 0 }
            var current: UInt32 = 0
            for (index, path) in byBytes.enumerated() {
                if index > 0, compare(byBytes[index - 1], path) != 0 { current += 1 }
                rank[path] = current
            }
        }
        return rank
    }

    /// Whether the message of the finding at `first` sorts before the one at `second`; nil when
    /// they are equal. Two shared messages are equal when they share an index (equal strings
    /// share one); the order of two different ones is their ranks', in the sort key.
    private func messageOrder(_ first: Int, _ second: Int) -> Bool? {
        let (a, b) = (messageReference(at: first), messageReference(at: second))
        if case .shared(let left) = a, case .shared(let right) = b, left == right { return nil }
        let (left, right) = (messageBytes(a), messageBytes(b))
        if left.elementsEqual(right) { return nil }
        if left.allSatisfy({ $0 < 0x80 }) && right.allSatisfy({ $0 < 0x80 }) {
            return left.lexicographicallyPrecedes(right)
        }
        let (x, y) = (String(decoding: left, as: UTF8.self), String(decoding: right, as: UTF8.self))
        return x == y ? nil : x < y
    }

    /// Where a finding's message is: shared (its index) or in the arena (its bytes' range).
    private enum MessageReference {
        case shared(Int)
        case stored(Range<Int>)
    }

    private func messageReference(at position: Int) -> MessageReference {
        var reader = reader(at: position)
        for _ in 0..<5 { _ = reader.number() }
        let flags = reader.byte()
        _ = reader.number()
        if flags & Self.hasSharedMessage != 0 { return .shared(reader.number()) }
        let length = reader.number()
        return .stored(reader.offset..<(reader.offset + length))
    }

    private func messageBytes(_ reference: MessageReference) -> ArraySlice<UInt8> {
        switch reference {
        case .shared(let index): return Array(messages[index].utf8)[...]
        case .stored(let range): return arena[range]
        }
    }

    // MARK: Encoding

    /// The index of `message` among the shared messages (added if there is room), or nil when it
    /// is stored with its finding.
    private mutating func sharedMessageIndex(_ message: String) -> Int? {
        if let index = messageIndex[message] { return index }
        guard messages.count < Self.maximumMessages else { return nil }
        messages.append(message)
        messageIndex[message] = messages.count - 1
        return messages.count - 1
    }

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

    /// The variable-length number `appendNumber` wrote at `offset` in `bytes`, the offset moved
    /// past it.
    @inline(__always)
    static func number<Bytes: RandomAccessCollection<UInt8>>(in bytes: Bytes, at offset: inout Int) -> Int
    where Bytes.Index == Int {
        var number: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = bytes[offset]
            offset += 1
            number |= UInt64(byte & 0x7F) << shift
            guard byte & 0x80 != 0, shift < 63 else { return Int(Int64(bitPattern: number)) }
            shift += 7
        }
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
            CompactFindings.number(in: arena, at: &offset)
        }

        mutating func text() -> String {
            let length = number()
            defer { offset += length }
            return String(decoding: arena[offset..<(offset + length)], as: UTF8.self)
        }
    }
}
