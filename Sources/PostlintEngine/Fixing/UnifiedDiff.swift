/// A unified diff of two texts by lines (Myers' algorithm), for `postlint fix --dry-run`.
public enum UnifiedDiff {
    public static func make(old: [UInt8], new: [UInt8], path: String, context: Int = 3) -> String {
        let a = lines(old)
        let b = lines(new)
        let script = editScript(a, b)
        guard script.contains(where: { $0.kind != .same }) else { return "" }
        var output = "--- a/\(path)\n+++ b/\(path)\n"
        var index = 0
        while index < script.count {
            guard script[index].kind != .same else { index += 1; continue }
            var start = max(0, index - context)
            var end = index
            // Extend the hunk while changes are within 2 × context lines of each other.
            var lastChange = index
            while end < script.count {
                if script[end].kind != .same { lastChange = end }
                if end - lastChange > 2 * context { break }
                end += 1
            }
            end = min(script.count, lastChange + context + 1)
            start = max(0, start)
            let hunk = script[start..<end]
            let oldStart = (hunk.first { $0.kind != .insert }?.oldIndex ?? (hunk.first?.oldIndex ?? 0)) + 1
            let newStart = (hunk.first { $0.kind != .delete }?.newIndex ?? (hunk.first?.newIndex ?? 0)) + 1
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            output +=
                "@@ -\(oldCount == 0 ? oldStart - 1 : oldStart),\(oldCount) +\(newCount == 0 ? newStart - 1 : newStart),\(newCount) @@\n"
            for step in hunk {
                switch step.kind {
                case .same: output += " " + display(a[step.oldIndex])
                case .delete: output += "-" + display(a[step.oldIndex])
                case .insert: output += "+" + display(b[step.newIndex])
                }
            }
            index = end
        }
        return output
    }

    private static func display(_ line: [UInt8]) -> String {
        var text = String(decoding: line, as: UTF8.self)
        if text.hasSuffix("\r\n") {
            text.removeLast(1)
            text += "␍\n"
        } else if text.hasSuffix("\r") {
            text.removeLast()
            text += "␍\n"
        } else if !text.hasSuffix("\n") {
            text += "\n\\ No newline at end of file\n"
        }
        return text
    }

    static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0A {
                result.append(Array(bytes[start...index]))
                start = index + 1
            } else if bytes[index] == 0x0D, index + 1 >= bytes.count || bytes[index + 1] != 0x0A {
                result.append(Array(bytes[start...index]))
                start = index + 1
            }
            index += 1
        }
        if start < bytes.count { result.append(Array(bytes[start...])) }
        return result
    }

    enum Kind { case same, delete, insert }
    struct Step {
        var kind: Kind
        var oldIndex: Int
        var newIndex: Int
    }

    /// The largest middle section (after common leading and trailing lines) diffed line by line;
    /// larger ones are shown as one replacement, keeping memory bounded.
    static let maximumMiddle = 4000

    /// A shortest edit script: common ends first, then Myers' algorithm on the middle.
    static func editScript(_ a: [[UInt8]], _ b: [[UInt8]]) -> [Step] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
        }
        var steps = (0..<prefix).map { Step(kind: .same, oldIndex: $0, newIndex: $0) }
        let middleA = Array(a[prefix..<(a.count - suffix)])
        let middleB = Array(b[prefix..<(b.count - suffix)])
        if middleA.count + middleB.count > maximumMiddle {
            steps += middleA.indices.map { Step(kind: .delete, oldIndex: prefix + $0, newIndex: prefix) }
            steps += middleB.indices.map { Step(kind: .insert, oldIndex: prefix + middleA.count, newIndex: prefix + $0) }
        } else {
            steps += myers(middleA, middleB).map {
                Step(kind: $0.kind, oldIndex: $0.oldIndex + prefix, newIndex: $0.newIndex + prefix)
            }
        }
        steps += (0..<suffix).map {
            Step(kind: .same, oldIndex: a.count - suffix + $0, newIndex: b.count - suffix + $0)
        }
        return steps
    }

    /// Myers' O((N+M)·D) shortest edit script.
    static func myers(_ a: [[UInt8]], _ b: [[UInt8]]) -> [Step] {
        let n = a.count
        let m = b.count
        let maxD = n + m
        let offset = maxD
        var v = [Int](repeating: 0, count: 2 * maxD + 2)
        var trace: [[Int]] = []
        outer: for d in 0...maxD {
            trace.append(v)
            var k = -d
            while k <= d {
                var x: Int
                if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                    x = v[offset + k + 1]
                } else {
                    x = v[offset + k - 1] + 1
                }
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                v[offset + k] = x
                if x >= n, y >= m { break outer }
                k += 2
            }
        }
        var steps: [Step] = []
        var x = n
        var y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let previousK: Int
            if d == 0 {
                while x > 0, y > 0 { x -= 1; y -= 1; steps.append(Step(kind: .same, oldIndex: x, newIndex: y)) }
                break
            }
            if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                previousK = k + 1
            } else {
                previousK = k - 1
            }
            let previousX = v[offset + previousK]
            let previousY = previousX - previousK
            while x > previousX, y > previousY {
                x -= 1; y -= 1
                steps.append(Step(kind: .same, oldIndex: x, newIndex: y))
            }
            if x == previousX {
                y -= 1
                steps.append(Step(kind: .insert, oldIndex: x, newIndex: y))
            } else {
                x -= 1
                steps.append(Step(kind: .delete, oldIndex: x, newIndex: y))
            }
        }
        return steps.reversed()
    }
}
