import Testing
@testable import PostlintEncoding

/// One case per class of damage the detector handles, each inside a sentence of otherwise correct
/// text: it is found, and applying the fixable repairs gives back the original exactly.
struct MojibakeClassTests {
    static func repaired(_ text: String, _ findings: [MojibakeFinding]) -> String {
        var bytes = Array(text.utf8)
        for finding in findings.reversed() where finding.isFixable {
            bytes.replaceSubrange(finding.range, with: Array(finding.repairs[0].text.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static let damaged: [(broken: String, original: String)] = [
        ("ÄŒesko", "Česko"), ("Å\u{A0}iauliai", "Šiauliai"), ("MÃœNCHEN", "MÜNCHEN"), ("ESPAÃ‘A", "ESPAÑA"),
        ("Ä°zmir", "İzmir"), ("Ä…Ĺľuolas", "ąžuolas"), ("Stra√üe", "Straße"), ("pi√π", "più"), ("Rƒ´ga", "Rīga"),
        ("┬┐D├│nde", "¿Dónde"), ("┼╜i┼╛ek", "Žižek"), ("í\u{A0}½í¸€", "😀"), ("\u{84}Guten Tag\u{93}", "„Guten Tag“"),
        ("Ã  la carte", "à la carte"), ("Å iauliai", "Šiauliai"), ("â€œquotedâ€\u{FFFD}", "“quoted”"), ("10Â km", "10\u{A0}km"),
        // `ĹĄ` reads as `š` (ISO-8859-2) or `ť` (Windows-1250): `š` is written in far more languages.
        ("tokelauĹĄtina", "tokelauština"),
        // `Ăś` reads as `Ü` (Windows-1250) or `ö` (ISO-8859-2); `Ă–` only through Windows-1250 decides.
        ("Ăśbeydullah Ă–calan", "Übeydullah Öcalan"),
        // ISO-8859-2 text shown as Windows-1252; KOI8-R text shown as Windows-1251.
        ("Za¿ó³æ gê¶l± ja¼ñ", "Zażółć gęślą jaźń"), ("тПУУЙС Й уЙВЙТШ", "Россия и Сибирь"),
        // Single KOI8 words, decided by the pairs of letters they are made of.
        // ISO-8859-2 words whose letters no alphabet joins so (è before a vowel, ñ last, æ after a vowel).
        ("oromèina", "oromčina"), ("Lidija Kokanoviæ", "Lidija Kokanović"), ("Toruñ", "Toruń"),
        ("©panielsko", "Španielsko"), ("Robert ®ák", "Robert Žák"), ("Udièa", "Udiča"),
        // ř before a vowel (ø), ň before o, u or a long vowel (ò), č before a vowel but o (è), in short words too.
        ("Nýøany", "Nýřany"), ("BEDØICH STRNAD", "BEDŘICH STRNAD"), ("PETER DAÒO", "PETER DAŇO"), ("Turòou", "Turňou"),
        ("èina", "čina"), ("Klapaèová", "Klapačová"),
        // Romanian ă last, Polish ę before z, Czech ů before v, Slovenian and Croatian č before j, ki or last after i.
        ("tuvanã", "tuvană"), ("FRANCEZÃ", "FRANCEZĂ"), ("jêzyk", "język"), ("Králùv Dvùr", "Králův Dvůr"),
        ("obmoèje", "območje"), ("NJEMAÈKI", "NJEMAČKI"), ("Ernest Gregoriè", "Ernest Gregorič"),
        ("angliètina", "angličtina"), ("Grèka", "Grčka"), ("Horváth Ernõné", "Horváth Ernőné"),
        ("Mindszentkõrös", "Mindszentkőrös"),
        ("оЙЛБТБЗХБ", "Никарагуа"), ("УЙТЙКУЛЙК", "сирийский"), ("ВТЕФПОУЛЙК", "бретонский"),
    ]

    @Test(arguments: damaged)
    func foundAndRepairedInASentence(_ item: (broken: String, original: String)) {
        let text = "We went to " + item.broken + " last week."
        let findings = MojibakeDetector().findings(in: text)
        #expect(!findings.isEmpty, "not found: \(item.broken)")
        #expect(Self.repaired(text, findings) == "We went to " + item.original + " last week.")
    }

    @Test(arguments: ["ÄŒesko", "MÃœNCHEN", "Ä°zmir", "Stra√üe", "┬┐D├│nde", "\u{84}Guten Tag\u{93}"])
    func foundAsASingleWord(_ word: String) {
        #expect(!MojibakeDetector().findings(in: word).isEmpty)
    }

    static let clean = [
        "NÃO! SÃO PAULO. IRMÃ… CAFÉ™ ┌──┐", "IRMÃ E MÃE", "Å være eller ikke være", "Sagt er sagt. Å gå der er fint, å bo i Å.",
        "Ærø og Åsa købte ØL…",
        "Straße „Fuß“ Maß", "x√y ≈ 2", "├── Sources\n│   └── main.swift", "Ещё ВЁСНА и ЁЛКА", "Tiếng Việt: Ão",
        "România: ȘTIINȚĂ și țară", "½ ± 2 °C © ™", "“quoted” text — fine",
        "¿Dónde está? ¡Olé!", "col·lecció, Paral·lel", "5 µm, 12 m², 3 km³, Intel® Core", "СССР и США, ВКонтакте",
        "Курс йен к доллару", "ООО «Ромашка»",
        "Èdè Yorùbá", "con mèo và hòa bình", "nghèo, còi, tòa, Øyvind, Øivind, søen, Bodø", "Bùi Thị Xuân, trình, dùng",
        "irmã, alemã, maçã, Satã, Teerã, pangasinã, Canaã", "empêche, fête, português, você",
        "informações, põe, Tõnu, Põltsamaa, Kõrveküla, rõ ràng", "sintètic, poètica, complète, Èkó",
        "Èkó, Yorùbá, più, così, cioè, caffè", "œuvre, cœur, Œdipe", "España, señor, niño", "Ærø og Frederiksværk",
    ]

    @Test(arguments: clean)
    func cleanTextIsLeftAlone(_ text: String) {
        #expect(MojibakeDetector().findings(in: text).isEmpty)
    }

    /// A word whose Windows-1252 bytes are well-formed UTF-8 that reads well (`Ê¼`: `ʼ`, the
    /// modifier letter apostrophe) is UTF-8 read as Windows-1252 if anything, never Central European
    /// text saved in a single-byte page: a decided word beside it (`Za¿ó³æ`) gives it no
    /// single-byte repair (`Ęź`).
    @Test(arguments: ["Za¿ó³æ Ê¼", "Za¿ó³æ naÊ¼vi", "gê¶l± Ê» ja¼ñ", "Za¿ó³æ ÊŸ"])
    func utf8ReadingIsNoSingleByteRepair(_ text: String) {
        let findings = MojibakeDetector().findings(in: text)
        #expect(findings.contains { $0.original == "Za¿ó³æ" || $0.original == "gê¶l±" })
        for finding in findings where finding.original.unicodeScalars.contains(where: { [0xCA].contains($0.value) }) {
            #expect(
                !finding.repairs.contains { $0.note?.contains("shown as Windows-1252") ?? false },
                "\(finding.original) -> \(finding.repairs.map(\.text))")
        }
    }

    /// A byte Windows-1252 leaves undefined, replaced: found, but no repair is offered as exact.
    @Test func lostByteIsReportedUnsure() throws {
        let findings = MojibakeDetector().findings(in: "The city of Ã\u{FFFD}vila is old.")
        let finding = try #require(findings.first)
        #expect(finding.unsureReason != nil)
        #expect(!finding.isFixable)
        #expect(finding.repairs.map(\.text).contains("Á"))
    }
}

/// Hostile input: many weak clusters among many findings in one window (no line feed) stays
/// linear; every weak cluster near a finding is reported.
struct MojibakeHostileInputTests {
    @Test func manyWeakClustersBesideFindingsInOneLine() {
        let unit = "cafÃ© ┬╖ Ð° Ã  "
        let text = String(repeating: unit, count: 20_000)
        let findings = MojibakeDetector().findings(in: text)
        // Each unit: "Ã©" and "Ã " are found on their own, "Ð°" through them (Windows-1252);
        // "┬╖" would be code page 437, which nothing near it confirms.
        #expect(findings.count == 3 * 20_000)
        #expect(findings.filter { $0.original == "┬╖" }.isEmpty)
    }
}
