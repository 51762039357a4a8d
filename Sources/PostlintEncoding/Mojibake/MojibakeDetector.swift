import PostlintCore

/// Finds text that is UTF-8 mis-decoded through a single-byte code page, once or several times over.
///
/// Mojibake is a run of non-ASCII characters, each standing for one byte. For every code page, the
/// run is turned back into bytes and read as UTF-8; each well-formed multi-byte sequence found is a
/// candidate, and adjacent ones form a cluster. A cluster is reported when its evidence (long
/// sequences, C1 controls and symbols where real text has letters, a capital with an accent inside
/// a lower-case word) passes a threshold and its repair is plausible text (no controls, no
/// unassigned code points, letters that fit the script around them). The repair is examined again
/// for a further layer. Time is linear in the text: each character is looked at a bounded number of
/// times per code page. Damage beyond the mis-decoding (C1 controls of Windows-1252 text read as
/// Latin-1, a no-break space become a space, a byte Windows-1252 leaves undefined lost) is looked
/// for around the clusters; where a lost byte leaves the repair open, the finding says it is unsure.
public struct MojibakeDetector: Sendable {
    /// The code pages tried, in order of preference when two give the same repair.
    public let pages: [CodePage]
    /// The most layers of mis-decoding undone.
    public static let maximumLayers = 4

    /// Whether runs no code page reads as the start of a UTF-8 sequence are passed over before
    /// their clusters are looked for (off only to test that this changes no finding).
    let passesOverRunsWithoutSequences: Bool

    public init(pages: [CodePage] = CodePage.allCases) {
        self.init(pages: pages, passesOverRunsWithoutSequences: true)
    }

    init(pages: [CodePage], passesOverRunsWithoutSequences: Bool) {
        self.pages = pages.isEmpty ? CodePage.allCases : pages
        self.passesOverRunsWithoutSequences = passesOverRunsWithoutSequences
    }

    /// ASCII bytes of context kept on each side of a non-ASCII stretch: more than the 16 scalars
    /// the scoring looks at around a cluster, so a window gives what the whole text would.
    static let contextBytes = 40
    /// A window longer than this is cut at a line feed, so memory stays bounded on long non-ASCII
    /// text (the scoring then does not look across that line feed).
    static let maximumWindowBytes = 1 << 16

    /// The mojibake in `text`, in text order, positioned by UTF-8 offsets.
    ///
    /// Only the stretches of text around non-ASCII characters are examined (mojibake is made of
    /// them), each with enough ASCII context on both sides that the result is the same as for the
    /// whole text; ASCII text costs one fast pass and no memory.
    public func findings(in text: String) -> [MojibakeFinding] {
        var text = text
        return text.withUTF8 { findings(inValidUTF8: $0) }
    }

    /// `findings(in:)` for text already known to be valid UTF-8 (a `SourceText`'s `utf8`), read
    /// from its bytes without making a `String` of it.
    public func findings(inValidUTF8 buffer: UnsafeBufferPointer<UInt8>) -> [MojibakeFinding] {
        var results: [MojibakeFinding] = []
        for window in Self.windows(in: buffer) {
            let slice = UnsafeBufferPointer(rebasing: buffer[window])
            // Every finding holds a character some code page has (detection, damage and
            // legacy text all start from one): a window of other scripts alone (CJK, Hangul)
            // is passed over without decoding it.
            guard Self.holdsCodePageCharacter(slice) else { continue }
            for finding in findings(inWholeText: slice) {
                let range = (finding.range.lowerBound + window.lowerBound)..<(finding.range.upperBound + window.lowerBound)
                results.append(
                    MojibakeFinding(
                        range: range, original: finding.original, repairs: finding.repairs,
                        unsureReason: finding.unsureReason))
            }
        }
        return results
    }

    /// Whether the valid UTF-8 in `bytes` holds a non-ASCII character that some code page can
    /// produce from a byte.
    static func holdsCodePageCharacter(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let index = CodePageIndex.shared
        var position = ByteScanning.endOfASCII(in: bytes, from: 0)
        let count = bytes.count
        while position < count {
            let lead = bytes[position]
            var value: UInt32
            var length: Int
            switch lead {
            case 0xC0..<0xE0: (value, length) = (UInt32(lead & 0x1F), 2)
            case 0xE0..<0xF0: (value, length) = (UInt32(lead & 0x0F), 3)
            case 0xF0...: (value, length) = (UInt32(lead & 0x07), 4)
            default: (value, length) = (UInt32(lead), 1)
            }
            let end = min(count, position + length)
            var next = position + 1
            while next < end {
                value = value << 6 | UInt32(bytes[next] & 0x3F)
                next += 1
            }
            if value >= 0x80, index.packedBytes(of: value) != 0 { return true }
            position = next < count && bytes[next] < 0x80 ? ByteScanning.endOfASCII(in: bytes, from: next) : next
        }
        return false
    }

    /// The byte ranges to examine: each non-ASCII stretch with `contextBytes` of ASCII on each
    /// side (or up to the text's ends), stretches whose context would overlap joined, and a window
    /// over `maximumWindowBytes` cut after a line feed.
    static func windows(in buffer: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        let count = buffer.count
        var windows: [Range<Int>] = []
        var start = -1
        var lastNonASCII = -1
        var searched = 0
        var index = ByteScanning.endOfASCII(in: buffer, from: 0)
        while index < count {
            // A non-ASCII byte at `index`: join it to the open window when the ASCII gap is short.
            if start >= 0, index - lastNonASCII > 2 * contextBytes {
                windows.append(start..<min(count, lastNonASCII + 1 + contextBytes))
                start = -1
            }
            if start < 0 { start = max(0, index - contextBytes) }
            if index - start > maximumWindowBytes {
                // Each byte is searched for a line feed at most once.
                let from = max(start, searched)
                if let lineFeed = ByteScanning.firstIndex(of: 0x0A, in: buffer, from: from), lineFeed < index {
                    windows.append(start..<(lineFeed + 1))
                    start = lineFeed + 1
                }
                searched = index
            }
            index += 1
            while index < count, buffer[index] >= 0x80 { index += 1 }
            lastNonASCII = index - 1
            index = ByteScanning.endOfASCII(in: buffer, from: index)
        }
        if start >= 0 { windows.append(start..<min(count, lastNonASCII + 1 + contextBytes)) }
        return windows
    }

    /// The detector over the whole of `text` at once (what `findings(in:)` gives, window by window).
    func findings(inWholeText text: String) -> [MojibakeFinding] {
        var text = text
        return text.withUTF8 { findings(inWholeText: $0) }
    }

    /// The findings of UTF-8 `bytes`, examined whole.
    func findings(inWholeText bytes: UnsafeBufferPointer<UInt8>) -> [MojibakeFinding] {
        let scalars = Self.scalars(of: bytes)
        var candidates = detect(scalars, in: 0..<scalars.count, layer: 0, preferred: nil)
        let damaged = damagedCandidates(scalars, excluding: candidates)
        if !damaged.isEmpty {
            candidates = (candidates + damaged).sorted { $0.start < $1.start }
        }
        candidates = agreeingWithTheirLines(scalars, candidates)
        let legacy = LegacyTextDetector().candidates(scalars, excluding: candidates)
        if !legacy.isEmpty {
            candidates = (candidates + legacy).sorted { $0.start < $1.start }
        }
        // Findings are rare: the scalars' offsets are worked out only for a text that has some.
        guard !candidates.isEmpty else { return [] }
        let offsets = Self.offsets(of: bytes)
        return candidates.map { candidate in
            var original = String.UnicodeScalarView()
            original.append(contentsOf: scalars[candidate.start..<candidate.end])
            return MojibakeFinding(
                range: offsets[candidate.start]..<offsets[candidate.end],
                original: String(original), repairs: candidate.repairs,
                unsureReason: candidate.unsureReason)
        }
    }

    /// The scalars of UTF-8 `bytes`. Bytes that are not well-formed (which valid text never
    /// holds) are read as U+FFFD, one for each maximal ill-formed part, as
    /// `String(decoding:as:)` reads them.
    static func scalars(of bytes: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(bytes.count)
        forEachScalar(of: bytes) { value, _ in scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}") }
        return scalars
    }

    /// The offset of each of `scalars(of: bytes)`, and one more: the end.
    static func offsets(of bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var offsets: [Int] = []
        forEachScalar(of: bytes) { _, offset in offsets.append(offset) }
        offsets.append(bytes.count)
        return offsets
    }

    /// Calls `body` with each scalar's value and offset, in order.
    @inline(__always)
    private static func forEachScalar(of bytes: UnsafeBufferPointer<UInt8>, _ body: (UInt32, Int) -> Void) {
        let count = bytes.count
        var index = 0
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                body(UInt32(lead), index)
                index += 1
                continue
            }
            // A well-formed two-byte sequence (Latin, Greek, Cyrillic) decoded in line.
            if lead >= 0xC2, lead <= 0xDF, index + 1 < count, bytes[index + 1] & 0xC0 == 0x80 {
                body(UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), index)
                index += 2
                continue
            }
            let (value, width) = Self.decodeSequence(bytes, at: index)
            body(value, index)
            index += width
        }
    }

    /// The scalar value and width of the multi-byte sequence at `index`: well-formed ones
    /// decoded here (the table of well-formed sequences in Unicode's chapter 3), anything else
    /// U+FFFD over the maximal ill-formed part the standard library finds.
    private static func decodeSequence(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = bytes[index]
        let available = bytes.count - index
        func continuation(_ offset: Int) -> UInt32? {
            guard offset < available else { return nil }
            let byte = bytes[index + offset]
            return byte & 0xC0 == 0x80 ? UInt32(byte & 0x3F) : nil
        }
        switch lead {
        case 0xC2...0xDF:
            if let second = continuation(1) { return (UInt32(lead & 0x1F) << 6 | second, 2) }
        case 0xE0...0xEF:
            if let second = continuation(1), let third = continuation(2) {
                let value = UInt32(lead & 0x0F) << 12 | second << 6 | third
                // Not overlong (E0 80-9F) and not a surrogate (ED A0-BF).
                if value >= 0x800, !(0xD800...0xDFFF).contains(value) { return (value, 3) }
            }
        case 0xF0...0xF4:
            if let second = continuation(1), let third = continuation(2), let fourth = continuation(3) {
                let value = UInt32(lead & 0x07) << 18 | second << 12 | third << 6 | fourth
                if (0x10000...0x10FFFF).contains(value) { return (value, 4) }
            }
        default:
            break
        }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = UnsafeBufferPointer(rebasing: bytes[index...]).makeIterator()
        switch parser.parseScalar(from: &iterator) {
        case .valid(let encoded): return (Unicode.UTF8.decode(encoded).value, encoded.count)
        case .error(let length): return (0xFFFD, max(1, length))
        case .emptyInput: return (0xFFFD, 1)
        }
    }

    /// Whether `text` holds any mojibake.
    public func containsMojibake(_ text: String) -> Bool {
        !findings(in: text).isEmpty
    }

    // MARK: - Detection

    /// A reported cluster: scalar indices and its repairs.
    struct Candidate {
        var start: Int
        var end: Int
        var repairs: [MojibakeRepair]
        var unsureReason: String? = nil
    }

    /// A cluster of adjacent well-formed sequences read through one page.
    private struct Cluster {
        var page: CodePage
        var start: Int
        var end: Int
        var decoded: [Unicode.Scalar]
        var score: Int
    }

    // MARK: - Damage beyond the mis-decoding

    /// The scalars Windows-1252 reads its lead bytes of two-byte UTF-8 sequences as (C2-DF).
    @inline(__always)
    private static func windows1252Lead(_ scalar: Unicode.Scalar) -> UInt8? {
        guard scalar.value >= 0xC2, scalar.value <= 0xDF else { return nil }
        return UInt8(scalar.value)  // Windows-1252 agrees with Latin-1 from 0xA0 up
    }

    /// How far back, in scalars, an opening quote is looked for (less than the ASCII context of a
    /// window, so windows give what the whole text does).
    private static let quoteLookBehind = 30

    /// Mojibake the clusters cannot show because a byte was lost or changed on the way, and
    /// Windows-1252 text read as Latin-1, outside the clusters already found:
    /// - a C1 control (U+0080-U+009F) that Windows-1252 defines: its byte read as Latin-1
    ///   (`\u{84}Guten Tag\u{93}` for `„Guten Tag“`);
    /// - `Ã` or `Â` then a space, not after a capital (nor, for `Ã`, before one: `IRMÃ E`): UTF-8
    ///   of `à` or of a no-break space whose second byte, a no-break space, became a space; `Å`
    ///   then a space inside a sentence before a lower-case word, likewise `Š` (`Å iauliai`);
    /// - a Windows-1252 lead (`Ã`, `Å`…) then U+FFFD, or `â€` then U+FFFD or nothing: the second
    ///   or third byte was one Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D), lost or
    ///   replaced. `â€` is repaired to `”` after an opening `“`, otherwise reported unsure.
    /// Whether the character at `index` follows a lower-case letter and a space, and a space and
    /// a lower-case word of three letters or more follow it: `Å iauliai` in a sentence is `Š`
    /// (C5 A0) whose no-break space became a space; the Scandinavian `Å` starts a sentence
    /// (`Å være`) or is written in lower case (`å`) inside one.
    static func isMidSentenceBeforeLowerCaseWord(_ scalars: [Unicode.Scalar], at index: Int, limit: Int) -> Bool {
        guard index >= 2, scalars[index - 1] == " ", scalars[index - 2].properties.isLowercase,
            index + 4 < limit
        else { return false }
        return scalars[(index + 2)...(index + 4)].allSatisfy { $0.properties.isLowercase }
    }

    private func damagedCandidates(_ scalars: [Unicode.Scalar], excluding found: [Candidate]) -> [Candidate] {
        let readsWindows1252 = pages.contains(.windows1252)
        var result: [Candidate] = []
        var next = 0
        var index = 0
        let count = scalars.count
        while index < count {
            while next < found.count, found[next].end <= index { next += 1 }
            if next < found.count, found[next].start <= index {
                index = found[next].end
                continue
            }
            let scalar = scalars[index]
            let value = scalar.value
            // Every kind of damage starts at a C1 control or a Latin-1 letter up to `â` (U+00E2).
            guard value >= 0x80, value <= 0xE2 else {
                index += 1
                continue
            }
            let limit = next < found.count ? found[next].start : count
            let before: Unicode.Scalar? = index > 0 ? scalars[index - 1] : nil
            let following: Unicode.Scalar? = index + 1 < limit ? scalars[index + 1] : nil
            if value <= 0x9F {
                if readsWindows1252, let decoded = CodePage.windows1252.decode(UInt8(value)), decoded != value,
                    let repaired = Unicode.Scalar(decoded)
                {
                    result.append(
                        Candidate(
                            start: index, end: index + 1,
                            repairs: [
                                MojibakeRepair(
                                    text: String(Character(repaired)), chain: [],
                                    note: "a C1 control: Windows-1252 text read as Latin-1")
                            ]))
                }
                index += 1
                continue
            }
            guard readsWindows1252 else {
                index += 1
                continue
            }
            if (value == 0xC3 || value == 0xC2), following == " " {
                let beforeIsCapital = before?.properties.isUppercase ?? false
                let afterSpace: Unicode.Scalar? = index + 2 < limit ? scalars[index + 2] : nil
                let afterIsCapital = afterSpace?.properties.isUppercase ?? false
                if !beforeIsCapital, value == 0xC2 || !afterIsCapital {
                    let text = value == 0xC3 ? "\u{E0}" : "\u{A0}"
                    result.append(
                        Candidate(
                            start: index, end: index + 2,
                            repairs: [
                                MojibakeRepair(text: text, chain: [.windows1252], note: "its no-break space had become a space")
                            ]))
                    index += 2
                    continue
                }
            }
            if value == 0xC5, following == " ", Self.isMidSentenceBeforeLowerCaseWord(scalars, at: index, limit: limit) {
                result.append(
                    Candidate(
                        start: index, end: index + 2,
                        repairs: [
                            MojibakeRepair(text: "\u{160}", chain: [.windows1252], note: "its no-break space had become a space")
                        ]))
                index += 2
                continue
            }
            if let lead = Self.windows1252Lead(scalar), following == "\u{FFFD}" {
                let readings = Self.holeBytes.compactMap { hole -> String? in
                    let decoded = (UInt32(lead & 0x1F) << 6) | UInt32(hole & 0x3F)
                    return Unicode.Scalar(decoded).map { String(Character($0)) }
                }
                result.append(
                    Candidate(
                        start: index, end: index + 2,
                        repairs: readings.map {
                            MojibakeRepair(text: $0, chain: [.windows1252])
                        }, unsureReason: "UTF-8 read as Windows-1252, its second byte one Windows-1252 leaves undefined"))
                index += 2
                continue
            }
            if value == 0xE2, following == "\u{20AC}" {
                // E2 80 and a lost third byte: U+2001, U+200D, U+200F, U+2010 or U+201D.
                var end = index + 2
                if end < limit, scalars[end] == "\u{FFFD}" { end += 1 }
                let third: Unicode.Scalar? = end < limit ? scalars[end] : nil
                let isSequence =
                    third.map { CodePage.windows1252.encode($0.value).map { (0x80...0xBF).contains($0) } ?? false } ?? false
                if !isSequence {
                    var opened = false
                    var back = index - 1
                    while back >= max(0, index - Self.quoteLookBehind), scalars[back] != "\n" {
                        if scalars[back] == "\u{201C}" { opened = true; break }
                        if scalars[back] == "\u{0153}", back >= 2, scalars[back - 1] == "\u{20AC}", scalars[back - 2] == "\u{E2}"
                        {
                            opened = true
                            break
                        }
                        back -= 1
                    }
                    if opened {
                        result.append(
                            Candidate(
                                start: index, end: end,
                                repairs: [
                                    MojibakeRepair(
                                        text: "\u{201D}", chain: [.windows1252],
                                        note:
                                            "its last byte, 0x9D, undefined in Windows-1252, was lost; the opening quote before it decides"
                                    )
                                ]))
                    } else {
                        result.append(
                            Candidate(
                                start: index, end: end,
                                repairs: ["\u{201D}", "\u{2010}", "\u{2001}", "\u{200D}", "\u{200F}"].map {
                                    MojibakeRepair(text: $0, chain: [.windows1252])
                                }, unsureReason: "UTF-8 read as Windows-1252, its last byte one Windows-1252 leaves undefined"))
                    }
                    index = end
                    continue
                }
            }
            index += 1
        }
        return result
    }

    /// The bytes Windows-1252 leaves undefined.
    private static let holeBytes: [UInt8] = [0x81, 0x8D, 0x8F, 0x90, 0x9D]

    /// `preferred` wins ties between pages: an inner layer most likely went through the same code
    /// page as the layer around it.
    private func detect(
        _ scalars: [Unicode.Scalar], in bounds: Range<Int>, layer: Int,
        preferred: CodePage?
    ) -> [Candidate] {
        let index = CodePageIndex.shared
        var packs: [UInt64] = []
        var candidates: [Candidate] = []
        var quietRuns: [(Range<Int>, [UInt64])] = []
        var position = bounds.lowerBound
        while position < bounds.upperBound {
            let value = scalars[position].value
            let first = value < 0x80 ? 0 : index.packedBytes(of: value)
            if first == 0 {
                position += 1
                continue
            }
            packs.removeAll(keepingCapacity: true)
            packs.append(first)
            var end = position + 1
            while end < bounds.upperBound {
                let next = scalars[end].value
                guard next >= 0x80 else { break }
                let packed = index.packedBytes(of: next)
                guard packed != 0 else { break }
                packs.append(packed)
                end += 1
            }
            // Every cluster, strict or relaxed, is made of sequences that start with a byte of
            // 0xC0 or more followed by one of 0x80-0xBF in one page: a run without such a pair in
            // any page (a word of Cyrillic letters, which Windows-1251 holds at 0xC0-0xFF) has none.
            if end - position >= 2, !passesOverRunsWithoutSequences || Self.mayHoldSequence(packs) {
                let found = examine(
                    scalars, run: position..<end, packs: packs, bounds: bounds, layer: layer,
                    preferred: preferred)
                if found.isEmpty, layer == 0 {
                    quietRuns.append((position..<end, packs))
                } else {
                    candidates += found
                }
            }
            position = end
        }
        if !candidates.isEmpty, !quietRuns.isEmpty {
            candidates += confirmedNearby(scalars, quietRuns: quietRuns, found: candidates, bounds: bounds)
            candidates.sort { $0.start < $1.start }
        }
        return candidates
    }

    /// How near, in scalars on one line, a confirmed finding makes a weaker cluster of its code page
    /// count (less than a window's ASCII context, so windows give what the whole text does).
    private static let confirmationReach = 30

    /// Clusters too weak on their own (`┬╖` between spaces, `Â·` in a list) in runs near a
    /// finding read through the same code page on the same line: the line is known to have gone
    /// through that page, so a plausible cluster of it is reported too.
    private func confirmedNearby(
        _ scalars: [Unicode.Scalar], quietRuns: [(Range<Int>, [UInt64])],
        found: [Candidate], bounds: Range<Int>
    ) -> [Candidate] {
        var result: [Candidate] = []
        // Both lists are in text order: `next` is the first finding after the run, so only the
        // findings on either side of it are looked at (linear time on any input).
        var next = 0
        for (run, packs) in quietRuns {
            while next < found.count, found[next].start < run.upperBound { next += 1 }
            var confirming: CodePage?
            for candidate in [next > 0 ? found[next - 1] : nil, next < found.count ? found[next] : nil].compactMap({ $0 })
            where candidate.repairs.count == 1 && candidate.unsureReason == nil {
                let gap =
                    candidate.end <= run.lowerBound
                    ? candidate.end..<run.lowerBound
                    : run.upperBound <= candidate.start ? run.upperBound..<candidate.start : nil
                guard let gap, gap.count <= Self.confirmationReach,
                    !scalars[gap].contains(where: { $0 == "\n" || $0 == "\r" }),
                    let page = candidate.repairs[0].chain.last
                else { continue }
                confirming = page
                break
            }
            guard let page = confirming else { continue }
            for cluster in clusters(
                scalars, run: run, packs: packs, page: page, bounds: bounds, layer: 0,
                relaxed: true)
            {
                let repairs = peel(cluster, scalars: scalars, bounds: bounds, layer: 0)
                    .filter { !$0.text.unicodeScalars.contains(where: { (0x80...0x9F).contains($0.value) }) }
                guard !repairs.isEmpty else { continue }
                result.append(Candidate(start: cluster.start, end: cluster.end, repairs: repairs))
            }
        }
        return result
    }

    /// Whether some page reads two adjacent characters of the run (their bytes packed a page a
    /// byte, as `CodePageIndex` gives them) as a byte of 0xC0 or more, then one of 0x80-0xBF.
    static func mayHoldSequence(_ packs: [UInt64]) -> Bool {
        let topBits: UInt64 = 0x8080_8080_8080_8080
        var previousLeads: UInt64 = 0
        for packed in packs {
            let top = packed & topBits
            let second = (packed << 1) & topBits
            if previousLeads & top & ~second != 0 { return true }
            previousLeads = top & second
        }
        return false
    }

    /// The reported clusters of one run of characters that some code page can produce.
    private func examine(
        _ scalars: [Unicode.Scalar], run: Range<Int>, packs: [UInt64], bounds: Range<Int>,
        layer: Int, preferred: CodePage?
    ) -> [Candidate] {
        var clusters: [Cluster] = []
        for page in pages {
            clusters += self.clusters(scalars, run: run, packs: packs, page: page, bounds: bounds, layer: layer)
        }
        guard !clusters.isEmpty else { return [] }
        // Strongest first; among equals, the preferred page.
        let order = clusters.indices.sorted { lhs, rhs in
            let a = clusters[lhs], b = clusters[rhs]
            if a.score != b.score { return a.score > b.score }
            if (a.end - a.start) != (b.end - b.start) { return (a.end - a.start) > (b.end - b.start) }
            if a.page != b.page, let preferred, a.page == preferred || b.page == preferred { return a.page == preferred }
            return a.page.rawValue < b.page.rawValue
        }
        var taken: [Candidate] = []
        var chosenRanges: [Range<Int>] = []
        for clusterIndex in order {
            let cluster = clusters[clusterIndex]
            let range = cluster.start..<cluster.end
            if chosenRanges.contains(where: { $0.overlaps(range) }) { continue }
            var repairs: [MojibakeRepair] = []
            for otherIndex in order {
                let other = clusters[otherIndex]
                guard other.start == cluster.start, other.end == cluster.end, other.score == cluster.score else { continue }
                for repair in peel(other, scalars: scalars, bounds: bounds, layer: layer)
                where !repairs.contains(where: { $0.text == repair.text })
                    && !repair.text.unicodeScalars.contains(where: { (0x80...0x9F).contains($0.value) })
                {
                    repairs.append(repair)
                }
            }
            guard !repairs.isEmpty else { continue }
            if repairs.count > 1 { repairs = Self.preferred(repairs, scalars: scalars, range: range, bounds: bounds) }
            chosenRanges.append(range)
            taken.append(Candidate(start: cluster.start, end: cluster.end, repairs: repairs))
        }
        return taken.sorted { $0.start < $1.start }
    }

    /// Of equally scored readings through different code pages, the one the evidence favours, or
    /// all of them when it favours none. Each reading gains a point for every character of it that
    /// its code page has (text written where that code page is used: `č` is a Windows-1250 letter,
    /// `ī` is not an ISO-8859-2 one), and loses one for a letter whose case differs from the
    /// letters around it (`Ê` among lower-case letters) or for a capital after a lower-case letter
    /// inside it (`ծՏվ`), and two for a symbol between letters
    /// (`÷` inside a word). Only a single best reading is kept.
    static func preferred(
        _ repairs: [MojibakeRepair], scalars: [Unicode.Scalar], range: Range<Int>,
        bounds: Range<Int>
    ) -> [MojibakeRepair] {
        let before: Unicode.Scalar? = range.lowerBound > bounds.lowerBound ? scalars[range.lowerBound - 1] : nil
        let after: Unicode.Scalar? = range.upperBound < bounds.upperBound ? scalars[range.upperBound] : nil
        let neighbours = [before, after].compactMap { $0 }.filter { $0.properties.isAlphabetic }
        let lowerAround = !neighbours.isEmpty && neighbours.allSatisfy { $0.properties.isLowercase }
        let upperAround = !neighbours.isEmpty && neighbours.allSatisfy { $0.properties.isUppercase }
        let betweenLetters = !neighbours.isEmpty
        var scores: [Int] = []
        for repair in repairs {
            var score = 0
            let page = repair.chain.first
            var previousIsLowercase = false
            for scalar in repair.text.unicodeScalars {
                if let page, page.encode(scalar.value) != nil { score += 1 }
                let properties = scalar.properties
                // A capital after a lower-case letter inside the repair (`ծՏվ`).
                if previousIsLowercase, properties.isUppercase { score -= 1 }
                previousIsLowercase = properties.isLowercase
                if properties.isAlphabetic {
                    if lowerAround, properties.isUppercase { score -= 1 }
                    if upperAround, properties.isLowercase { score -= 1 }
                } else if betweenLetters, scalar.value >= 0x80 {
                    score -= 2
                }
            }
            scores.append(score)
        }
        guard let best = scores.max() else { return repairs }
        let tied = scores.indices.filter { scores[$0] == best }
        if tied.count == 1 { return [repairs[tied[0]]] }
        return Self.widelyWritten(tied.map { repairs[$0] }) ?? repairs
    }

    /// Of readings that tie, the one whose rarest letter is written in far more languages than
    /// any other reading's (`š` in ten alphabets against `ť` in two; at least twice as many and
    /// two more), or nil when none stands out so.
    static func widelyWritten(_ repairs: [MojibakeRepair]) -> [MojibakeRepair]? {
        let counts = repairs.map { LatinAlphabets.rarestLetterCount($0.text) }
        guard counts.allSatisfy({ $0 != nil }) else { return nil }
        let values = counts.map { $0 ?? 0 }
        guard let best = values.max(), let index = values.firstIndex(of: best) else { return nil }
        let others = values.enumerated().filter { $0.offset != index }.map(\.element)
        guard let runnerUp = others.max(), best >= 2 * runnerUp, best >= runnerUp + 2 else { return nil }
        return [repairs[index]]
    }

    /// The repairs of a cluster, after undoing further layers inside its decoded text.
    private func peel(_ cluster: Cluster, scalars: [Unicode.Scalar], bounds: Range<Int>, layer: Int) -> [MojibakeRepair] {
        let decodedText = Self.string(cluster.decoded[...])
        guard layer + 1 < Self.maximumLayers else {
            return [MojibakeRepair(text: decodedText, chain: [cluster.page])]
        }
        // The decoded text between its neighbours, so that context evidence still applies.
        var inner: [Unicode.Scalar] = []
        inner.reserveCapacity(cluster.decoded.count + 2)
        let hasBefore = cluster.start > bounds.lowerBound
        if hasBefore { inner.append(scalars[cluster.start - 1]) }
        inner += cluster.decoded
        if cluster.end < bounds.upperBound { inner.append(scalars[cluster.end]) }
        let innerBounds = (hasBefore ? 1 : 0)..<((hasBefore ? 1 : 0) + cluster.decoded.count)
        let found = detect(inner, in: innerBounds, layer: layer + 1, preferred: cluster.page)
        guard !found.isEmpty else {
            return [MojibakeRepair(text: decodedText, chain: [cluster.page])]
        }
        // Every combination would be exponential; an ambiguous inner layer keeps two readings: all
        // first choices, and all second choices where there are any.
        var readings: [(text: String, chain: [CodePage])] = []
        for choice in 0..<2 {
            if choice == 1 && !found.contains(where: { $0.repairs.count > 1 }) { break }
            var text = String.UnicodeScalarView()
            var cursor = innerBounds.lowerBound
            var chain: [CodePage] = []
            for candidate in found {
                text.append(contentsOf: inner[cursor..<candidate.start])
                let repair = candidate.repairs[min(choice, candidate.repairs.count - 1)]
                text.append(contentsOf: repair.text.unicodeScalars)
                if repair.chain.count > chain.count { chain = repair.chain }
                cursor = candidate.end
            }
            text.append(contentsOf: inner[cursor..<innerBounds.upperBound])
            readings.append((String(text), chain + [cluster.page]))
        }
        return readings.map { MojibakeRepair(text: $0.text, chain: $0.chain) }
    }

    /// The clusters a page finds in a run, scored, keeping those that pass.
    private func clusters(
        _ scalars: [Unicode.Scalar], run: Range<Int>, packs: [UInt64], page: CodePage,
        bounds: Range<Int>, layer: Int, relaxed: Bool = false
    ) -> [Cluster] {
        var result: [Cluster] = []
        var current: Cluster?
        var points = 0
        var offset = 0
        let count = packs.count
        @inline(__always) func byte(_ at: Int) -> UInt8 { CodePageIndex.byte(packs[at], page) }
        while offset < count {
            let lead = byte(offset)
            var length = Self.sequenceLength(lead)
            var decodedScalar: Unicode.Scalar?
            if lead == 0xED, offset + 6 <= count, let pair = Self.decodeSurrogatePair(at: offset, byte) {
                // CESU-8 (Java's modified UTF-8): a supplementary character as two 3-byte surrogates.
                decodedScalar = pair
                length = 6
            } else if length > 1, offset + length <= count {
                decodedScalar = Self.decode(length, at: offset, byte)
            }
            guard let scalar = decodedScalar else {
                offset += 1
                continue
            }
            let start = run.lowerBound + offset
            var sequencePoints: Int
            if length >= 3 {
                sequencePoints = length == 6 ? 8 : 4
            } else {
                let continuation = scalars[start + 1]
                sequencePoints = MojibakeEvidence.continuationPoints(continuation)
                if MojibakeEvidence.isCommonLead(lead) { sequencePoints += 1 }
                // "Â" then a symbol: UTF-8 for U+00A0-U+00BF; real words put letters after "Â".
                if scalars[start] == "\u{C2}", !continuation.properties.isAlphabetic { sequencePoints += 1 }
            }
            if var open = current, open.end == start {
                open.end = start + length
                open.decoded.append(scalar)
                current = open
                points += sequencePoints
            } else {
                if let open = current,
                    let kept = score(open, points: points, scalars: scalars, bounds: bounds, layer: layer, relaxed: relaxed)
                {
                    result.append(kept)
                }
                current = Cluster(page: page, start: start, end: start + length, decoded: [scalar], score: 0)
                points = sequencePoints
            }
            offset += length
        }
        if let open = current,
            let kept = score(open, points: points, scalars: scalars, bounds: bounds, layer: layer, relaxed: relaxed)
        {
            result.append(kept)
        }
        return result
    }

    /// The cluster with its final score, or nil when it is not reported.
    private func score(
        _ cluster: Cluster, points: Int, scalars: [Unicode.Scalar], bounds: Range<Int>,
        layer: Int, relaxed: Bool = false
    ) -> Cluster? {
        let before: Unicode.Scalar? = cluster.start > bounds.lowerBound ? scalars[cluster.start - 1] : nil
        let after: Unicode.Scalar? = cluster.end < bounds.upperBound ? scalars[cluster.end] : nil
        // The repair must be text someone could have written.
        // C1 controls may stand for bytes of a further layer (Windows-1252 reads its undefined
        // bytes as C1 controls); repairs that still hold one are dropped after peeling.
        var previous = before
        let mayPeel = layer + 1 < Self.maximumLayers
        for scalar in cluster.decoded {
            let isControlOfAnotherLayer = mayPeel && (0x80...0x9F).contains(scalar.value)
            if !isControlOfAnotherLayer, !MojibakeEvidence.isPlausible(scalar, after: previous) { return nil }
            previous = scalar
        }
        var total = points
        let first = scalars[cluster.start]
        let last = scalars[cluster.end - 1]
        // Inside a word: a lower-case letter, then a capital or a symbol.
        if let before, before.properties.isLowercase,
            first.properties.isUppercase || !first.properties.isAlphabetic
        {
            total += 1
        }
        // A symbol, then a lower-case letter (not an upper-case word's ’s).
        if let after, after.properties.isLowercase, !last.properties.isAlphabetic,
            !(last == "\u{2019}" && (before?.properties.isUppercase ?? false))
        {
            total += 1
        }
        total += shapeEvidence(cluster, scalars: scalars, before: before, after: after)
        // Near a confirmed finding the neighbouring letters are often mojibake themselves: their
        // script says nothing against the repair.
        let fit = scriptFit(cluster, scalars: scalars, bounds: bounds)
        total += relaxed ? max(0, fit) : fit
        let threshold: Int
        if layer > 0 || relaxed {
            threshold = 1
        } else {
            // Other code pages need more, except inside a lower-case word, where their capitals and
            // symbols stand out as well (`fangĹł`, `hititƒÉ`).
            let insideLowercaseWord = before?.properties.isLowercase ?? false
            threshold = (cluster.page == .windows1252 || cluster.page == .latin1 || insideLowercaseWord) ? 3 : 4
        }
        guard total >= threshold else { return nil }
        var scored = cluster
        scored.score = total
        return scored
    }

    /// Points from the shape of the word around a cluster, which real text does not have:
    /// - an ASCII letter straight after it, or a letter of the repair's own script: a lead letter
    ///   and a continuation symbol inside a word (`ESPAÃ‘A`, `ÄŒesko`, `Ä°zmir`, `Ä…Ĺľuolas`);
    /// - a math symbol of the code page straight after a letter (`pi√π`, Mac Roman's lead bytes);
    /// - box drawing touching an ASCII letter (`D├│nde`, code page 437's lead bytes).
    private func shapeEvidence(
        _ cluster: Cluster, scalars: [Unicode.Scalar], before: Unicode.Scalar?,
        after: Unicode.Scalar?
    ) -> Int {
        var points = 0
        let first = scalars[cluster.start]
        // Several sequences in a row, each well-formed (`╬£╬┐╬│`): real text rarely alternates so.
        points += min(3, cluster.decoded.count - 1)
        // A capital straight after a lower-case letter inside the cluster (`ƒÉ`).
        var previous = before
        for scalar in scalars[cluster.start..<cluster.end] {
            if let previous, previous.properties.isLowercase, scalar.properties.isUppercase, scalar != first {
                points += 1
                break
            }
            previous = scalar
        }
        // An upper-case word, then an apostrophe and "s" ("SODANKYLÄ’s") is English, not a sequence.
        let last = scalars[cluster.end - 1]
        let isPossessive = last == "\u{2019}" && (before?.properties.isUppercase ?? false)
        if let after, after.properties.isAlphabetic, !isPossessive {
            let afterClass = ScriptClass(after)
            if after.isASCII {
                // A repair that is a mark or a letter of another script is no word with the
                // letter after it (`ZVÝŠENÍ` would read as a Syriac mark).
                let readsAsLatin = cluster.decoded.allSatisfy { scalar in
                    let kind = ScriptClass(scalar)
                    return kind == .latin || (kind == .none && !Self.isMark(scalar))
                }
                if readsAsLatin { points += 2 }
            } else if afterClass.isLetter,
                cluster.decoded.contains(where: { ScriptClass($0).isCompatible(with: afterClass) }),
                !Self.mojibakeClass(cluster, scalars: scalars).isCompatible(with: afterClass)
            {
                points += 1
            }
        }
        if let before, before.properties.isAlphabetic, first.properties.generalCategory == .mathSymbol {
            points += 1
        }
        // An upper-case word that ends in a single lower-case letter (`ØÆÅ™` as `ØÆř`) is no word.
        if let before, before.properties.isUppercase, cluster.decoded.count == 1,
            cluster.decoded[0].properties.isLowercase, !(after?.properties.isAlphabetic ?? false)
        {
            points -= 1
        }
        let touchesLetter =
            (before.map { $0.isASCII && $0.properties.isAlphabetic } ?? false)
            || (after.map { $0.isASCII && $0.properties.isAlphabetic } ?? false)
        if touchesLetter, (0x2500...0x259F).contains(first.value) || (0x2500...0x259F).contains(scalars[cluster.end - 1].value) {
            points += 2
        }
        return points
    }

    /// 0 when the decoded letters fit the script around them, negative when they do not (a Latin
    /// letter inside Cyrillic words, a lone Arabic letter inside Latin text).
    private func scriptFit(_ cluster: Cluster, scalars: [Unicode.Scalar], bounds: Range<Int>) -> Int {
        var decodedClass: ScriptClass?
        var sameClassLetters = 0
        for scalar in cluster.decoded {
            let kind = ScriptClass(scalar)
            guard kind.isLetter else { continue }
            if decodedClass == nil { decodedClass = kind }
            if let decodedClass, kind.isCompatible(with: decodedClass) { sameClassLetters += 1 }
        }
        guard let decodedClass else { return 0 }
        let neighbours = [
            neighbourLetterClass(scalars, from: cluster.start - 1, step: -1, bounds: bounds),
            neighbourLetterClass(scalars, from: cluster.end, step: 1, bounds: bounds),
        ]
        .compactMap { $0 }
        if decodedClass == .latin {
            if !neighbours.isEmpty, neighbours.allSatisfy({ $0 != .latin }) { return -2 }
            return 0
        }
        // A repair in the script of the words around it (`Ð°` among Cyrillic words, `Ø®` among
        // Arabic ones), where the mojibake's Latin letters stood out.
        if neighbours.contains(where: { $0.isCompatible(with: decodedClass) }) {
            return neighbours.contains(where: { Self.mojibakeClass(cluster, scalars: scalars).isCompatible(with: $0) }) ? 0 : 1
        }
        return sameClassLetters >= 2 ? 0 : -2
    }

    /// The class of the nearest letter in one direction on the same line (a few characters at most).
    private func neighbourLetterClass(
        _ scalars: [Unicode.Scalar], from start: Int, step: Int,
        bounds: Range<Int>
    ) -> ScriptClass? {
        var index = start
        var looked = 0
        while index >= bounds.lowerBound, index < bounds.upperBound, looked < 16 {
            let scalar = scalars[index]
            if scalar == "\n" || scalar == "\r" { return nil }
            let kind = ScriptClass(scalar)
            if kind.isLetter { return kind }
            index += step
            looked += 1
        }
        return nil
    }

    // MARK: - UTF-8

    @inline(__always)
    static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return 0
        }
    }

    /// The scalar of a well-formed sequence of `length` bytes (RFC 3629), or nil.
    @inline(__always)
    static func decode(_ length: Int, at offset: Int, _ byte: (Int) -> UInt8) -> Unicode.Scalar? {
        let lead = byte(offset)
        let second = byte(offset + 1)
        let low: UInt8, high: UInt8
        switch lead {
        case 0xE0: (low, high) = (0xA0, 0xBF)
        case 0xED: (low, high) = (0x80, 0x9F)
        case 0xF0: (low, high) = (0x90, 0xBF)
        case 0xF4: (low, high) = (0x80, 0x8F)
        default: (low, high) = (0x80, 0xBF)
        }
        guard second >= low, second <= high else { return nil }
        var value: UInt32
        switch length {
        case 2:
            value = UInt32(lead & 0x1F)
        case 3:
            value = UInt32(lead & 0x0F)
        default:
            value = UInt32(lead & 0x07)
        }
        value = (value << 6) | UInt32(second & 0x3F)
        for extra in 2..<max(length, 2) {
            let next = byte(offset + extra)
            guard next >= 0x80, next <= 0xBF else { return nil }
            value = (value << 6) | UInt32(next & 0x3F)
        }
        return Unicode.Scalar(value)
    }

    /// The script of the cluster's first letter as it stands (`.none` without letters).
    private static func mojibakeClass(_ cluster: Cluster, scalars: [Unicode.Scalar]) -> ScriptClass {
        for scalar in scalars[cluster.start..<cluster.end] {
            let kind = ScriptClass(scalar)
            if kind.isLetter { return kind }
        }
        return .none
    }

    @inline(__always)
    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// The supplementary scalar of a CESU-8 surrogate pair (ED A0-AF xx ED B0-BF xx), or nil.
    @inline(__always)
    static func decodeSurrogatePair(at offset: Int, _ byte: (Int) -> UInt8) -> Unicode.Scalar? {
        let b1 = byte(offset + 1), b2 = byte(offset + 2), b4 = byte(offset + 4), b5 = byte(offset + 5)
        guard (0xA0...0xAF).contains(b1), (0x80...0xBF).contains(b2), byte(offset + 3) == 0xED,
            (0xB0...0xBF).contains(b4), (0x80...0xBF).contains(b5)
        else { return nil }
        let high = 0xD000 | (UInt32(b1 & 0x3F) << 6) | UInt32(b2 & 0x3F)
        let low = 0xD000 | (UInt32(b4 & 0x3F) << 6) | UInt32(b5 & 0x3F)
        return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
    }

    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
