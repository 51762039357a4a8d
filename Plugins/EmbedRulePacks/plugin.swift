import Foundation
import PackagePlugin

/// Embeds the top-level `rules/` folder into the target being built, as generated Swift source,
/// so the default rule pack travels inside the binary.
@main
struct EmbedRulePacks: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let rulesFolder = context.package.directoryURL.appending(path: "rules")
        var files: [URL] = []
        if let enumerator = FileManager.default.enumerator(at: rulesFolder, includingPropertiesForKeys: nil) {
            for case let url as URL in enumerator where ["yml", "yaml"].contains(url.pathExtension) {
                files.append(url)
            }
        }
        files.sort { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRulePacks.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) rule files from rules/",
                executable: try context.tool(named: "PackEmbedder").url,
                arguments: [output.path, rulesFolder.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]
            ),
        ]
    }
}
