/// How a generator tells repeated heading ids apart, fed one heading at a time in document order.
struct AnchorNumbering {
    enum Scheme {
        /// github-slugger: `base`, then `base-1`, `base-2`... counted per base, skipping any id
        /// already given (a heading `Echo 1` after two `Echo`s gets `echo-1-1`).
        case occurrences
        /// goldmark, Pandoc's `auto_identifiers`, Zola: the first of `base`, `base-1`, `base-2`...
        /// not yet used by any id, explicit ones included.
        case firstFree
        /// kramdown, kramdown's GFM parser, Pandoc's `gfm_auto_identifiers`: a counter per base,
        /// `base-n` for its n-th repeat, whether or not another heading already has that id.
        case perBase
    }

    let scheme: Scheme
    private var used: Set<String> = []
    private var counts: [String: Int] = [:]

    init(_ scheme: Scheme) {
        self.scheme = scheme
    }

    /// Records an explicit id (`{#id}`), which `firstFree` generators then avoid.
    mutating func reserve(_ id: String) {
        used.insert(id)
    }

    /// The id the heading whose slug is `base` gets.
    mutating func number(_ base: String) -> String {
        switch scheme {
        case .occurrences:
            var id = base
            while used.contains(id) {
                let count = counts[base, default: 0] + 1
                counts[base] = count
                id = "\(base)-\(count)"
            }
            used.insert(id)
            counts[id] = counts[id] ?? 0
            return id
        case .firstFree:
            var id = base
            var suffix = 0
            while used.contains(id) {
                suffix += 1
                id = "\(base)-\(suffix)"
            }
            used.insert(id)
            return id
        case .perBase:
            let seen = counts[base, default: 0]
            counts[base] = seen + 1
            return seen == 0 ? base : "\(base)-\(seen)"
        }
    }
}
