import Foundation
import PostlintCore

/// Today's findings recorded so that only new ones are reported: for sites adopting postlint with
/// years of old posts. A finding matches an entry by rule, path and the text of its line (not the
/// line number), so inserting lines above an old finding does not make it new. The file is sorted,
/// indented JSON, stable across runs, so it diffs well.
public struct Baseline: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Hashable, Comparable {
        public var path: String
        public var rule: String
        /// The finding's line, trimmed of surrounding white space.
        public var line: String
        /// For people reading the file; not used to match.
        public var message: String
        /// How many findings share this path, rule and line.
        public var count: Int

        public static func < (lhs: Entry, rhs: Entry) -> Bool {
            (lhs.path, lhs.rule, lhs.line, lhs.message) < (rhs.path, rhs.rule, rhs.line, rhs.message)
        }

        var key: Key { Key(path: path, rule: rule, line: line) }
    }

    struct Key: Hashable {
        var path: String
        var rule: String
        var line: String
    }

    public var version: Int
    public var findings: [Entry]

    /// Records `findings`; `lineText` gives the text of a finding's line.
    public init(findings: some Sequence<Finding>, lineText: LineTextSource) {
        var counts: [Key: (message: String, count: Int)] = [:]
        for finding in findings {
            let key = Key(path: finding.path, rule: finding.ruleID, line: lineText.text(of: finding))
            let current = counts[key]
            counts[key] = (current?.message ?? finding.message, (current?.count ?? 0) + 1)
        }
        version = 1
        self.findings = counts.map {
            Entry(
                path: $0.key.path, rule: $0.key.rule, line: $0.key.line,
                message: $0.value.message, count: $0.value.count)
        }.sorted()
    }

    /// Reads a baseline file; a missing or malformed file is an error naming it.
    public static func load(path: String) throws(PostlintError) -> Baseline {
        let bytes: [UInt8]
        switch FileReader.read(path) {
        case .success(let read): bytes = read
        case .failure(let error): throw error
        }
        do {
            let baseline = try JSONDecoder().decode(Baseline.self, from: Data(bytes))
            guard baseline.version == 1 else {
                throw PostlintError(
                    path: path, message: "baseline version \(baseline.version) is not supported; this postlint reads version 1")
            }
            return baseline
        } catch let error as PostlintError {
            throw error
        } catch {
            let reason = (error as? DecodingError).map(Self.plainReason) ?? "it could not be read"
            throw PostlintError(
                path: path, message: "not a postlint baseline: \(reason)",
                hint: "write one with postlint check --write-baseline FILE")
        }
    }

    /// What is wrong with a baseline file, in words: which field is missing or of the wrong type.
    static func plainReason(_ error: DecodingError) -> String {
        func place(_ keys: [any CodingKey]) -> String {
            guard !keys.isEmpty else { return "the file" }
            var text = ""
            for key in keys {
                if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
            }
            return "\"\(text)\""
        }
        switch error {
        case .keyNotFound(let key, let context):
            let owner = context.codingPath.isEmpty ? "" : " in \(place(context.codingPath))"
            return "the field \"\(key.stringValue)\" is missing\(owner)"
        case .typeMismatch(let type, let context):
            return "\(place(context.codingPath)) is not \(Self.typeDescription(type))"
        case .valueNotFound(let type, let context):
            return "\(place(context.codingPath)) is null, not \(Self.typeDescription(type))"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "the file is not valid JSON" : "\(place(context.codingPath)) is not valid"
        @unknown default:
            return "the file is not in the baseline format"
        }
    }

    private static func typeDescription(_ type: Any.Type) -> String {
        if type == Int.self { return "a whole number" }
        if type == String.self { return "a string" }
        if String(describing: type).hasPrefix("Array") { return "a list" }
        return "an object"
    }

    /// The baseline as the file holds it.
    public func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return [] }
        return Array(data) + [0x0A]
    }

    /// The findings that are not in the baseline. Each entry absorbs up to `count` findings.
    public func newFindings(_ findings: [Finding], lineText: LineTextSource) -> [Finding] {
        Array(newFindings(FindingList(findings), lineText: lineText))
    }

    /// The findings that are not in the baseline, kept as compact as they came.
    public func newFindings(_ findings: FindingList, lineText: LineTextSource) -> FindingList {
        var remaining: [Key: Int] = [:]
        for entry in self.findings { remaining[entry.key, default: 0] += entry.count }
        return findings.filter { finding in
            let key = Key(path: finding.path, rule: finding.ruleID, line: lineText.text(of: finding))
            guard let left = remaining[key], left > 0 else { return true }
            remaining[key] = left - 1
            return false
        }
    }
}

/// The text of a finding's line, read from the file once per file.
public final class LineTextSource: Sendable {
    private let workingDirectory: String
    private let lines = Locked<[String: [String]]>([:])
    private let overrides: [String: [UInt8]]

    /// - Parameter overrides: contents by display path, for text not on disk (standard input).
    public init(workingDirectory: String, overrides: [String: [UInt8]] = [:]) {
        self.workingDirectory = workingDirectory
        self.overrides = overrides
    }

    public func text(of finding: Finding) -> String {
        let fileLines = lines.withLock { lines in
            if let known = lines[finding.path] { return known }
            let bytes =
                overrides[finding.path]
                ?? (try? FileReader.read(PathUtilities.absolute(finding.path, base: workingDirectory)).get()) ?? []
            let source = SourceText(bytes: bytes)
            let read = (0..<source.lineIndex.lineCount).map {
                source.string(in: source.lineIndex.contentRange(ofLine: $0))
            }
            lines[finding.path] = read
            return read
        }
        let index = finding.start.line - 1
        guard index >= 0, index < fileLines.count else { return "" }
        return fileLines[index].trimmingCharacters(in: .whitespaces)
    }
}
