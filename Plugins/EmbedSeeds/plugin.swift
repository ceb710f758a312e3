import Foundation
import PackagePlugin

/// Compiles the files under `seeds/` into the target as string constants.
@main
struct EmbedSeeds: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let seeds = context.package.directoryURL.appending(path: "seeds")
        let inputs = try seedFiles(under: seeds)
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedSeeds.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) seed files",
                executable: try context.tool(named: "seed-embedder").url,
                arguments: [output.path, seeds.path] + inputs.map(\.path),
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
            .filter { ["json", "jsonl"].contains($0.pathExtension) }
            .sorted { $0.path < $1.path }
    }
}
