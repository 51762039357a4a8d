import ArgumentParser
import PostlintCore
import PostlintEngine

/// `postlint init`: write a commented starter `.postlint.yml`.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Write a commented starter .postlint.yml in the current folder.",
        discussion: """
            The posts below the current folder are read first: the configuration maps title, slug, \
            excerpt and keywords onto the field names most posts use (description, summary, tags, …), \
            requires only the fields at least half of the posts have, and names the site generator it \
            recognises, in a comment. What it inferred, and why, is printed.
            """)

    @Flag(help: "Replace an existing .postlint.yml.")
    var force = false

    func run() throws {
        let path = ConfigurationLoader.fileName
        // A .postlint.yaml beside a new .postlint.yml would make the folder's configuration an error.
        for other in ConfigurationLoader.fileNames where other != path && LocalFileSystem().kind(of: other) != .missing {
            throw ValidationError("\(other) already exists; edit it, or remove it before writing \(path)")
        }
        if !force, LocalFileSystem().kind(of: path) != .missing {
            throw ValidationError("\(path) already exists; pass --force to replace it")
        }
        let starter = StarterConfiguration(survey: SiteSurvey.of(folder: PathUtilities.currentDirectory()))
        let text = Array(starter.text.utf8)
        do throws(PostlintError) {
            if LocalFileSystem().kind(of: path) == .missing {
                try AtomicWriter.create(path, with: text)
            } else {
                try AtomicWriter.replace(path, with: text, expecting: nil)
            }
        } catch {
            throw CommandFailure(error)
        }
        for line in starter.explanation { Terminal.standardOutput.write(line + "\n") }
        Terminal.standardOutput.write("wrote \(path)\n")
    }
}
