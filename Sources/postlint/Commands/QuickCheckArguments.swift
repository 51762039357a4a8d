import PostlintReporters

/// Reads the arguments of `postlint check` as hooks, CI and editors give them (paths, and the
/// common options each given once with its value in the next argument) without ArgumentParser.
///
/// ArgumentParser finds a command's options by reflecting over its properties, and each first
/// dynamic cast searches every protocol conformance in the binary: about half of the start-up
/// instructions of a run that lints one post. Anything this reader does not take (help, an
/// unknown or repeated option, `--name=value`, a value that looks like an option, a request that
/// fails validation) yields nil, and the command line goes to ArgumentParser, which then parses,
/// reports and exits exactly as before. A differential test holds the two readers to the same
/// answers.
enum QuickCheckArguments {
    private enum Switch {
        case quiet, fix, staged, reportUnusedDisables, stdin, forceExclude, noIgnore, noCache
    }

    private enum Valued {
        case config, format, maxWarnings, output, changedSince, baseline, writeBaseline, stdinFilename, color
    }

    private static let switches: [String: Switch] = [
        "--quiet": .quiet, "--fix": .fix, "--staged": .staged,
        "--report-unused-disables": .reportUnusedDisables, "--stdin": .stdin, "--force-exclude": .forceExclude,
        "--no-ignore": .noIgnore, "--no-cache": .noCache,
    ]

    private static let valued: [String: Valued] = [
        "--config": .config, "--format": .format, "--max-warnings": .maxWarnings, "--output": .output,
        "--changed-since": .changedSince, "--baseline": .baseline, "--write-baseline": .writeBaseline,
        "--stdin-filename": .stdinFilename, "--color": .color,
    ]

    /// The request the arguments after `check` make, or nil when ArgumentParser must read them.
    static func request(for arguments: [String]) -> CheckRequest? {
        var request = CheckRequest()
        var paths: [String] = []
        var seen: Set<String> = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("-") else {
                paths.append(argument)
                continue
            }
            guard seen.insert(argument).inserted else { return nil }
            if let name = switches[argument] {
                set(name, in: &request)
                continue
            }
            guard let name = valued[argument], index < arguments.count else { return nil }
            let value = arguments[index]
            index += 1
            guard !value.hasPrefix("-"), set(name, to: value, in: &request) else { return nil }
        }
        if !paths.isEmpty { request.paths = paths }
        guard (try? request.validate()) != nil else { return nil }
        return request
    }

    private static func set(_ name: Switch, in request: inout CheckRequest) {
        switch name {
        case .quiet: request.quiet = true
        case .fix: request.fix = true
        case .staged: request.staged = true
        case .reportUnusedDisables: request.reportUnusedDisables = true
        case .stdin: request.stdin = true
        case .forceExclude: request.forceExclude = true
        case .noIgnore: request.noIgnore = true
        case .noCache: request.noCache = true
        }
    }

    /// Sets an option's value; false when the value is not one the option takes.
    private static func set(_ name: Valued, to value: String, in request: inout CheckRequest) -> Bool {
        switch name {
        case .config: request.config = value
        case .format:
            guard let format = ReportFormat(rawValue: value) else { return false }
            request.format = format
        case .maxWarnings:
            guard value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let count = Int(value) else { return false }
            request.maxWarnings = count
        case .output: request.output = value
        case .changedSince: request.changedSince = value
        case .baseline: request.baseline = value
        case .writeBaseline: request.writeBaseline = value
        case .stdinFilename: request.stdinFilename = value
        case .color:
            guard let choice = ColorChoice(rawValue: value) else { return false }
            request.color = choice
        }
        return true
    }
}
