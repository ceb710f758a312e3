import Foundation

/// The PostgreSQL server the tests are given (`.ci/run` starts a throw-away one and sets
/// `NGOMATCH_TEST_POSTGRES` and `PGPASSFILE`), read through `psql`, a client that shares no
/// code with ngomatch.
struct PostgresServer {
    static let url = ProcessInfo.processInfo.environment["NGOMATCH_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }

    let cli: CLI
    let base: String

    init(cli: CLI) throws {
        guard let url = Self.url else { throw CocoaError(.featureUnsupported) }
        self.cli = cli
        self.base = url
    }

    /// A new, empty database of the test's own, and its location.
    func newDatabase() throws -> String {
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        _ = try psql("CREATE DATABASE \(name)", database: base)
        return location(name)
    }

    func location(_ database: String) -> String {
        var components = URLComponents(string: base)!
        components.path = "/" + database
        return components.string!
    }

    /// What `psql` prints for `sql`: unaligned, tuples only, one row a line, '|' between fields.
    func psql(_ sql: String, database: String) throws -> String {
        let result = try cli.run(
            arguments: [], environment: ["PSQL_TARGET": database, "PSQL_COMMAND": sql],
            shell: #"psql "$PSQL_TARGET" -X -A -t -q -v ON_ERROR_STOP=1 -c "$PSQL_COMMAND""#)
        guard result.status == 0 else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: result.stderr])
        }
        return result.stdout.trimmingCharacters(in: .newlines)
    }
}
