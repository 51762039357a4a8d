import ArgumentParser
import PostlintCore
import PostlintEngine
import PostlintRules

/// `postlint dump-anchors`: a hidden command for the anchor differential test. Prints the
/// anchors each Markdown file offers in an anchor style, one a line, sorted, each file's after a
/// line `# path` (and `# incomplete` when some heading's id is not known in that style).
struct DumpAnchorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump-anchors",
        abstract: "Print the anchors of Markdown files in an anchor style (for tests).",
        shouldDisplay: false)

    @Option(
        name: .customLong("anchor-style"),
        help: "github, goldmark, github-ascii, blackfriday, kramdown, kramdown-gfm, zola, docusaurus, pandoc or pandoc-gfm.")
    var anchorStyle: String = AnchorStyle.github.rawValue

    @Argument(help: "Markdown files.")
    var files: [String] = []

    func run() throws {
        guard let style = AnchorStyle(rawValue: anchorStyle) else {
            throw ValidationError(
                "--anchor-style must be one of: \(AnchorStyle.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var output = ""
        for path in files {
            switch FileReader.read(path) {
            case .success(let bytes):
                let anchors = DocumentAnchors(fileBytes: bytes, style: style)
                output += "# \(path)\n"
                if !anchors.isComplete { output += "# incomplete\n" }
                for id in anchors.ids.sorted() { output += id + "\n" }
            case .failure(let error):
                throw CommandFailure(error)
            }
        }
        Terminal.standardOutput.write(output)
    }
}
