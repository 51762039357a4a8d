import ArgumentParser
import PostlintCore
import PostlintEngine

/// `postlint dump-front-matter`: a hidden command for the YAML and TOML differential tests. Each
/// file named (or each path read from standard input, one a line) is read whole as YAML (or, with
/// `--toml`, TOML) front matter and printed as one line of JSON (`FrontMatterDump`).
struct DumpFrontMatterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump-front-matter",
        abstract: "Print YAML or TOML files as postlint reads them, one JSON line each (for tests).",
        shouldDisplay: false)

    @Option(name: .customLong("yaml-version"), help: "The YAML rules for plain scalars: 1.1 or 1.2.")
    var yamlVersion: String = YAMLVersion.v1_1.rawValue

    @Flag(name: .customLong("toml"), help: "Read the files as TOML.")
    var toml = false

    @Argument(help: "YAML (or TOML) files; none: read their paths from standard input.")
    var files: [String] = []

    func run() throws {
        guard let version = YAMLVersion(rawValue: yamlVersion) else {
            throw ValidationError("--yaml-version must be 1.1 or 1.2")
        }
        var paths = files
        if paths.isEmpty {
            while let line = readLine() {
                if !line.isEmpty { paths.append(line) }
            }
        }
        var output = ""
        for path in paths {
            switch FileReader.read(path) {
            case .success(let bytes):
                let dump = toml ? FrontMatterDump.dumpTOML(bytes) : FrontMatterDump.dump(bytes, version: version)
                output += dump.serialized(.compact) + "\n"
            case .failure(let error):
                throw CommandFailure(error)
            }
            if output.utf8.count > 1 << 16 {
                Terminal.standardOutput.write(output)
                output = ""
            }
        }
        Terminal.standardOutput.write(output)
    }
}
