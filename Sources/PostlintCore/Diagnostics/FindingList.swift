/// A run's findings in report order, as the linter hands them to reporters: either values, or
/// (for a whole site) `CompactFindings` read one finding at a time, so that memory follows the
/// findings' bytes rather than a `Finding` of five strings each. Reading a finding makes it anew:
/// walk the list once where you can.
public struct FindingList: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
    private enum Storage: Sendable {
        case values([Finding])
        /// The findings, and the positions in them in report order.
        case compact(CompactFindings, order: [UInt32])
    }

    private var storage: Storage

    public init(_ findings: [Finding] = []) {
        storage = .values(findings)
    }

    public init(arrayLiteral findings: Finding...) {
        storage = .values(findings)
    }

    /// The findings of `compact` in report order.
    package init(reportOrderOf compact: CompactFindings) {
        storage = .compact(compact, order: compact.reportOrder())
    }

    /// The compact findings and the order they are reported in, when the list is kept so (a
    /// report writer then reads their fields without making each finding).
    package var compactStorage: (findings: CompactFindings, order: [UInt32])? {
        guard case .compact(let compact, let order) = storage else { return nil }
        return (compact, order)
    }

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        switch storage {
        case .values(let findings): return findings.count
        case .compact(_, let order): return order.count
        }
    }

    public subscript(position: Int) -> Finding {
        switch storage {
        case .values(let findings): return findings[position]
        case .compact(let compact, let order): return compact[Int(order[position])]
        }
    }

    /// The path of the finding at `position` (without making the rest of it).
    public func path(at position: Int) -> String {
        switch storage {
        case .values(let findings): return findings[position].path
        case .compact(let compact, let order): return compact.path(at: Int(order[position]))
        }
    }

    /// The severity of the finding at `position` (without making the rest of it).
    public func severity(at position: Int) -> Severity {
        switch storage {
        case .values(let findings): return findings[position].severity
        case .compact(let compact, let order): return compact.severity(at: Int(order[position]))
        }
    }

    /// The rule of the finding at `position` (without making the rest of it).
    public func ruleID(at position: Int) -> String {
        switch storage {
        case .values(let findings): return findings[position].ruleID
        case .compact(let compact, let order): return compact.ruleID(at: Int(order[position]))
        }
    }

    /// Whether the path of any finding satisfies `predicate` (asked once per run of findings
    /// that share a path where the findings are kept compactly, all of them listed).
    public func containsPath(where predicate: (String) -> Bool) -> Bool {
        if case .compact(let compact, let order) = storage, order.count == compact.count {
            return compact.containsPath(where: predicate)
        }
        return indices.contains { predicate(path(at: $0)) }
    }

    /// How many findings have `severity`.
    public func count(of severity: Severity) -> Int {
        if case .compact(let compact, let order) = storage { return compact.count(of: severity, at: order) }
        var total = 0
        for position in indices where self.severity(at: position) == severity { total += 1 }
        return total
    }

    /// The findings `isIncluded` keeps, in the same order and the same storage.
    public func filter(_ isIncluded: (Finding) throws -> Bool) rethrows -> FindingList {
        switch storage {
        case .values(let findings):
            return FindingList(try findings.filter(isIncluded))
        case .compact(let compact, let order):
            var list = self
            list.storage = .compact(compact, order: try order.filter { try isIncluded(compact[Int($0)]) })
            return list
        }
    }

    /// The findings with `severity` only, deciding by the severity alone.
    public func only(_ severity: Severity) -> FindingList {
        switch storage {
        case .values(let findings):
            return FindingList(findings.filter { $0.severity == severity })
        case .compact(let compact, let order):
            var list = self
            list.storage = .compact(compact, order: order.filter { compact.severity(at: Int($0)) == severity })
            return list
        }
    }

    public static func == (lhs: FindingList, rhs: FindingList) -> Bool {
        lhs.elementsEqual(rhs)
    }
}
