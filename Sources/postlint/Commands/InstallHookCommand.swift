import ArgumentParser
import Foundation
import PostlintCore
import PostlintEngine

/// `postlint install-hook`: a plain git pre-commit hook that lints the staged posts, for users
/// without the pre-commit framework.
struct InstallHookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install-hook",
        abstract: "Install a git pre-commit hook that lints the staged posts.",
        discussion: """
            Writes the repository's pre-commit hook (where git looks for it, core.hooksPath included). \
            A hook that postlint did not write is left alone unless --force is given. The hook refuses \
            the commit when postlint is not on the PATH; POSTLINT_SKIP=1 skips it.
            """
    )

    static let marker = "# installed by postlint install-hook"

    @Flag(help: "Replace an existing pre-commit hook that postlint did not write.")
    var force = false

    func run() throws {
        let hooks: String
        do {
            hooks = try Self.git(["rev-parse", "--git-path", "hooks"]).trimmingCharacters(in: .whitespacesAndNewlines)
        } catch {
            throw CommandFailure(PostlintError(message: "not inside a git repository: \(error)"))
        }
        let path = PathUtilities.join(hooks, "pre-commit")
        if let existing = FileManager.default.contents(atPath: path) {
            let text = String(decoding: existing, as: UTF8.self)
            if !text.contains(Self.marker), !force {
                throw CommandFailure(
                    PostlintError(
                        path: path, message: "a pre-commit hook that postlint did not write is already installed",
                        hint: "pass --force to replace it, or call postlint check --staged from it"))
            }
        }
        let script = """
            #!/bin/sh
            \(Self.marker)
            # Lints the staged versions of the staged Markdown posts; a commit with errors is refused.
            # Without postlint on the PATH the commit is refused too; POSTLINT_SKIP=1 skips the check.
            if [ "${POSTLINT_SKIP:-}" = 1 ]; then
                echo "postlint pre-commit hook: skipped (POSTLINT_SKIP=1)" >&2
                exit 0
            fi
            if ! command -v postlint >/dev/null 2>&1; then
                echo "postlint pre-commit hook: postlint is not on the PATH, so the staged posts cannot be checked" >&2
                echo "  install it (swift build -c release, then copy .build/release/postlint to a folder on the PATH)," >&2
                echo "  or commit with POSTLINT_SKIP=1 to skip the check this once" >&2
                exit 1
            fi
            exec postlint check --staged

            """
        do {
            try FileManager.default.createDirectory(atPath: hooks, withIntermediateDirectories: true)
            try AtomicWriter.write(path, bytes: Array(script.utf8))
        } catch let error as PostlintError {
            throw CommandFailure(error)
        } catch {
            throw CommandFailure(PostlintError(path: hooks, message: "cannot create the hooks folder: \(error)"))
        }
        chmod(path, 0o755)
        Terminal.standardOutput.write("installed \(path)\n")
    }

    private static func git(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PostlintError(message: "git \(arguments.joined(separator: " ")) failed")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
