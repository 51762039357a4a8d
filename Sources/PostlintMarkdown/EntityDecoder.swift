/// HTML character references: numeric ones in full, named ones from a table of the common names
/// (the Latin-1 set, typographic punctuation, Greek letters and a few symbols). A name outside the
/// table is left as written, as if it were not a reference.
enum EntityDecoder {
    /// Decodes the reference starting at `bytes[index]` (an `&`): the text it stands for and the
    /// index after its `;`, or nil when there is no valid reference there.
    static func decode(_ bytes: [UInt8], at index: Int, end: Int) -> (text: String, next: Int)? {
        guard index + 2 < end, bytes[index] == ASCII.ampersand else { return nil }
        var cursor = index + 1
        if bytes[cursor] == ASCII.hash {
            cursor += 1
            var value: UInt32 = 0
            var digits = 0
            let isHex = cursor < end && (bytes[cursor] | 0x20) == 0x78
            if isHex { cursor += 1 }
            let maxDigits = isHex ? 6 : 7
            while cursor < end, digits <= maxDigits {
                let byte = bytes[cursor]
                if isHex, ASCII.isHexDigit(byte) {
                    let digit = ASCII.isDigit(byte) ? byte - 0x30 : (byte | 0x20) - 0x61 + 10
                    value = value * 16 + UInt32(digit)
                } else if !isHex, ASCII.isDigit(byte) {
                    value = value * 10 + UInt32(byte - 0x30)
                } else {
                    break
                }
                digits += 1
                cursor += 1
            }
            guard digits >= 1, digits <= maxDigits, cursor < end, bytes[cursor] == ASCII.semicolon else { return nil }
            let scalar = (value == 0 ? nil : Unicode.Scalar(value)) ?? "\u{FFFD}"
            return (String(Character(scalar)), cursor + 1)
        }
        let nameStart = cursor
        while cursor < end, cursor - nameStart <= 32, ASCII.isAlphanumeric(bytes[cursor]) { cursor += 1 }
        guard cursor > nameStart, cursor < end, bytes[cursor] == ASCII.semicolon else { return nil }
        let name = String(decoding: bytes[nameStart..<cursor], as: UTF8.self)
        guard let text = named[name] else { return nil }
        return (text, cursor + 1)
    }

    /// The text of `bytes[range]` with its character references replaced.
    static func decodeAll(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        guard bytes[range].contains(ASCII.ampersand) else { return String(decoding: bytes[range], as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            if bytes[index] == ASCII.ampersand, let (decoded, next) = decode(bytes, at: index, end: range.upperBound) {
                output.append(contentsOf: decoded.utf8)
                index = next
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    static let named: [String: String] = {
        var table: [String: String] = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
            "ndash": "\u{2013}", "mdash": "\u{2014}", "lsquo": "\u{2018}", "rsquo": "\u{2019}",
            "sbquo": "\u{201A}", "ldquo": "\u{201C}", "rdquo": "\u{201D}", "bdquo": "\u{201E}",
            "hellip": "\u{2026}", "bull": "\u{2022}", "dagger": "\u{2020}", "Dagger": "\u{2021}",
            "permil": "\u{2030}", "prime": "\u{2032}", "Prime": "\u{2033}", "lsaquo": "\u{2039}",
            "rsaquo": "\u{203A}", "euro": "\u{20AC}", "trade": "\u{2122}", "larr": "\u{2190}",
            "uarr": "\u{2191}", "rarr": "\u{2192}", "darr": "\u{2193}", "harr": "\u{2194}",
            "rArr": "\u{21D2}", "lArr": "\u{21D0}", "hArr": "\u{21D4}", "minus": "\u{2212}",
            "times": "\u{D7}", "divide": "\u{F7}", "infin": "\u{221E}", "ne": "\u{2260}",
            "le": "\u{2264}", "ge": "\u{2265}", "asymp": "\u{2248}", "sum": "\u{2211}",
            "prod": "\u{220F}", "radic": "\u{221A}", "part": "\u{2202}", "int": "\u{222B}",
            "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}", "zwnj": "\u{200C}",
            "zwj": "\u{200D}", "lrm": "\u{200E}", "rlm": "\u{200F}", "shy": "\u{AD}",
            "OElig": "\u{152}", "oelig": "\u{153}", "Scaron": "\u{160}", "scaron": "\u{161}",
            "Yuml": "\u{178}", "fnof": "\u{192}", "circ": "\u{2C6}", "tilde": "\u{2DC}",
            "Dcaron": "\u{10E}", "dcaron": "\u{10F}", "HilbertSpace": "\u{210B}",
            "DifferentialD": "\u{2146}", "ClockwiseContourIntegral": "\u{2232}", "ngE": "\u{2267}\u{338}",
            "spades": "\u{2660}", "clubs": "\u{2663}", "hearts": "\u{2665}", "diams": "\u{2666}",
        ]
        // Latin-1 supplement, U+00A1 to U+00FF, by their HTML names in code point order.
        let latin1 = """
            iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn \
            sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest \
            Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute \
            Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml \
            Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc \
            euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash \
            ugrave uacute ucirc uuml yacute thorn yuml
            """
        for (offset, name) in latin1.split(separator: " ").enumerated() {
            if let scalar = Unicode.Scalar(UInt32(0xA1 + offset)) { table[String(name)] = String(Character(scalar)) }
        }
        // Greek letters: capitals U+0391..., small U+03B1... (final sigma and the gap at U+03A2 kept).
        let greek = [
            "Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa",
            "Lambda", "Mu", "Nu", "Xi", "Omicron", "Pi", "Rho", "", "Sigma", "Tau", "Upsilon", "Phi",
            "Chi", "Psi", "Omega",
        ]
        for (offset, name) in greek.enumerated() where !name.isEmpty {
            if let upper = Unicode.Scalar(UInt32(0x391 + offset)) { table[name] = String(Character(upper)) }
            if let lower = Unicode.Scalar(UInt32(0x3B1 + offset)) { table[name.lowercased()] = String(Character(lower)) }
        }
        table["sigmaf"] = "\u{3C2}"
        return table
    }()
}
