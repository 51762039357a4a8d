import ArgumentParser
import PostlintCore
import PostlintEngine

/// `postlint site [PATH]`: the site detected for PATH (its generator and why, content and static
/// roots, base URL, anchor style) and every post's routes, so a user can see why a link resolves.
struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site", abstract: "Show the detected site: generator, roots, anchor style and each post's routes.")

    @OptionGroup var common: CommonOptions

    enum SiteFormat: String, ExpressibleByArgument { case text, json }

    @Option(help: "text or json.")
    var format: SiteFormat = .text

    @Argument(help: "A folder of the site (or a post in it); the current folder by default.", completion: .directory)
    var path: String = "."

    func run() throws {
        let linter = try common.makeLinter()
        let absolute = PathUtilities.absolute(path, base: linter.workingDirectory)
        let report: SiteReport
        do throws(PostlintError) {
            let folder: String
            switch LocalFileSystem().kind(of: absolute) {
            case .directory: folder = absolute
            case .file: folder = PathUtilities.directory(of: absolute)
            case .missing: throw PostlintError(path: path, message: "no such file or folder")
            }
            report = try SiteReport.make(folder: folder, linter: linter)
        } catch {
            throw CommandFailure(error)
        }
        Terminal.standardOutput.write(format == .json ? report.json() : report.text())
    }
}
