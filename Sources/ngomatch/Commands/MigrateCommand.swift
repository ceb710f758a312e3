import ArgumentParser
import Foundation
import NGOMatchCore
import NGOMatchPostgres
import NGOMatchStore

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Copy the registry whole to an empty PostgreSQL database, or back into a new file.",
        discussion: """
            Every table is copied in one transaction and read back: the row counts and a
            checksum of every row must match, or nothing is kept. A target that holds
            records is refused. The password comes from the password file (PGPASSFILE,
            else ~/.pgpass, a line host:port:dbname:user:password, mode 600), never from
            the command line.

            Examples:
              ngomatch migrate --to 'postgres://ngomatch@pg1/ngomatch?sslmode=require'
              ngomatch migrate --from postgres://ngomatch@pg1/ngomatch --db new.sqlite
            """
    )

    @OptionGroup var registry: RegistryOptions
    @Option(help: ArgumentHelp("The empty PostgreSQL database to copy the registry to.", valueName: "postgres-url"))
    var to: String?
    @Option(help: ArgumentHelp("The PostgreSQL database to copy into a new registry file.", valueName: "postgres-url"))
    var from: String?

    func run() async throws {
        let report: RegistryCopy.Report
        switch (to, from) {
        case (let target?, nil):
            let location = try PostgresLocation.parse(target)
            report = try await RegistryCopy.toPostgres(try registry.open(), location)
        case (nil, let source?):
            let location = try PostgresLocation.parse(source)
            report = try await RegistryCopy.fromPostgres(location, to: registry.resolvedPath)
        default:
            throw UsageError("usage.migrateDirection")
        }
        let width = report.tables.map(\.name.count).max() ?? 0
        for (name, checksum) in report.tables {
            let padded = name.padding(toLength: width, withPad: " ", startingAt: 0)
            print("  \(padded)  \(String(checksum.rows).leftPadded(to: 8)) rows  sha256 \(checksum.digest.prefix(16))")
        }
        Terminal.say("copy.done", report.rows, report.tables.count, report.source, report.target)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
