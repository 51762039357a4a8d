/// Strings stored once each and named by their index, for compact encodings that repeat a few
/// names many times (rule ids, front matter keys). The string asked for last is compared first:
/// runs of one name are the common case.
package struct InternedStrings: Sendable {
    /// The strings, each once, in the order they were first added.
    package private(set) var strings: [String] = []
    private var last = 0

    package init() {}

    package subscript(index: Int) -> String { strings[index] }

    /// The index of `string`, added if it is new.
    package mutating func index(of string: String) -> Int {
        if last < strings.count, strings[last] == string { return last }
        if let index = strings.firstIndex(of: string) {
            last = index
        } else {
            strings.append(string)
            last = strings.count - 1
        }
        return last
    }
}
