import PostlintCore
import TOMLKit

/// TOML (Hugo `+++`) front matter through TOMLKit (toml++). TOMLKit reports positions for errors
/// only, so value positions come from `TOMLKeyLocator`, a light scan of the block's key lines.
enum TOMLFrontMatterParser {
    static let maxValues = ParserLimits.tomlValues

    static func parse(_ block: FrontMatterBlock, in source: SourceText) -> FrontMatter {
        let text = source.string(in: block.content)
        let firstLine = source.lineIndex.lineIndex(containing: block.content.lowerBound)
        // toml++ asserts on some invalid TOML (`[[[`, `1979-05-27T:`, `[1,}`): only text that follows
        // the TOML grammar is handed over; anything else is reported here, at its position.
        if let problem = TOMLSyntax.firstProblem(in: Array(text.utf8)) {
            return FrontMatter(block: block, root: nil,
                               syntaxError: FrontMatterSyntaxError(reason: problem.reason,
                                                                   offset: block.content.lowerBound + problem.offset))
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let location = SourceLocation(line: firstLine + error.source.begin.line,
                                          column: max(error.source.begin.column, 1))
            let offset = source.lineIndex.offset(of: location)
            return FrontMatter(block: block, root: nil,
                               syntaxError: FrontMatterSyntaxError(reason: error.description, offset: offset))
        } catch {
            return FrontMatter(block: block, root: nil,
                               syntaxError: FrontMatterSyntaxError(reason: "\(error)", offset: block.content.lowerBound))
        }
        let locator = TOMLKeyLocator(source: source, content: block.content)
        var budget = maxValues
        let root = convert(table, path: [], locator: locator, fallback: block.content.lowerBound..<block.content.lowerBound,
                           budget: &budget)
        return FrontMatter(block: block, root: root, syntaxError: nil)
    }

    private static func convert(_ table: TOMLTable, path: [String], locator: TOMLKeyLocator, fallback: ByteRange,
                                budget: inout Int) -> FrontMatterNode {
        var entries: [FrontMatterEntry] = []
        for key in table.keys {
            guard budget > 0, let value = table[key] else { continue }
            budget -= 1
            let keyPath = path + [key]
            let position = locator.position(of: keyPath)
            let keyRange = position?.key ?? fallback
            let valueRange = position?.value ?? fallback
            let node = convert(value, path: keyPath, locator: locator, range: valueRange, budget: &budget)
            entries.append(FrontMatterEntry(key: key, keyRange: keyRange, value: node))
        }
        return FrontMatterNode(value: .mapping(entries), range: fallback)
    }

    private static func convert(_ value: any TOMLValueConvertible, path: [String], locator: TOMLKeyLocator,
                                range: ByteRange, budget: inout Int) -> FrontMatterNode {
        switch value.type {
        case .table:
            if let table = value.table {
                var node = convert(table, path: path, locator: locator, fallback: range, budget: &budget)
                node.range = range
                return node
            }
        case .array:
            if let array = value.array {
                var items: [FrontMatterNode] = []
                for item in array {
                    guard budget > 0 else { break }
                    budget -= 1
                    items.append(convert(item, path: path, locator: locator, range: range, budget: &budget))
                }
                return FrontMatterNode(value: .sequence(items), range: range)
            }
        case .string:
            return scalar(value.string ?? "", .string, range)
        case .int:
            return scalar(value.int.map(String.init) ?? "", .integer, range)
        case .double:
            return scalar(value.double.map { String($0) } ?? "", .float, range)
        case .bool:
            return scalar(value.bool.map { $0 ? "true" : "false" } ?? "", .boolean, range)
        case .date, .time, .dateTime:
            return scalar(value.debugDescription, .date, range)
        }
        return scalar(value.debugDescription, .string, range)
    }

    private static func scalar(_ text: String, _ kind: FrontMatterScalar.Kind, _ range: ByteRange) -> FrontMatterNode {
        FrontMatterNode(value: .scalar(FrontMatterScalar(text: text, kind: kind)), range: range)
    }
}
