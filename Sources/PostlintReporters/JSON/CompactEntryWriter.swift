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

    /// Calls `body` with the entries of the findings at `order` as a streamed array (valid only
    /// inside `body`).
    func withStreamedArray(
        marker: String, order: [UInt32], layout: JSONValue.Layout, _ body: (JSONValue.StreamedArray) -> Void
    ) {
        let tables = compact.reportTables
        let paths = tables.paths.map(JSONValue.quoted)
        let rules = tables.rules.map(JSONValue.quoted)
        let messages = tables.messages.map(JSONValue.quoted)
        let severities = [Severity.info, .warning, .error].map { JSONValue.quoted($0.rawValue) }
        let booleans = [Array("false".utf8), Array("true".utf8)]
        // Entries all sit at one depth: the template is made for it the first time.
        final class TemplateOfDepth {
            var depth = -1
            var template = JSONValue.ObjectTemplate(keys: [], layout: .compact, depth: 0)
        }
        let made = TemplateOfDepth()
        compact.withReportReader { reader in
            let array = JSONValue.StreamedArray(marker: marker, count: order.count) { index, output, layout, depth in
                if made.depth != depth {
                    made.template = JSONValue.ObjectTemplate(keys: JSONReporter.entryKeys, layout: layout, depth: depth)
                    made.depth = depth
                }
                let template = made.template
                let fields = reader.fields(at: Int(order[index]))
                output.append(contentsOf: template.opening)
                output.append(contentsOf: template.prefixes[0])
                output.append(contentsOf: paths[fields.path])
                output.append(contentsOf: template.prefixes[1])
                JSONValue.writeInteger(fields.startLine, into: &output)
                output.append(contentsOf: template.prefixes[2])
                JSONValue.writeInteger(fields.startColumn, into: &output)
                output.append(contentsOf: template.prefixes[3])
                JSONValue.writeInteger(fields.endLine, into: &output)
                output.append(contentsOf: template.prefixes[4])
                JSONValue.writeInteger(fields.endColumn, into: &output)
                output.append(contentsOf: template.prefixes[5])
                output.append(contentsOf: rules[fields.rule])
                output.append(contentsOf: template.prefixes[6])
                output.append(contentsOf: severities[Self.severityIndex(fields.severity)])
                output.append(contentsOf: template.prefixes[7])
                if fields.sharedMessage >= 0 {
                    output.append(contentsOf: messages[fields.sharedMessage])
                } else {
                    JSONValue.writeString(utf8: UnsafeBufferPointer(rebasing: reader.arena[fields.ownMessage]), into: &output)
                }
                output.append(contentsOf: template.prefixes[8])
                output.append(contentsOf: booleans[fields.isFixable ? 1 : 0])
                output.append(contentsOf: template.closing)
            }
            body(array)
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
