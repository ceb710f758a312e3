import ArgumentParser
import Foundation
import NGOMatchCore
import NGOMatchStore

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a realistic synthetic registry as JSON Lines in the import format (same seed, same bytes).",
        discussion: """
            Examples:
              ngomatch generate --ngos 1000 --needs 200 --seed 7 --out synthetic.jsonl
              ngomatch init --empty --db big.sqlite && ngomatch import synthetic.jsonl \\
                --db big.sqlite
            """
    )

    @OptionGroup var registry: RegistryOptions
    @Option(help: "How many NGOs.") var ngos: Int = 1000
    @Option(help: "How many needs.") var needs: Int = 200
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: "Write to this file instead of stdout.") var out: String?

    func validate() throws {
        guard ngos >= 0, needs >= 0, ngos + needs <= 5_000_000 else {
            throw ValidationError("--ngos and --needs must be from 0, at most 5,000,000 records in all")
        }
    }

    func run() throws {
        let reference = try ReferenceData.embedded()
        let synthetic = SyntheticRegistry(reference: reference, ngos: ngos, needs: needs, seed: seed)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let handle: FileHandle
        if let out {
            guard FileManager.default.createFile(atPath: out, contents: nil) else {
                throw UsageError("usage.cannotWrite", out, "—")
            }
            handle = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        } else {
            handle = FileHandle.standardOutput
        }
        var buffer = Data()
        func flushIfLarge(_ force: Bool = false) {
            if force || buffer.count > 1 << 20 {
                handle.write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        for ngo in synthetic.ngos {
            buffer.append(try encoder.encode(ExportRecord.json(ngo)))
            buffer.append(0x0A)
            flushIfLarge()
        }
        for need in synthetic.needs {
            buffer.append(try encoder.encode(ExportRecord.json(need)))
            buffer.append(0x0A)
            flushIfLarge()
        }
        flushIfLarge(true)
        if let out {
            try handle.close()
            Terminal.say("cli.wroteGenerated", ngos, needs, out)
        }
    }
}
