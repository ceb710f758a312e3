import Foundation
import PackagePlugin

/// Compiles text files into the target as string constants, so an installed ngomatch
/// needs no source checkout: for NGOMatchSeeds the files under `seeds/` and `rules/`,
/// for NGOMatchWeb its own `Assets/` (templates, stylesheet, script, icons).
@main
struct EmbedSeeds: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let root = context.package.directoryURL
        let (inputs, enumName, base): ([URL], String, URL)
        if target.name == "NGOMatchWeb" {
            let assets = root.appending(path: "Sources/NGOMatchWeb/Assets")
            inputs = try files(under: assets, extensions: ["mustache", "css", "js", "svg"])
            (enumName, base) = ("EmbeddedWebFiles", assets)
        } else {
            let kinds = ["json", "jsonl", "yaml", "tsv"]
            inputs =
                try files(under: root.appending(path: "seeds"), extensions: kinds)
                + files(under: root.appending(path: "rules"), extensions: kinds)
            (enumName, base) = ("EmbeddedSeeds", root)
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "\(enumName).swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) files as \(enumName)",
                executable: try context.tool(named: "seed-embedder").url,
                arguments: [output.path, base.path, enumName] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }

    private func files(under directory: URL, extensions: [String]) throws -> [URL] {
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else {
            return []
        }
        return walker.compactMap { $0 as? URL }
            .filter { extensions.contains($0.pathExtension) }
            .sorted { $0.path < $1.path }
    }
}
