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
    /// `firstFree`: every id given or reserved.
    private var used: Set<String> = []
    /// `occurrences`: github-slugger's table, an entry for every id given or reserved, holding
    /// how many times it was repeated as a base. `perBase`: how many times each base was seen.
    private var counts: [String: Int] = [:]

    /// `headings`: how many headings will be numbered, for which the tables make room.
    init(_ scheme: Scheme, headings: Int = 0) {
        self.scheme = scheme
        switch scheme {
        case .firstFree: used.reserveCapacity(headings)
        case .occurrences, .perBase: counts.reserveCapacity(headings)
        }
    }

    /// Records an explicit id (`{#id}`), which `firstFree` generators then avoid.
    mutating func reserve(_ id: String) {
        switch scheme {
        case .occurrences: if counts[id] == nil { counts[id] = 0 }
        case .firstFree: used.insert(id)
        case .perBase: break
        }
    }

    /// The id the heading whose slug is `base` gets. A base not seen before costs one hash look-up.
    mutating func number(_ base: String) -> String {
        switch scheme {
        case .occurrences:
            // The entry is set to 0 for a new base; a repeated one gets its count back below.
            guard var count = counts.updateValue(0, forKey: base) else { return base }
            var id: String
            repeat {
                count += 1
                id = "\(base)-\(count)"
            } while counts[id] != nil
            counts[base] = count
            counts[id] = 0
            return id
        case .firstFree:
            var id = base
            var suffix = 0
            while !used.insert(id).inserted {
                suffix += 1
                id = "\(base)-\(suffix)"
            }
            return id
        case .perBase:
            let seen = counts[base, default: 0]
            counts[base] = seen + 1
            return seen == 0 ? base : "\(base)-\(seen)"
        }
    }
}
