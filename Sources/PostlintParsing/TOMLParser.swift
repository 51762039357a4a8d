import PostlintCore

/// TOML 1.0 read in one forward pass into postlint's positioned tree: every key, table, array
/// item and value with its own byte range, or the first problem at the byte where the text stops
/// being TOML.
///
/// The grammar is the ABNF at toml.io: keys, the four kinds of string with their escapes,
/// integers (decimal, `0x`, `0o`, `0b`, fitting 64 bits), floats, booleans, dates and times
/// (checked as calendar dates and clock times), arrays, inline tables, table headers and comments.
/// What the data model forbids is checked as the tree is built (`TOMLTable`): a key defined twice,
/// a table defined twice, dotted keys extending a table another section closed, anything added to
/// an inline table or to an array written as a value.
///
/// Hostile text is held to `ParserLimits`: tables nested no deeper than `tomlNesting` (header
/// parts, dotted key parts, arrays and inline tables together, so the recursion over arrays,
/// inline tables and the finished tree is bounded), and no more than `tomlValues` key parts and
/// values in all.
///
/// Scalars keep their text as a TOML reader presents it: strings decoded, integers in decimal,
/// floats as Swift prints a `Double` (`inf`, `nan`), dates and times in RFC 3339's form (`T`
/// between date and time, `Z` for a zero offset, at most nine digits of fraction).
public struct TOMLParser {
    public struct Problem: Error, Equatable, Sendable {
        /// The byte offset of the offending byte in the bytes parsed.
        public var offset: Int
        public var reason: String
    }

    /// The deepest nesting of tables accepted (see `ParserLimits.tomlNesting`).
    static let maximumNesting = ParserLimits.tomlNesting
    /// The most key parts and values accepted (see `ParserLimits.tomlValues`).
    static let maximumValues = ParserLimits.tomlValues

    private let bytes: [UInt8]
    private let end: Int
    private var index: Int
    /// Key parts and values read so far.
    private var values = 0
    /// The table section being read: each header starts the next.
    private var section = 0
    private let root: TOMLTable
    /// The table the current section's keys go into.
    private var sectionTable: TOMLTable

    private init(_ bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        end = min(max(range.upperBound, 0), bytes.count)
        index = min(max(range.lowerBound, 0), end)
        // A byte order mark may open a TOML file (a generator's configuration, say).
        if end - index >= 3, bytes[index] == 0xEF, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF { index += 3 }
        root = TOMLTable(definition: .header, start: index, ownEnd: index)
        sectionTable = root
    }

    /// The TOML document in `bytes[range]` as a mapping (ranges are offsets into `bytes`), or the
    /// first problem.
    public static func parse(_ bytes: [UInt8], in range: Range<Int>) -> Result<FrontMatterNode, Problem> {
        var parser = TOMLParser(bytes, range: range)
        do throws(Problem) {
            try parser.document()
            return .success(parser.root.node())
        } catch {
            return .failure(error)
        }
    }

    /// The whole of `bytes` as a TOML document.
    public static func parse(_ bytes: [UInt8]) -> Result<FrontMatterNode, Problem> {
        parse(bytes, in: 0..<bytes.count)
    }

    /// The first place where `bytes` stop being TOML 1.0, or nil when they are TOML.
    static func firstProblem(in bytes: [UInt8]) -> Problem? {
        if case .failure(let problem) = parse(bytes) { return problem }
        return nil
    }

    // MARK: - Bytes

    private var atEnd: Bool { index >= end }
    private var current: UInt8 { index < end ? bytes[index] : 0 }
    private func byte(at offset: Int) -> UInt8 { offset < end ? bytes[offset] : 0 }

    private func problem(_ reason: String, at offset: Int? = nil) -> Problem {
        Problem(offset: min(offset ?? index, end), reason: reason)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x66)
    }
    private static func isBareKeyByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x2D || byte == 0x5F
    }
    private static func hexValue(_ byte: UInt8) -> UInt8 {
        byte <= 0x39 ? byte - 0x30 : (byte | 0x20) - 0x61 + 10
    }

    /// Spaces and tabs.
    private mutating func skipWhitespace() {
        while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
    }

    /// A line ending (LF or CRLF) at the current byte, consumed; false when there is none.
    private mutating func lineEnding() throws(Problem) -> Bool {
        if current == 0x0A {
            index += 1
            return true
        }
        if current == 0x0D {
            guard byte(at: index + 1) == 0x0A else { throw problem("a carriage return must be followed by a line feed") }
            index += 2
            return true
        }
        return false
    }

    /// Spaces, tabs, line endings and comments, as arrays allow between their values.
    private mutating func skipWhitespaceCommentsAndNewlines() throws(Problem) {
        while !atEnd {
            skipWhitespace()
            if current == 0x23 {
                try comment()
            } else if try !lineEnding() {
                return
            }
        }
    }

    // MARK: - Document

    private mutating func document() throws(Problem) {
        // How deeply the current table header nests: its keys start below it.
        var tableDepth = 0
        while true {
            skipWhitespace()
            if atEnd { return }
            if try lineEnding() { continue }
            switch current {
            case 0x23: try comment()
            case 0x5B: tableDepth = try tableHeader()
            default: try keyValue(depth: tableDepth, into: sectionTable)
            }
            skipWhitespace()
            if current == 0x23 { try comment() }
            if atEnd { return }
            guard try lineEnding() else { throw problem("expected the end of the line") }
        }
    }

    /// `# …` up to the line ending; tabs and any non-ASCII text are allowed, other controls not.
    private mutating func comment() throws(Problem) {
        index += 1
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D { return }
            guard byte == 0x09 || (byte >= 0x20 && byte != 0x7F) else {
                throw problem("a comment may not hold a control character")
            }
            index += 1
        }
    }

    // MARK: - Keys and tables

    /// One part of a key, decoded, and where it was written.
    private struct KeyPart {
        var name: String
        var range: ByteRange
    }

    /// `[key]` or `[[key]]`: makes its table the current one; returns how many parts its key has.
    private mutating func tableHeader() throws(Problem) -> Int {
        let headerStart = index
        let isArray = byte(at: index + 1) == 0x5B
        index += isArray ? 2 : 1
        skipWhitespace()
        let parts = try key(depth: 0, missing: "a table header must start with a key")
        skipWhitespace()
        guard current == 0x5D, !isArray || byte(at: index + 1) == 0x5D else {
            throw problem(isArray ? "expected ]] to close the array of tables header" : "expected ] to close the table header")
        }
        index += isArray ? 2 : 1
        section += 1
        sectionTable = try openTable(parts, isArray: isArray, header: headerStart..<index)
        return parts.count
    }

    /// The table a header names: every part but the last walked (or made implicitly), the last
    /// defined, or a new table appended to the array of tables.
    private func openTable(_ parts: [KeyPart], isArray: Bool, header: ByteRange) throws(Problem) -> TOMLTable {
        guard let last = parts.last else { throw problem("a table header must start with a key", at: header.lowerBound) }
        var table = root
        for (position, part) in parts.dropLast().enumerated() {
            table = try walk(into: table, part, path: parts[...position])
        }
        let path = Self.path(parts[...])
        let opened = TOMLTable(definition: .header, start: header.lowerBound, ownEnd: header.upperBound)
        guard let found = table.index(of: last.name) else {
            let slot: TOMLTable.Slot = isArray ? .tables(TOMLTableArray(first: opened)) : .table(opened)
            table.append(TOMLTable.Entry(key: last.name, keyRange: last.range, slot: slot))
            return opened
        }
        switch table.entries[found].slot {
        case .table(let existing):
            guard !isArray else {
                throw problem(
                    "\(path) is already a table, so [[\(path)]] cannot make it an array of tables",
                    at: last.range.lowerBound)
            }
            guard existing.definition == .implicit else {
                throw problem("the table \(path) is already defined", at: last.range.lowerBound)
            }
            existing.definition = .header
            existing.start = header.lowerBound
            existing.ownEnd = header.upperBound
            return existing
        case .tables(let array):
            guard isArray else {
                throw problem("\(path) is an array of tables, so [\(path)] cannot define it", at: last.range.lowerBound)
            }
            array.append(opened)
            return opened
        case .value(let node):
            throw problem("\(path) already holds \(Self.describe(node)), which cannot be extended", at: last.range.lowerBound)
        }
    }

    /// The table under `part` on a header's way: an existing table, an array of tables' latest
    /// table, or a new implicit table.
    private func walk(into table: TOMLTable, _ part: KeyPart, path: ArraySlice<KeyPart>) throws(Problem) -> TOMLTable {
        guard let found = table.index(of: part.name) else {
            let made = TOMLTable(definition: .implicit, start: part.range.lowerBound, ownEnd: part.range.upperBound)
            table.append(TOMLTable.Entry(key: part.name, keyRange: part.range, slot: .table(made)))
            return made
        }
        switch table.entries[found].slot {
        case .table(let existing): return existing
        case .tables(let array): return array.last
        case .value(let node):
            throw problem(
                "\(Self.path(path)) already holds \(Self.describe(node)), which cannot be extended",
                at: part.range.lowerBound)
        }
    }

    /// `key = value` into `table`, in a table nested `depth` levels deep.
    private mutating func keyValue(depth: Int, into table: TOMLTable) throws(Problem) {
        let parts = try key(depth: depth, missing: "expected a key")
        skipWhitespace()
        guard current == 0x3D else { throw problem("expected = after the key") }
        index += 1
        skipWhitespace()
        guard let stem = parts.last else { throw problem("expected a key") }
        var parent = table
        for (position, part) in parts.dropLast().enumerated() {
            parent = try dottedTable(in: parent, part, path: parts[...position])
        }
        guard parent.index(of: stem.name) == nil else {
            throw problem("\(Self.path(parts[...])) is already defined", at: stem.range.lowerBound)
        }
        let node = try value(depth: depth + parts.count)
        parent.append(TOMLTable.Entry(key: stem.name, keyRange: stem.range, slot: .value(node)))
    }

    /// The table a dotted key's `part` names: made in this section, or an implicit table this
    /// section now defines; never one a header defined or an earlier section's dotted keys made.
    private func dottedTable(in table: TOMLTable, _ part: KeyPart, path: ArraySlice<KeyPart>) throws(Problem) -> TOMLTable {
        guard let found = table.index(of: part.name) else {
            let made = TOMLTable(
                definition: .dotted(section: section), start: part.range.lowerBound,
                ownEnd: part.range.upperBound)
            table.append(TOMLTable.Entry(key: part.name, keyRange: part.range, slot: .table(made)))
            return made
        }
        let name = Self.path(path)
        switch table.entries[found].slot {
        case .table(let existing):
            switch existing.definition {
            case .implicit:
                existing.definition = .dotted(section: section)
            case .dotted(let made) where made == section:
                break
            case .dotted:
                throw problem(
                    "the table \(name) was made by dotted keys in an earlier section, which closed it",
                    at: part.range.lowerBound)
            case .header:
                throw problem(
                    "the table \(name) is defined by a header; dotted keys cannot add to it",
                    at: part.range.lowerBound)
            }
            return existing
        case .tables:
            throw problem("\(name) is an array of tables; dotted keys cannot add to it", at: part.range.lowerBound)
        case .value(let node):
            throw problem("\(name) already holds \(Self.describe(node)), which cannot be extended", at: part.range.lowerBound)
        }
    }

    /// A key's parts joined by dots, for messages.
    private static func path(_ parts: ArraySlice<KeyPart>) -> String {
        parts.map(\.name).joined(separator: ".")
    }

    private static func describe(_ node: FrontMatterNode) -> String {
        switch node.value {
        case .scalar: return "a value"
        case .sequence: return "an array"
        case .mapping: return "an inline table"
        }
    }

    /// A simple or dotted key whose first part is a table `depth + 1` levels deep. The part that
    /// would nest deeper than the limit is the problem.
    private mutating func key(depth: Int, missing reason: String) throws(Problem) -> [KeyPart] {
        var parts: [KeyPart] = []
        while true {
            guard depth + parts.count < Self.maximumNesting else {
                throw problem("the key nests tables more than \(Self.maximumNesting) levels deep")
            }
            try countValue()
            parts.append(try simpleKey(missing: parts.isEmpty ? reason : "expected a key after the dot"))
            let save = index
            skipWhitespace()
            guard current == 0x2E else {
                index = save
                return parts
            }
            index += 1
            skipWhitespace()
        }
    }

    /// Counts one more key part or value, refused past the limit at the current byte.
    private mutating func countValue() throws(Problem) {
        values += 1
        guard values <= Self.maximumValues else {
            throw problem("more than \(Self.maximumValues) keys and values")
        }
    }

    private mutating func simpleKey(missing reason: String) throws(Problem) -> KeyPart {
        let start = index
        switch current {
        case 0x22, 0x27:
            let name = try singleLineString(quote: current)
            return KeyPart(name: name, range: start..<index)
        default:
            guard Self.isBareKeyByte(current) else { throw problem(reason) }
            while index < end, Self.isBareKeyByte(bytes[index]) { index += 1 }
            return KeyPart(name: String(decoding: bytes[start..<index], as: UTF8.self), range: start..<index)
        }
    }

    // MARK: - Values

    /// A value in a table or array nested `depth` levels deep.
    private mutating func value(depth: Int) throws(Problem) -> FrontMatterNode {
        try countValue()
        let start = index
        switch current {
        case 0x22, 0x27:
            let quote = current
            let text =
                byte(at: index + 1) == quote && byte(at: index + 2) == quote
                ? try multiLineString(quote: quote) : try singleLineString(quote: quote)
            return scalar(text, .string, from: start)
        case 0x74:
            try word("true")
            return scalar("true", .boolean, from: start)
        case 0x66:
            try word("false")
            return scalar("false", .boolean, from: start)
        case 0x69:
            try word("inf")
            return scalar("inf", .float, from: start)
        case 0x6E:
            try word("nan")
            return scalar("nan", .float, from: start)
        case 0x5B: return try array(depth: depth)
        case 0x7B: return try inlineTable(depth: depth)
        case 0x2B, 0x2D:
            let negative = current == 0x2D
            index += 1
            switch current {
            case 0x69:
                try word("inf")
                return scalar(negative ? "-inf" : "inf", .float, from: start)
            case 0x6E:
                try word("nan")
                return scalar(negative ? "-nan" : "nan", .float, from: start)
            default:
                return try number(from: start, signed: true)
            }
        default:
            guard Self.isDigit(current) else { throw problem("expected a value") }
            if (0..<4).allSatisfy({ Self.isDigit(byte(at: index + $0)) }), byte(at: index + 4) == 0x2D {
                return scalar(try dateAndTime(), .date, from: start)
            } else if Self.isDigit(byte(at: index + 1)), byte(at: index + 2) == 0x3A {
                return scalar(try time(), .date, from: start)
            } else {
                return try number(from: start, signed: false)
            }
        }
    }

    private func scalar(_ text: String, _ kind: FrontMatterScalar.Kind, from start: Int) -> FrontMatterNode {
        FrontMatterNode(value: .scalar(FrontMatterScalar(text: text, kind: kind)), range: start..<index)
    }

    private mutating func word(_ expected: StaticString) throws(Problem) {
        let start = index
        let matches = expected.withUTF8Buffer { word in
            word.indices.allSatisfy { byte(at: start + $0) == word[$0] }
        }
        guard matches else { throw problem("expected a value") }
        index += expected.utf8CodeUnitCount
    }

    /// An integer (decimal, or `0x`, `0o`, `0b` unsigned) or a float, starting at `start` (its
    /// sign, when `signed`; the current byte is the first digit).
    private mutating func number(from start: Int, signed: Bool) throws(Problem) -> FrontMatterNode {
        if !signed, current == 0x30 {
            let radix: Int64
            switch byte(at: index + 1) {
            case 0x78: radix = 16
            case 0x6F: radix = 8
            case 0x62: radix = 2
            default: radix = 0
            }
            if radix != 0 {
                index += 2
                let digitsStart = index
                try digits { radix == 16 ? Self.isHexDigit($0) : $0 >= 0x30 && $0 < 0x30 + UInt8(radix) }
                var value: Int64 = 0
                for byte in bytes[digitsStart..<index] where byte != 0x5F {
                    let (shifted, overflow) = value.multipliedReportingOverflow(by: radix)
                    guard !overflow else { throw problem("the integer does not fit in 64 bits", at: start) }
                    value = shifted | Int64(Self.hexValue(byte))
                }
                return scalar(String(value), .integer, from: start)
            }
        }
        guard Self.isDigit(current) else { throw problem("expected a number") }
        if current == 0x30, Self.isDigit(byte(at: index + 1)) || byte(at: index + 1) == 0x5F {
            throw problem("a number may not start with a zero", at: index + 1)
        }
        try digits(Self.isDigit)
        var isFloat = false
        if current == 0x2E {
            index += 1
            try digits(Self.isDigit)
            isFloat = true
        }
        if current == 0x65 || current == 0x45 {
            index += 1
            if current == 0x2B || current == 0x2D { index += 1 }
            try digits(Self.isDigit)
            isFloat = true
        }
        let written = bytes[start..<index].lazy.filter { $0 != 0x5F }
        if isFloat {
            guard let value = Double(String(decoding: written, as: UTF8.self)) else {
                throw problem("the float cannot be read", at: start)
            }
            return scalar(String(value), .float, from: start)
        }
        let negative = bytes[start] == 0x2D
        var value: Int64 = 0
        for byte in written where Self.isDigit(byte) {
            let (shifted, overflowed) = value.multipliedReportingOverflow(by: 10)
            let digit = Int64(byte - 0x30)
            let (next, overflowedAgain) =
                negative
                ? shifted.subtractingReportingOverflow(digit)
                : shifted.addingReportingOverflow(digit)
            guard !overflowed, !overflowedAgain else { throw problem("the integer does not fit in 64 bits", at: start) }
            value = next
        }
        return scalar(String(value), .integer, from: start)
    }

    /// One or more digits, an underscore only between two of them.
    private mutating func digits(_ isDigit: (UInt8) -> Bool) throws(Problem) {
        guard isDigit(current) else { throw problem("expected a digit") }
        index += 1
        while true {
            if isDigit(current) {
                index += 1
            } else if current == 0x5F {
                guard isDigit(byte(at: index + 1)) else { throw problem("an underscore must stand between two digits") }
                index += 2
            } else {
                return
            }
        }
    }

    /// `count` digits read as a number.
    private mutating func fixedDigits(_ count: Int, _ what: String) throws(Problem) -> Int {
        var value = 0
        for _ in 0..<count {
            guard Self.isDigit(current) else { throw problem(what) }
            value = value * 10 + Int(current - 0x30)
            index += 1
        }
        return value
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(Problem) {
        guard current == byte else { throw problem(what) }
        index += 1
    }

    /// `YYYY-MM-DD`, optionally followed by `T`, `t` or a space and a time, optionally with an
    /// offset; returned in RFC 3339's form.
    private mutating func dateAndTime() throws(Problem) -> String {
        let start = index
        let year = try fixedDigits(4, "a date is YYYY-MM-DD")
        try expect(0x2D, "a date is YYYY-MM-DD")
        let month = try fixedDigits(2, "a date is YYYY-MM-DD")
        try expect(0x2D, "a date is YYYY-MM-DD")
        let day = try fixedDigits(2, "a date is YYYY-MM-DD")
        guard (1...12).contains(month), day >= 1, day <= Self.days(inMonth: month, of: year) else {
            throw problem("\(String(decoding: bytes[start..<index], as: UTF8.self)) is not a date of the calendar", at: start)
        }
        var text = String(decoding: bytes[start..<index], as: UTF8.self)
        let delimiter = current
        guard delimiter == 0x54 || delimiter == 0x74 || (delimiter == 0x20 && Self.isDigit(byte(at: index + 1))) else {
            return text
        }
        index += 1
        guard Self.isDigit(current) else { throw problem("a time must start with the hour (HH:MM:SS)") }
        text += "T"
        text += try time()
        if current == 0x5A || current == 0x7A {
            index += 1
            text += "Z"
        } else if current == 0x2B || current == 0x2D {
            let offsetStart = index
            index += 1
            let hours = try fixedDigits(2, "an offset is +HH:MM or -HH:MM")
            try expect(0x3A, "an offset is +HH:MM or -HH:MM")
            let minutes = try fixedDigits(2, "an offset is +HH:MM or -HH:MM")
            guard hours <= 23, minutes <= 59 else { throw problem("the offset is not a time zone's", at: offsetStart) }
            text += hours == 0 && minutes == 0 ? "Z" : String(decoding: bytes[offsetStart..<index], as: UTF8.self)
        }
        return text
    }

    private static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `HH:MM:SS` with an optional fraction; returned with at most nine digits of fraction, its
    /// trailing zeros dropped.
    private mutating func time() throws(Problem) -> String {
        let start = index
        let hour = try fixedDigits(2, "a time must start with the hour (HH:MM:SS)")
        try expect(0x3A, "a time is HH:MM:SS")
        let minute = try fixedDigits(2, "a time is HH:MM:SS")
        try expect(0x3A, "a time is HH:MM:SS")
        let second = try fixedDigits(2, "a time is HH:MM:SS")
        guard hour <= 23, minute <= 59, second <= 59 else {
            throw problem("\(String(decoding: bytes[start..<index], as: UTF8.self)) is not a time of day", at: start)
        }
        let clock = index
        guard current == 0x2E else { return String(decoding: bytes[start..<clock], as: UTF8.self) }
        index += 1
        guard Self.isDigit(current) else { throw problem("expected digits after the decimal point") }
        let fractionStart = index
        while Self.isDigit(current) { index += 1 }
        var fractionEnd = min(index, fractionStart + 9)
        while fractionEnd > fractionStart, bytes[fractionEnd - 1] == 0x30 { fractionEnd -= 1 }
        let text = String(decoding: bytes[start..<clock], as: UTF8.self)
        guard fractionEnd > fractionStart else { return text }
        return text + "." + String(decoding: bytes[fractionStart..<fractionEnd], as: UTF8.self)
    }

    /// An array that would nest `depth + 1` levels deep, each item with its own range.
    private mutating func array(depth: Int) throws(Problem) -> FrontMatterNode {
        try checkNesting(depth)
        let start = index
        index += 1
        var items: [FrontMatterNode] = []
        while true {
            try skipWhitespaceCommentsAndNewlines()
            if current == 0x5D {
                index += 1
                return FrontMatterNode(value: .sequence(items), range: start..<index)
            }
            items.append(try value(depth: depth + 1))
            try skipWhitespaceCommentsAndNewlines()
            if current == 0x2C {
                index += 1
            } else if current == 0x5D {
                index += 1
                return FrontMatterNode(value: .sequence(items), range: start..<index)
            } else {
                throw problem("expected , or ] in the array")
            }
        }
    }

    /// An inline table that would nest `depth + 1` levels deep.
    private mutating func inlineTable(depth: Int) throws(Problem) -> FrontMatterNode {
        try checkNesting(depth)
        let table = TOMLTable(definition: .header, start: index, ownEnd: index)
        index += 1
        skipWhitespace()
        if current == 0x7D {
            index += 1
            table.ownEnd = index
            return table.node()
        }
        while true {
            try keyValue(depth: depth + 1, into: table)
            skipWhitespace()
            if current == 0x2C {
                index += 1
                skipWhitespace()
            } else if current == 0x7D {
                index += 1
                table.ownEnd = index
                return table.node()
            } else {
                throw problem("expected , or } in the inline table (which must stay on one line)")
            }
        }
    }

    private func checkNesting(_ depth: Int) throws(Problem) {
        guard depth < Self.maximumNesting else {
            throw problem("arrays and inline tables are nested too deeply (more than \(Self.maximumNesting) levels)")
        }
    }

    // MARK: - Strings

    /// A character a string may hold as it is: tab, printable ASCII, or any non-ASCII byte.
    private static func isStringByte(_ byte: UInt8) -> Bool {
        byte == 0x09 || (byte >= 0x20 && byte != 0x7F)
    }

    /// `\b \t \n \f \r \" \\ \uXXXX \UXXXXXXXX` (the code point a Unicode scalar), appended to
    /// `decoded`.
    private mutating func escape(into decoded: inout [UInt8]) throws(Problem) {
        let start = index
        index += 1
        let replacement: UInt8
        switch current {
        case 0x62: replacement = 0x08
        case 0x74: replacement = 0x09
        case 0x6E: replacement = 0x0A
        case 0x66: replacement = 0x0C
        case 0x72: replacement = 0x0D
        case 0x22, 0x5C: replacement = current
        case 0x75, 0x55:
            let count = current == 0x75 ? 4 : 8
            index += 1
            var value: UInt32 = 0
            for _ in 0..<count {
                guard Self.isHexDigit(current) else { throw problem("\\u takes 4 hexadecimal digits, \\U 8", at: start) }
                value = value &* 16 &+ UInt32(Self.hexValue(current))
                index += 1
            }
            guard let scalar = Unicode.Scalar(value) else { throw problem("the escape is not a Unicode scalar value", at: start) }
            decoded.append(contentsOf: String(Character(scalar)).utf8)
            return
        default:
            throw problem("unknown escape sequence", at: start)
        }
        decoded.append(replacement)
        index += 1
    }

    /// A one-line string: basic (`"`, with escapes) or literal (`'`, taken as written); returns
    /// its text.
    private mutating func singleLineString(quote: UInt8) throws(Problem) -> String {
        index += 1
        var segment = index
        var decoded: [UInt8]?
        while true {
            guard !atEnd, current != 0x0A, current != 0x0D else { throw problem("a string must end on its line") }
            if current == quote {
                let text: String
                if var decoded {
                    decoded.append(contentsOf: bytes[segment..<index])
                    text = String(decoding: decoded, as: UTF8.self)
                } else {
                    text = String(decoding: bytes[segment..<index], as: UTF8.self)
                }
                index += 1
                return text
            }
            if quote == 0x22, current == 0x5C {
                var buffer = decoded ?? []
                buffer.append(contentsOf: bytes[segment..<index])
                try escape(into: &buffer)
                decoded = buffer
                segment = index
                continue
            }
            guard Self.isStringByte(current) else { throw problem("a string may not hold a control character") }
            index += 1
        }
    }

    /// A multi-line string: basic (`"""`, with escapes and line-ending backslashes) or literal
    /// (`'''`, taken as written). A line ending right after the opening quotes is not content;
    /// CRLF line endings in it read as LF.
    private mutating func multiLineString(quote: UInt8) throws(Problem) -> String {
        index += 3
        _ = try lineEnding()
        var decoded: [UInt8] = []
        var segment = index
        while true {
            guard !atEnd else { throw problem("the multi-line string is not closed") }
            switch current {
            case quote:
                if try closesMultiLine(quote: quote) {
                    // Up to two quotes before the closing three belong to the string.
                    decoded.append(contentsOf: bytes[segment..<(index - 3)])
                    return String(decoding: decoded, as: UTF8.self)
                }
            case 0x5C where quote == 0x22:
                decoded.append(contentsOf: bytes[segment..<index])
                // A backslash at the end of a line trims the line ending and the white space after it.
                var cursor = index + 1
                while byte(at: cursor) == 0x20 || byte(at: cursor) == 0x09 { cursor += 1 }
                if byte(at: cursor) == 0x0A || byte(at: cursor) == 0x0D {
                    index = cursor
                    while true {
                        skipWhitespace()
                        guard try lineEnding() else { break }
                    }
                } else {
                    try escape(into: &decoded)
                }
                segment = index
            case 0x0D:
                decoded.append(contentsOf: bytes[segment..<index])
                _ = try lineEnding()
                decoded.append(0x0A)
                segment = index
            case 0x0A:
                index += 1
            default:
                guard Self.isStringByte(current) else { throw problem("a string may not hold a control character") }
                index += 1
            }
        }
    }

    /// At a run of `quote`: fewer than three are content; three to five close the string (up to two
    /// belong to it); more is an error.
    private mutating func closesMultiLine(quote: UInt8) throws(Problem) -> Bool {
        var count = 0
        while byte(at: index + count) == quote, index + count < end { count += 1 }
        guard count <= 5 else { throw problem("too many quotes at the end of the multi-line string", at: index + 5) }
        index += count
        return count >= 3
    }
}
