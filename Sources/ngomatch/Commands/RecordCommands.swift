import ArgumentParser
import NGOMatchCore
import NGOMatchService

/// The flags of a record's fields, as `needs add` and `ngos update` take them.
protocol RecordFlags: ParsableArguments {
    /// The fields given, in the import format.
    var record: JSONValue { get }
}

/// What `needs` and `ngos` share: adding a record from flags or a file, and changing one.
/// Each kind says its own words; the commands are one piece.
protocol RecordCommandKind {
    associatedtype Record
    associatedtype Fields: RecordKind
    associatedtype Flags: RecordFlags
    associatedtype Key: RecordKey
    associatedtype Register: ServiceOperation where Register.Params == RecordParams<Fields>, Register.Result == Record
    associatedtype Update: ServiceOperation where Update.Params == RecordChangeParams<Key>, Update.Result == Record

    static var add: CommandConfiguration { get }
    static var update: CommandConfiguration { get }
    /// The `--id` option's help when adding.
    static var idHelp: String { get }
    /// The positional argument of `update`: its name (`id`, `ngo`) and help.
    static var keyName: String { get }
    static var keyHelp: String { get }
    /// Flags to suggest when `update` is given nothing to change.
    static var updateExamples: String { get }
    /// Catalogue keys of what is said on stderr: "Registered …", "Updated …".
    static var registeredKey: String { get }
    static var updatedKey: String { get }
    static func id(of record: Record) -> String
    static func show<Op: ServiceOperation>(
        _ operation: Op.Type, _ record: Record, _ service: MatchService, _ output: OutputOptions
    ) throws where Op.Result == Record
}

struct AddRecordCommand<Kind: RecordCommandKind>: ParsableCommand {
    static var configuration: CommandConfiguration { Kind.add }

    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var fields: Kind.Flags
    @Option(help: ArgumentHelp(Kind.idHelp)) var id: String?
    @Option(help: "A JSON file with the whole record; flags override its fields.") var from: String?

    func run() throws {
        let service = try registry.service()
        let record = try RecordOutput.newRecord(from: from, flags: fields.record, id: id)
        let added = try Kind.Register.run(service, RecordParams<Kind.Fields>(record: record), caller: .local("cli"))
        Terminal.say(Kind.registeredKey, Kind.id(of: added))
        try Kind.show(Kind.Register.self, added, service, output)
    }
}

struct UpdateRecordCommand<Kind: RecordCommandKind>: ParsableCommand {
    static var configuration: CommandConfiguration { Kind.update }

    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: ArgumentHelp(Kind.keyHelp, valueName: Kind.keyName)) var key: String
    @OptionGroup var fields: Kind.Flags
    @Option(help: "A JSON file with fields to set; flags override it.") var from: String?

    func run() throws {
        let service = try registry.service()
        let changes = try RecordFile.changes(from: from, flags: fields.record, examples: Kind.updateExamples)
        let updated = try Kind.Update.run(
            service, RecordChangeParams<Kind.Key>(target: key, changes: changes), caller: .local("cli"))
        Terminal.say(Kind.updatedKey, Kind.id(of: updated))
        try Kind.show(Kind.Update.self, updated, service, output)
    }
}
