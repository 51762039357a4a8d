// Reads the rule pack files named on the command line and writes a Swift source file that holds
// their text, so the built `postlint` carries its default rules with no files beside it.
//
// usage: PackEmbedder OUTPUT.swift ROOT FILE...
// Each FILE's path relative to ROOT becomes its name in the generated table.
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: PackEmbedder OUTPUT.swift ROOT FILE...\n".utf8))
    exit(2)
}
let outputPath = arguments[1]
let root = URL(fileURLWithPath: arguments[2]).standardizedFileURL.path
var entries: [(name: String, bytes: [UInt8])] = []
for path in arguments.dropFirst(3).sorted() {
    let full = URL(fileURLWithPath: path).standardizedFileURL.path
    guard let data = FileManager.default.contents(atPath: full) else {
        FileHandle.standardError.write(Data("PackEmbedder: cannot read \(full)\n".utf8))
        exit(1)
    }
    var name = full
    if name.hasPrefix(root + "/") { name = String(name.dropFirst(root.count + 1)) }
    entries.append((name, Array(data)))
}

var out = "// Generated at build time from the rules/ folder by PackEmbedder. Do not edit.\n"
out += "enum EmbeddedRulePacks {\n"
out += "    /// The shipped rule files: path below rules/ and UTF-8 bytes.\n"
out += "    static let files: [(path: String, bytes: [UInt8])] = [\n"
for entry in entries {
    let escapedName = entry.name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    out += "        (\"\(escapedName)\", ["
    out += entry.bytes.map { String($0) }.joined(separator: ",")
    out += "]),\n"
}
out += "    ]\n}\n"
do {
    try out.write(toFile: outputPath, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("PackEmbedder: cannot write \(outputPath): \(error)\n".utf8))
    exit(1)
}
