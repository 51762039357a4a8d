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

    @Test func kindsComeFromTheEntryTypesWhenKnown() {
        let listing = FolderListing(["a.png", "images", "link.png"], directories: ["images"], unresolved: ["link.png"])
        #expect(listing.kind(of: "a.png") == .file)
        #expect(listing.kind(of: "images") == .directory)
        #expect(listing.kind(of: "link.png") == nil, "a link needs a stat")
        #expect(listing.kind(of: "missing.png") == nil)
        #expect(FolderListing(["a.png"]).kind(of: "a.png") == nil, "names alone say nothing of kinds")
    }
}
