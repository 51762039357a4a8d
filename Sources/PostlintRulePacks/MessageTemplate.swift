/// A message with named placeholders such as `{field}` or `{length}`, filled per finding.
struct MessageTemplate: Sendable {
    private enum Part: Sendable {
        case text(String)
        case placeholder(String)
    }

    private let parts: [Part]

    init(_ template: String) {
        var parts: [Part] = []
        var current = ""
        var index = template.startIndex
        while index < template.endIndex {
            let character = template[index]
            if character == "{", let close = template[index...].firstIndex(of: "}") {
                let name = template[template.index(after: index)..<close]
                if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "_" }) {
                    if !current.isEmpty { parts.append(.text(current)); current = "" }
                    parts.append(.placeholder(String(name)))
                    index = template.index(after: close)
                    continue
                }
            }
            current.append(character)
            index = template.index(after: index)
        }
        if !current.isEmpty { parts.append(.text(current)) }
        self.parts = parts
    }

    /// The placeholder names used, for validation.
    var placeholders: [String] {
        parts.compactMap { if case .placeholder(let name) = $0 { return name } else { return nil } }
    }

    func render(_ values: [String: String]) -> String {
        var output = ""
        for part in parts {
            switch part {
            case .text(let text): output += text
            case .placeholder(let name): output += values[name] ?? "{\(name)}"
            }
        }
        return output
    }
}
