import PostlintParsing

/// What the command prints on standard error takes one form, whatever went wrong:
///
///     postlint: error: content/a.md: no such file or folder
///
/// (and `postlint: warning: …` for a warning, should the command ever print one).
///
/// Lines after the first (ArgumentParser's `Usage:` and `Help:` lines) follow as they are.
enum ErrorOutput {
    /// The subcommands' names (a test holds them to `Postlint.configuration`) and ArgumentParser's `help`.
    static let commandNames = ["check", "fix", "rules", "explain", "init", "install-hook", "lsp", "audit", "site", "help"]

    /// `postlint: error: ` before the first line of `message`.
    static func error(_ message: String) -> String {
        prefixed("error", message)
    }

    /// Writes `error(message)` to standard error.
    static func printError(_ message: String) {
        Terminal.standardError.write(error(message))
    }

    /// A usage error as ArgumentParser words it, without its own `Error: ` prefix.
    static func fromArgumentParser(_ message: String) -> String {
        var text = Substring(message)
        for prefix in ["Error: ", "error: "] where text.hasPrefix(prefix) {
            text = text.dropFirst(prefix.count)
        }
        // ArgumentParser starts its sentences with a capital; the line reads on after "error: ".
        if let first = text.first, first.isUppercase, let second = text.dropFirst().first, second.isLowercase {
            text = Substring(first.lowercased()) + text.dropFirst()
        }
        return error(String(text))
    }

    /// The message for a first argument that is neither a command nor an existing path but looks
    /// like a misspelt command (`postlint chek`), or nil.
    static func unknownCommand(_ argument: String, exists: (String) -> Bool) -> String? {
        guard !argument.isEmpty, !argument.hasPrefix("-"), !argument.contains("/"),
            !commandNames.contains(argument),
            let close = YAMLFile.closest(to: argument, in: commandNames), !exists(argument)
        else { return nil }
        return "unknown command '\(argument)'; did you mean '\(close)'?"
    }

    private static func prefixed(_ level: String, _ message: String) -> String {
        var text = message
        while text.hasSuffix("\n") { text.removeLast() }
        return "postlint: \(level): \(text)\n"
    }
}
