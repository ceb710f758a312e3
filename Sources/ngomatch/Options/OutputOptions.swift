import ArgumentParser
import Foundation
import NGOMatchCore
import NGOMatchService

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
    case jsonl
    case csv
}

extension Language: ExpressibleByArgument {}

struct OutputOptions: ParsableArguments {
    @Option(help: "Output: table (for people), json, jsonl or csv (for programs and spreadsheets).")
    var format: OutputFormat = .table

    /// What a person reads is in `--lang`, taken from the command line before the options.
    var language: Language { CommandLanguage.current }

    /// Prints an operation's result: `--format json` exactly as the protocol's `result` (and
    /// MCP's structured content) for the same parameters; JSON Lines one item of a list a
    /// line; tables and CSV are the CLI's own views.
    func emit<Op: ServiceOperation>(
        _ operation: Op.Type, _ result: Op.Result, table: () -> String, csv: (() -> [String])? = nil
    ) throws {
        switch format {
        case .table:
            print(LineFitting.fit(table(), to: TerminalWidth.current))
        case .json:
            print(String(decoding: try Op.encode(result), as: UTF8.self))
        case .jsonl:
            // Keys sorted, as for any other result: each item read back alone.
            if let page = result as? any PagedResult {
                try page.forEachItem { item in
                    print(
                        String(
                            decoding: StreamingJSONEncoder.bytes(of: try JSONParser.parse([UInt8](item))), as: UTF8.self
                        ))
                }
                return
            }
            let value = try JSONParser.parse([UInt8](try Op.encode(result)))
            // A list, or a page of one: a line per item.
            let items: [JSONValue] =
                switch value {
                case .array(let items): items
                case .object(let fields): if case .array(let items)? = fields["items"] { items } else { [value] }
                default: [value]
                }
            for item in items { print(String(decoding: StreamingJSONEncoder.bytes(of: item), as: UTF8.self)) }
        case .csv:
            guard let csv else { throw UsageError("usage.noCSV") }
            for line in csv() { print(line, terminator: CSVTable.lineEnd) }
        }
    }

    /// Prints values as JSON (pretty), JSON Lines or, through `csv`, CSV: for commands that are no operation.
    func emit<T: Encodable>(_ values: [T], table: () -> String, csv: (() -> [String])? = nil) throws {
        switch format {
        case .table:
            print(LineFitting.fit(table(), to: TerminalWidth.current))
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(values), as: UTF8.self))
        case .jsonl:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for value in values { print(String(decoding: try encoder.encode(value), as: UTF8.self)) }
        case .csv:
            guard let csv else { throw UsageError("usage.noCSV") }
            for line in csv() { print(line, terminator: CSVTable.lineEnd) }
        }
    }
}
