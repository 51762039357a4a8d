import PostlintCore
import Yams

/// Turns a Yams node tree into positioned `FrontMatterNode`s, computing each value's end from the
/// source text and counting values against a budget (aliases can make a small text expand hugely).
struct NodeConverter {
    let bytes: [UInt8]
    let positions: PositionedYAML.Positions
    var budget: Int

    init(bytes: [UInt8], positions: PositionedYAML.Positions, budget: Int) {
        self.bytes = bytes
        self.positions = positions
        self.budget = budget
    }

    private var contentStart: Int { positions.contentStart }

    mutating func convert(_ node: Node, inFlow: Bool) throws -> FrontMatterNode {
        budget -= 1
        let start = node.mark.map { positions.offset(of: $0) } ?? contentStart
        if budget < 0 { throw PositionedYAML.ExpansionLimitExceeded(offset: start) }
        switch node {
        case .scalar(let scalar):
            let end = scalarEnd(from: start - contentStart, style: scalar.style, inFlow: inFlow) + contentStart
            return FrontMatterNode(value: .scalar(Self.scalar(node, scalar)), range: start..<max(start, end))
        case .sequence(let sequence):
            let flow = startsFlow(at: start - contentStart, UInt8(ascii: "["))
            var items: [FrontMatterNode] = []
            items.reserveCapacity(sequence.count)
            var end = start
            for item in sequence {
                let converted = try convert(item, inFlow: inFlow || flow)
                end = max(end, converted.range.upperBound)
                items.append(converted)
            }
            if flow { end = closingBracket(after: max(end, start + 1) - contentStart, bracket: UInt8(ascii: "]")) + contentStart }
            return FrontMatterNode(value: .sequence(items), range: start..<max(start, end))
        case .mapping(let mapping):
            let flow = startsFlow(at: start - contentStart, UInt8(ascii: "{"))
            var entries: [FrontMatterEntry] = []
            entries.reserveCapacity(mapping.count)
            var end = start
            for (key, value) in mapping {
                let keyNode = try convert(key, inFlow: inFlow || flow)
                let valueNode = try convert(value, inFlow: inFlow || flow)
                end = max(end, valueNode.range.upperBound, keyNode.range.upperBound)
                let keyText = keyNode.scalarText ?? key.string ?? ""
                entries.append(FrontMatterEntry(key: keyText, keyRange: keyNode.range, value: valueNode))
            }
            if flow { end = closingBracket(after: max(end, start + 1) - contentStart, bracket: UInt8(ascii: "}")) + contentStart }
            return FrontMatterNode(value: .mapping(entries), range: start..<max(start, end))
        case .alias:
            return FrontMatterNode(value: .scalar(FrontMatterScalar(text: "", kind: .null)), range: start..<start)
        }
    }

    /// Whether a collection is written in flow style (its mark sits on its opening bracket). Yams
    /// does not keep the style of a composed collection reliably, so the source decides.
    private func startsFlow(at offset: Int, _ bracket: UInt8) -> Bool {
        offset >= 0 && offset < bytes.count && bytes[offset] == bracket
    }

    private static func scalar(_ node: Node, _ scalar: Node.Scalar) -> FrontMatterScalar {
        guard scalar.style == .plain || scalar.style == .any else {
            return FrontMatterScalar(text: scalar.string, kind: .string)
        }
        return FrontMatterScalar(text: scalar.string, kind: PlainScalarKind.classify(scalar.string))
    }

    /// The local offset just past a scalar written at `start`.
    private func scalarEnd(from start: Int, style: Node.Scalar.Style, inFlow: Bool) -> Int {
        let count = bytes.count
        guard start >= 0, start < count else { return max(0, min(start, count)) }
        switch style {
        case .doubleQuoted:
            var index = start + 1
            while index < count {
                if bytes[index] == UInt8(ascii: "\\") { index += 2; continue }
                if bytes[index] == UInt8(ascii: "\"") { return index + 1 }
                index += 1
            }
            return count
        case .singleQuoted:
            var index = start + 1
            while index < count {
                if bytes[index] == UInt8(ascii: "'") {
                    if index + 1 < count, bytes[index + 1] == UInt8(ascii: "'") { index += 2; continue }
                    return index + 1
                }
                index += 1
            }
            return count
        case .literal, .folded:
            return lineEnd(from: start)
        default:
            var index = start
            var lastNonSpace = start
            while index < count {
                let byte = bytes[index]
                if byte == 0x0A || byte == 0x0D { break }
                if byte == UInt8(ascii: "#"), index > start, bytes[index - 1] == 0x20 || bytes[index - 1] == 0x09 { break }
                if inFlow, byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") { break }
                if byte == UInt8(ascii: ":"), index + 1 >= count || [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index + 1]) {
                    break
                }
                if byte != 0x20 && byte != 0x09 { lastNonSpace = index + 1 }
                index += 1
            }
            return max(lastNonSpace, start)
        }
    }

    private func lineEnd(from start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
        return index
    }

    /// The local offset past the closing bracket that follows `offset`, skipping spaces, commas and
    /// comments; `offset` itself when none follows.
    private func closingBracket(after offset: Int, bracket: UInt8) -> Int {
        var index = max(offset, 0)
        while index < bytes.count {
            let byte = bytes[index]
            if byte == bracket { return index + 1 }
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: ",") {
                index += 1
                continue
            }
            return offset
        }
        return offset
    }
}
