extension MojibakeDetector {
    /// How far apart, in scalars, two findings on one line may be and still agree (less than a
    /// window's ASCII context, so windows give what the whole text does).
    static let agreementReach = 30

    /// The findings, each read through the code page the findings near it on its line went
    /// through where that decides between readings: a line is mis-decoded through one code page,
    /// so `Ă–`, which only Windows-1250 reads (as `Ö`), makes `Ăś` beside it `Ü` through
    /// Windows-1250 rather than `ö` through ISO-8859-2. A finding changes only when exactly one of
    /// its readings is supported by more neighbours (within `agreementReach`) than any other.
    /// Only findings with a single reading vote; findings of more than one layer, with damage
    /// beyond the mis-decoding, or unsure, neither vote nor change.
    func agreeingWithTheirLines(_ scalars: [Unicode.Scalar], _ candidates: [Candidate]) -> [Candidate] {
        guard candidates.count >= 2 else { return candidates }
        var lines: [Int] = []
        lines.reserveCapacity(candidates.count)
        var line = 0
        var cursor = 0
        for candidate in candidates {
            while cursor < candidate.start {
                if scalars[cursor] == "\n" { line += 1 }
                cursor += 1
            }
            lines.append(line)
        }
        let readings: [[PageReading]?] = candidates.map { candidate in
            guard candidate.unsureReason == nil,
                candidate.repairs.allSatisfy({ $0.chain.count == 1 && $0.note == nil })
            else { return nil }
            let found = singleLayerReadings(scalars[candidate.start..<candidate.end])
            guard candidate.repairs.allSatisfy({ repair in found.contains { $0.text == repair.text } }) else { return nil }
            return found
        }
        // The pages a finding with one reading stands for (a finding decided between readings by
        // weaker evidence does not vote, or two such findings could each turn the other).
        let claimed: [UInt16] = readings.map { found in
            guard let found, found.count == 1 else { return 0 }
            return found[0].pages
        }
        var result = candidates
        for index in candidates.indices {
            guard let own = readings[index], own.count >= 2 else { continue }
            var neighbours: [UInt16] = []
            var back = index - 1
            while back >= 0, lines[back] == lines[index],
                candidates[index].start - candidates[back].end <= Self.agreementReach
            {
                if claimed[back] != 0 { neighbours.append(claimed[back]) }
                back -= 1
            }
            var ahead = index + 1
            while ahead < candidates.count, lines[ahead] == lines[index],
                candidates[ahead].start - candidates[index].end <= Self.agreementReach
            {
                if claimed[ahead] != 0 { neighbours.append(claimed[ahead]) }
                ahead += 1
            }
            guard !neighbours.isEmpty else { continue }
            let support = own.map { reading in neighbours.filter { $0 & reading.pages != 0 }.count }
            guard let best = support.max(), best > 0 else { continue }
            let top = support.indices.filter { support[$0] == best }
            guard top.count == 1 else { continue }
            let chosen = own[top[0]]
            if candidates[index].repairs.count == 1, candidates[index].repairs[0].text == chosen.text { continue }
            let supported = neighbours.reduce(UInt16(0)) { $0 | $1 } & chosen.pages
            guard let page = pages.first(where: { supported & (1 << UInt16($0.rawValue)) != 0 }) else { continue }
            result[index].repairs = [MojibakeRepair(text: chosen.text, chain: [page])]
        }
        return result
    }

    /// One text a run of characters reads as through one layer, and the pages (bits by raw value)
    /// that give it.
    struct PageReading {
        var text: String
        var pages: UInt16
    }

    /// The distinct plausible texts `run` reads as through each of the detector's code pages: its
    /// bytes in the page, read as UTF-8 (well-formed, no C1 controls, no implausible characters).
    func singleLayerReadings(_ run: ArraySlice<Unicode.Scalar>) -> [PageReading] {
        var result: [PageReading] = []
        var bytes: [UInt8] = []
        bytes.reserveCapacity(run.count)
        for page in pages {
            bytes.removeAll(keepingCapacity: true)
            var encodable = true
            for scalar in run {
                guard let byte = page.encode(scalar.value) else {
                    encodable = false
                    break
                }
                bytes.append(byte)
            }
            guard encodable, let text = Self.plausibleUTF8(bytes) else { continue }
            let bit = UInt16(1) << UInt16(page.rawValue)
            if let existing = result.firstIndex(where: { $0.text == text }) {
                result[existing].pages |= bit
            } else {
                result.append(PageReading(text: text, pages: bit))
            }
        }
        return result
    }

    /// `bytes` as text when they are well-formed UTF-8 (RFC 3629) of plausible characters with at
    /// least one multi-byte sequence, else nil.
    static func plausibleUTF8(_ bytes: [UInt8]) -> String? {
        var view = String.UnicodeScalarView()
        var offset = 0
        var previous: Unicode.Scalar?
        var sawSequence = false
        while offset < bytes.count {
            let lead = bytes[offset]
            let scalar: Unicode.Scalar
            if lead < 0x80 {
                scalar = Unicode.Scalar(lead)
                offset += 1
            } else {
                let length = sequenceLength(lead)
                guard length > 1, offset + length <= bytes.count,
                    let decoded = decode(length, at: offset, { bytes[$0] })
                else { return nil }
                guard !(0x80...0x9F).contains(decoded.value),
                    MojibakeEvidence.isPlausible(decoded, after: previous)
                else { return nil }
                scalar = decoded
                offset += length
                sawSequence = true
            }
            view.append(scalar)
            previous = scalar
        }
        return sawSequence ? String(view) : nil
    }
}
