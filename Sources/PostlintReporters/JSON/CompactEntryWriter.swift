import PostlintCore
import PostlintJSON

/// Writes the JSON report's entries of findings kept compactly, the same bytes as
/// `JSONReporter.write(_:to:)` writes for each `Finding`, without making the findings: the
/// paths, rules, severities and shared messages are escaped once for the whole report, keys and
/// indentation come from an `ObjectTemplate`, and each entry is its fields read from the
/// findings' bytes. A site with a finding in every post (the WinRT docs: 180,000) spent more
/// time making and writing the entries than linting.
struct CompactEntryWriter {
    let compact: CompactFindings

    /// The depth the report's entries sit at (in `diagnostics`, in the document): their keys'
    /// layout is made before they are written; at any other depth, for each entry.
    static let entryDepth = 2

    /// Every piece of text an entry is made of, escaped, in one buffer: piece `i` is the bytes
    /// from `starts[i]` to `starts[i + 1]`. Read through one pointer, so writing an entry
    /// retains nothing.
    private struct Pieces {
        var bytes: [UInt8] = []
        var starts: [Int] = [0]

        /// Adds `piece`, returning its number.
        mutating func add(_ piece: [UInt8]) -> Int {
            bytes.append(contentsOf: piece)
            starts.append(bytes.count)
            return starts.count - 2
        }
    }

    /// Calls `body` with the entries of the findings at `order` as a streamed array (valid only
    /// inside `body`).
    func withStreamedArray(
        marker: String, order: [UInt32], layout: JSONValue.Layout, _ body: (JSONValue.StreamedArray) -> Void
    ) {
        let tables = compact.reportTables
        var pieces = Pieces()
        let template = JSONValue.ObjectTemplate(keys: JSONReporter.entryKeys, layout: layout, depth: Self.entryDepth)
        let opening = pieces.add(template.opening)
        let prefixes = template.prefixes.map { pieces.add($0) }.first ?? 0
        let closing = pieces.add(template.closing)
        let falseAndTrue = [pieces.add(Array("false".utf8)), pieces.add(Array("true".utf8))][0]
        let severities = [Severity.info, .warning, .error].map { pieces.add(JSONValue.quoted($0.rawValue)) }[0]
        let paths = tables.paths.map { pieces.add(JSONValue.quoted($0)) }.first ?? 0
        let rules = tables.rules.map { pieces.add(JSONValue.quoted($0)) }.first ?? 0
        let messages = tables.messages.map { pieces.add(JSONValue.quoted($0)) }.first ?? 0
        pieces.bytes.withUnsafeBufferPointer { bytes in
            pieces.starts.withUnsafeBufferPointer { starts in
                compact.withReportReader { reader in
                    let array = JSONValue.StreamedArray(marker: marker, count: order.count) {
                        index, output, layout, depth in
                        func piece(_ number: Int) {
                            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[starts[number]..<starts[number + 1]]))
                        }
                        // At another depth than the report's, the keys' layout is made for it;
                        // the values are the same pieces.
                        let deeper =
                            depth == Self.entryDepth
                            ? nil : JSONValue.ObjectTemplate(keys: JSONReporter.entryKeys, layout: layout, depth: depth)
                        func prefix(_ member: Int) {
                            if let deeper { output.append(contentsOf: deeper.prefixes[member]) } else { piece(prefixes + member) }
                        }
                        let fields = reader.fields(at: Int(order[index]))
                        if let deeper { output.append(contentsOf: deeper.opening) } else { piece(opening) }
                        prefix(0)
                        piece(paths + fields.path)
                        prefix(1)
                        JSONValue.writeInteger(fields.startLine, into: &output)
                        prefix(2)
                        JSONValue.writeInteger(fields.startColumn, into: &output)
                        prefix(3)
                        JSONValue.writeInteger(fields.endLine, into: &output)
                        prefix(4)
                        JSONValue.writeInteger(fields.endColumn, into: &output)
                        prefix(5)
                        piece(rules + fields.rule)
                        prefix(6)
                        piece(severities + Self.severityIndex(fields.severity))
                        prefix(7)
                        if fields.sharedMessage >= 0 {
                            piece(messages + fields.sharedMessage)
                        } else {
                            JSONValue.writeString(
                                utf8: UnsafeBufferPointer(rebasing: reader.arena[fields.ownMessage]), into: &output)
                        }
                        prefix(8)
                        piece(falseAndTrue + (fields.isFixable ? 1 : 0))
                        if let deeper { output.append(contentsOf: deeper.closing) } else { piece(closing) }
                    }
                    body(array)
                }
            }
        }
    }

    private static func severityIndex(_ severity: Severity) -> Int {
        switch severity {
        case .info: return 0
        case .warning: return 1
        case .error: return 2
        }
    }
}
