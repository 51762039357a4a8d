import ArgumentParser
import PostlintCore
import PostlintEngine

/// `postlint init`: write a commented starter `.postlint.yml`.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Write a commented starter .postlint.yml in the current folder.")

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
        do throws(PostlintError) {
            if LocalFileSystem().kind(of: path) == .missing {
                try AtomicWriter.create(path, with: Array(ConfigurationLoader.starter.utf8))
            } else {
                try AtomicWriter.replace(path, with: Array(ConfigurationLoader.starter.utf8), expecting: nil)
            }
        } catch {
            throw CommandFailure(error)
        }
        Terminal.standardOutput.write("wrote \(path)\n")
    }
}
