/// How likely a word is as Russian, Ukrainian or Bulgarian running text, by the pairs of letters it
/// is made of (and the letters it starts and ends with): KOI8 text shown as Windows-1251 swaps
/// `о` for `П` and `и` for `Й`, so its words are made of pairs real text seldom or never has
/// (`ЛБ`, `ЙК` for `ка`, `ий`), which single letter frequencies tell only over longer stretches.
enum CyrillicLetterPairs {
    /// The row or column of the table (`costs`) of a letter in either case, 0 for anything else,
    /// which costs as much as a pair never seen.
    @inline(__always)
    static func cell(_ scalar: Unicode.Scalar) -> Int {
        var value = scalar.value
        if (0x410...0x42F).contains(value) { value += 0x20 } else if (0x400...0x40F).contains(value) { value += 0x50 }
        switch value {
        case 0x430...0x44F: return Int(value - 0x430) + 1
        case 0x451: return 33
        case 0x456: return 34
        case 0x457: return 35
        case 0x454: return 36
        case 0x490, 0x491: return 37
        default: return -1
        }
    }

    static let size = 38
    /// The cost of a pair with a character outside the table: that of a pair never seen.
    static let unknownCost: UInt8 = costs.max() ?? 32

    /// The natural log of the likelihood of `word` as running text, pair by pair, with its start
    /// and end (a word of n characters has n + 1 pairs, the same for any reading of it).
    static func logLikelihood(_ word: ArraySlice<Unicode.Scalar>) -> Double {
        var cost = PairCost()
        for scalar in word { cost.add(scalar) }
        return cost.logLikelihood
    }

    /// The cost of a word's pairs, added to a letter at a time (for a reading that is never made).
    struct PairCost {
        private var cost = 0
        private var previous = 0

        @inline(__always)
        mutating func add(_ scalar: Unicode.Scalar) {
            let current = CyrillicLetterPairs.cell(scalar)
            if current < 0 || previous < 0 {
                cost += Int(unknownCost)
            } else {
                cost += Int(costs[previous * size + current])
            }
            previous = current
        }

        /// The word's log-likelihood, its end included.
        var logLikelihood: Double {
            let total = cost + (previous < 0 ? Int(unknownCost) : Int(costs[previous * size]))
            return -Double(total) / 2
        }
    }
}
