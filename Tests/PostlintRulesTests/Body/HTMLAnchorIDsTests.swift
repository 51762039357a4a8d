import Testing
import PostlintTestSupport
@testable import PostlintRules

/// HTML `id` and `name` values, found from each `=`: held to a byte-by-byte scan (each `i` or `n`
/// after a blank tried as an attribute's start) on written cases and on seeded random text made of
/// the characters that matter.
@Suite struct HTMLAnchorIDsTests {
    /// Every attribute start tried in turn; after an attribute's value, the scan resumes at its end.
    static func reference(_ bytes: [UInt8]) -> Set<String> {
        var ids: Set<String> = []
        var index = 1
        while index < bytes.count {
            let blankBefore = [0x20, 0x09, 0x0A].contains(bytes[index - 1])
            var matchedEnd: Int?
            for name in ["id", "name"] where blankBefore {
                let end = index + name.utf8.count
                if end <= bytes.count, zip(bytes[index..<end], name.utf8).allSatisfy({ $0 | 0x20 == $1 }) { matchedEnd = end }
            }
            // Spaces and tabs may stand on either side of the `=` (`name = "x"`).
            var equals = matchedEnd ?? bytes.count
            while equals < bytes.count, bytes[equals] == 0x20 || bytes[equals] == 0x09 { equals += 1 }
            var open = equals + 1
            while open < bytes.count, bytes[open] == 0x20 || bytes[open] == 0x09 { open += 1 }
            guard matchedEnd != nil, open < bytes.count, bytes[equals] == 0x3D,
                bytes[open] == 0x22 || bytes[open] == 0x27
            else {
                index += 1
                continue
            }
            let quote = bytes[open]
            var close = open + 1
            while close < bytes.count, bytes[close] != quote, bytes[close] != 0x0A { close += 1 }
            if close < bytes.count, bytes[close] == quote, close > open + 1 {
                ids.insert(String(decoding: bytes[(open + 1)..<close], as: UTF8.self))
            }
            index = max(close, index + 1)
        }
        return ids
    }

    @Test(arguments: [
        #"<a id="top"></a> <span NAME='old'>x</span>"#,
        #"<div\#tid="tabbed">"#, "text id=\"x\"\nname=\"y\"", #"<p id="a name='inner'">"#,
        #"<p id="" name="unterminated"#, #"ids="no" grid="no" id=unquoted id = "spaced""#,
        "id=\"line\nbreak\" id=\"after\"", #"id="first"id="glued""#,
    ])
    func writtenCasesAsTheReference(_ text: String) {
        #expect(HTMLAnchorIDs.ids(in: Array(text.utf8)) == Self.reference(Array(text.utf8)))
    }

    @Test func writtenCasesFindTheirIDs() {
        #expect(HTMLAnchorIDs.ids(in: Array(#"<a id="top"></a> <span NAME='old'>"#.utf8)) == ["top", "old"])
        #expect(HTMLAnchorIDs.ids(in: Array(#"<p id="a name='inner'">"#.utf8)) == ["a name='inner'"])
        // HTML allows blanks around the `=`: `<a name ="note_G">`, `<a name = "options">`.
        #expect(HTMLAnchorIDs.ids(in: Array(#"<a name ="note_G"></a> <a name = "options">"#.utf8)) == ["note_G", "options"])
        #expect(HTMLAnchorIDs.ids(in: Array("<a id\t=\t'tabbed'>".utf8)) == ["tabbed"])
    }

    @Test func randomTextAsTheReference() {
        var random = SeededRandom(seed: 17)
        let alphabet = Array("idnameIDNAME=\"' \n\tx<>".utf8)
        for _ in 0..<3000 {
            let length = Int(random.next() % 40)
            let bytes = (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            #expect(
                HTMLAnchorIDs.ids(in: bytes) == Self.reference(bytes),
                "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
        }
    }
}
