import ArgumentParser
import Foundation
import PostlintLanguageServer

/// `postlint lsp`: the language server, speaking LSP over standard input and output.
struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server (LSP over standard input and output) for editors.",
        discussion: """
            Editors start this command and talk to it; it is not meant to be run by hand. It lints \
            the text of open documents as the editor holds it, with the same configuration as \
            postlint check, and offers the rules' fixes as code actions. See docs/editors.md.
            """
    )

    @Option(
        help: "Use this configuration file for every post instead of searching for .postlint.yml.",
        completion: .file(extensions: ["yml", "yaml"]))
    var config: String?

    func run() throws {
        // A client that goes away must not kill the server with SIGPIPE before it can exit cleanly.
        signal(SIGPIPE, SIG_IGN)
        let options = LanguageServer.Options(
            toolVersion: Postlint.version, configPath: config,
            parentProcessDied: { Foundation.exit(1) })
        let server = LanguageServer(
            options: options,
            writer: MessageWriter(sink: MessageWriter.fileDescriptorSink(STDOUT_FILENO)))
        // The server runs as tasks; this thread waits, and the process exits with its code.
        Task {
            let code = await server.run(input: .fileDescriptor(STDIN_FILENO))
            Foundation.exit(code)
        }
        dispatchMain()
    }
}
