import Foundation
import PackagePlugin

/// Compiles the files under `seeds/` and `rules/` into the target as string constants.
@main
struct EmbedSeeds: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let root = context.package.directoryURL
        let inputs =
            try seedFiles(under: root.appending(path: "seeds")) + seedFiles(under: root.appending(path: "rules"))
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedSeeds.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) seed files",
                executable: try context.tool(named: "seed-embedder").url,
                arguments: [output.path, root.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }

    private func seedFiles(under directory: URL) throws -> [URL] {
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else {
            return []
        }
        return walker.compactMap { $0 as? URL }
            .filter { ["json", "jsonl", "yaml"].contains($0.pathExtension) }
            .sorted { $0.path < $1.path }
    }
}
