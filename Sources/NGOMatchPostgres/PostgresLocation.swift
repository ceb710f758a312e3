import Foundation
import NGOMatchCore

/// Where a PostgreSQL registry lives: `postgres://user@host:port/dbname?sslmode=…`, read the way
/// libpq reads it where the two overlap. A password never goes in it: it would show in the
/// process list and the shell's history, so it comes from the password file.
package struct PostgresLocation: Hashable, Sendable, CustomStringConvertible {
    /// libpq's `sslmode`: `prefer` uses TLS when the server offers it; `require` refuses a server
    /// without it; the `verify-` forms also check the certificate against `sslrootcert`.
    package enum TLSMode: String, CaseIterable, Sendable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    /// A host name or address, or the folder of a Unix socket (it starts with `/`).
    package let host: String
    package let port: Int
    package let user: String
    package let database: String
    package let tls: TLSMode
    /// The certificate authority file the `verify-` modes check against.
    package let rootCertificate: String?

    package var isSocket: Bool { host.hasPrefix("/") }

    /// The location as a user may be shown it: no password, since none is ever in it.
    package var description: String {
        let shownHost = isSocket ? "" : (host.contains(":") ? "[\(host)]" : host)
        let socket = isSocket ? "?host=\(host)" : ""
        return "postgres://\(user)@\(shownHost):\(port)/\(database)\(socket)"
    }

    private static let settings = ["sslmode", "sslrootcert", "host", "port", "user", "dbname"]

    /// Reads `text`, taking what it leaves out from `PGHOST`, `PGPORT`, `PGUSER`, `PGDATABASE`
    /// and `PGSSLMODE` as libpq does.
    package static func parse(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(PostgresLocationError) -> PostgresLocation
    {
        guard let components = URLComponents(string: text),
            let scheme = components.scheme?.lowercased(), ["postgres", "postgresql"].contains(scheme)
        else { throw .notAURL(text) }
        if components.password != nil { throw .passwordInURL }
        var query: [String: String] = [:]
        for item in components.queryItems ?? [] {
            guard Self.settings.contains(item.name) else {
                throw .unknownSetting(item.name, suggestions: Suggestions.closest(to: item.name, among: Self.settings))
            }
            query[item.name] = item.value ?? ""
        }
        let host =
            nonEmpty(query["host"]) ?? nonEmpty(components.percentEncodedHost?.removingPercentEncoding)
            ?? nonEmpty(environment["PGHOST"]) ?? "localhost"
        let portText = query["port"] ?? components.port.map(String.init) ?? nonEmpty(environment["PGPORT"]) ?? "5432"
        guard let port = Int(portText), (1...65535).contains(port) else { throw .badPort(portText) }
        let user =
            nonEmpty(query["user"]) ?? nonEmpty(components.user) ?? nonEmpty(environment["PGUSER"])
            ?? nonEmpty(environment["USER"]) ?? "postgres"
        let path = String(components.path.drop(while: { $0 == "/" }))
        let database = nonEmpty(query["dbname"]) ?? nonEmpty(path) ?? nonEmpty(environment["PGDATABASE"]) ?? user
        let modeText = nonEmpty(query["sslmode"]) ?? nonEmpty(environment["PGSSLMODE"]) ?? "prefer"
        guard let tls = TLSMode(rawValue: modeText) else {
            throw .unknownTLSMode(
                modeText, suggestions: Suggestions.closest(to: modeText, among: TLSMode.allCases.map(\.rawValue)))
        }
        return PostgresLocation(
            host: host, port: port, user: user, database: database, tls: tls,
            rootCertificate: nonEmpty(query["sslrootcert"]) ?? nonEmpty(environment["PGSSLROOTCERT"]))
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }

    /// Whether `text` names a PostgreSQL database rather than a registry file.
    package static func isURL(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://")
    }
}
