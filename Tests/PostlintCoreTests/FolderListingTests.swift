import Testing
import PostlintCore

@Suite struct FolderListingTests {
    @Test func findsNamesExactlyAndInOtherLetterCase() {
        let listing = FolderListing(["Photo.PNG", "cover.jpg", "photo.png.bak"])
        #expect(listing.contains("cover.jpg"))
        #expect(!listing.contains("Cover.jpg"))
        #expect(listing.name(matchingIgnoringCase: "Cover.JPG") == "cover.jpg")
        #expect(listing.name(matchingIgnoringCase: "photo.png") == "Photo.PNG")
        #expect(listing.name(matchingIgnoringCase: "cover.jpg") == nil, "an exact name is not a letter-case match")
        #expect(listing.name(matchingIgnoringCase: "missing.png") == nil)
    }

    /// Two names that differ only in case (possible on case-sensitive file systems): the answer is
    /// the first in sorted order, whatever order the folder lists them in.
    @Test func theLetterCaseMatchDoesNotDependOnListingOrder() {
        let one = FolderListing(["b.PNG", "B.png", "b.Png"])
        let other = FolderListing(["b.Png", "b.PNG", "B.png"])
        #expect(one.name(matchingIgnoringCase: "b.png") == "B.png")
        #expect(other.name(matchingIgnoringCase: "b.png") == "B.png")
    }

    /// The entries a walk keeps come out in byte order (upper case before lower, accents after
    /// ASCII), filtered on their bytes and kinds, with their kinds.
    @Test func sortedEntriesAreFilteredAndInByteOrder() {
        let names = ["b.md", "\u{E9}t\u{E9}.md", "A.md", "images", "a.md", "cover.png", ".hidden", "link.md"]
        let listing = FolderListing(names, directories: ["images", ".hidden"], unresolved: ["link.md"])
        let kept = listing.sortedEntries { name, kind in
            name.first != UInt8(ascii: ".") && (kind != .file || name.last == UInt8(ascii: "d"))
        }
        #expect(kept.map(\.name) == ["A.md", "a.md", "b.md", "images", "link.md", "\u{E9}t\u{E9}.md"])
        #expect(kept.map(\.entry) == [.file, .file, .file, .directory, .unknown, .file])
        #expect(FolderListing([]).sortedEntries { _, _ in true }.isEmpty)
    }

    @Test func kindsComeFromTheEntryTypesWhenKnown() {
        let listing = FolderListing(["a.png", "images", "link.png"], directories: ["images"], unresolved: ["link.png"])
        #expect(listing.kind(of: "a.png") == .file)
        #expect(listing.kind(of: "images") == .directory)
        #expect(listing.kind(of: "link.png") == nil, "a link needs a stat")
        #expect(listing.kind(of: "missing.png") == nil)
        #expect(FolderListing(["a.png"]).kind(of: "a.png") == nil, "names alone say nothing of kinds")
    }

    /// The first questions about missing names are answered by scanning the names, later ones from
    /// a table: both give what the plain definition gives, for names that lower-case across
    /// lengths (the Kelvin sign, `İ`) and accents spelled composed and decomposed.
    @Test func letterCaseMatchesAreTheSameScannedOrFromTheTable() {
        let names = [
            "Photo.PNG", "photo.png.bak", "\u{212A}elvin.png", "Kelvin.PNG", "caf\u{E9}.png",
            "CAFE\u{301}.png", "\u{130}stanbul.jpg", "b.PNG", "B.png", "a", "A.", "\u{1FEF}", "\u{212A}b.png",
        ]
        let questions = [
            "kb.png", "photo.png", "kelvin.png", "KELVIN.png", "Caf\u{E9}.png", "cafe\u{301}.PNG",
            "i\u{307}stanbul.jpg", "b.png", "A", "a.", "missing.png", "`", "photo.png.BAK",
        ]
        let listing = FolderListing(names)
        for round in 1...6 {
            for question in questions {
                #expect(
                    listing.name(matchingIgnoringCase: question) == Self.plainMatch(question, in: names),
                    "round \(round): \(question)")
            }
        }
    }

    /// The definition: the least name (the first of equals) that lower-cases to the name asked
    /// about, unless that name itself is listed.
    static func plainMatch(_ name: String, in names: [String]) -> String? {
        if names.contains(name) { return nil }
        var found: String?
        for candidate in names where candidate.lowercased() == name.lowercased() {
            if let existing = found, existing <= candidate { continue }
            found = candidate
        }
        return found
    }

    /// Names are found by their bytes when every name of the listing is ASCII, by `String`
    /// equality otherwise; either way, and asked as a `String` or as bytes, the answers are those
    /// of `String` equality: a composed and a decomposed accent are the same name, and so are the
    /// Kelvin sign and `K`.
    @Test func namesAreFoundAsStringsCompareThem() {
        let asciiNames = ["a.png", "K.png", "images", "link.png", "Photo.PNG", "x"]
        let mixedNames = asciiNames + ["caf\u{E9}.png", "\u{212A}b.png", "e\u{301}t\u{E9}"]
        let questions = [
            "a.png", "A.png", "K.png", "\u{212A}.png", "images", "images/", "x", "", "link.png",
            "caf\u{E9}.png", "cafe\u{301}.png", "Kb.png", "\u{212A}b.png", "\u{E9}t\u{E9}",
            "e\u{301}te\u{301}", "photo.png", "Photo.PNG", "missing",
        ]
        for names in [asciiNames, mixedNames] {
            let directories: Set<String> = ["images"]
            let unresolved: Set<String> = ["link.png"]
            let listing = FolderListing(names, directories: directories, unresolved: unresolved)
            for question in questions {
                let listed = names.contains(question)
                let kind: FileKind? =
                    !listed || unresolved.contains(question)
                    ? nil
                    : directories.contains(question) ? .directory : .file
                var bytes = question
                bytes.withUTF8 { utf8 in
                    #expect(listing.contains(question) == listed, "\(question) in \(names)")
                    #expect(listing.contains(utf8: utf8) == listed, "\(question) in \(names), as bytes")
                    #expect(listing.kind(of: question) == kind, "\(question) in \(names)")
                    #expect(listing.kind(ofUTF8: utf8) == kind, "\(question) in \(names), as bytes")
                }
            }
        }
    }
}
