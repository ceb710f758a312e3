import Foundation
import NGOMatchCore
import NGOMatchPostgres
import Testing

/// A database location read as libpq reads one, and the password file it takes the password from.
@Suite struct PostgresLocationTests {
    @Test func aFullLocationIsReadAsWritten() throws {
        let location = try PostgresLocation.parse(
            "postgresql://planner@db.example.vn:6543/ngomatch?sslmode=verify-full&sslrootcert=/etc/ca.pem",
            environment: [:])
        #expect(location.host == "db.example.vn")
        #expect(location.port == 6543)
        #expect(location.user == "planner")
        #expect(location.database == "ngomatch")
        #expect(location.tls == .verifyFull)
        #expect(location.rootCertificate == "/etc/ca.pem")
        #expect(location.description == "postgres://planner@db.example.vn:6543/ngomatch")
    }

    @Test func whatTheLocationLeavesOutComesFromTheEnvironmentAsForLibpq() throws {
        let environment = ["PGHOST": "10.0.0.5", "PGPORT": "5433", "PGUSER": "ops", "PGSSLMODE": "require"]
        let location = try PostgresLocation.parse("postgres://", environment: environment)
        #expect(location.host == "10.0.0.5")
        #expect(location.port == 5433)
        #expect(location.user == "ops")
        #expect(location.database == "ops")
        #expect(location.tls == .require)
        let plain = try PostgresLocation.parse("postgres://localhost/registry", environment: ["USER": "me"])
        #expect(plain.port == 5432 && plain.user == "me" && plain.tls == .prefer)
        let socket = try PostgresLocation.parse("postgres:///registry?host=/var/run/postgresql", environment: [:])
        #expect(socket.isSocket)
        #expect(socket.host == "/var/run/postgresql")
    }

    @Test func mistakesAreNamedWithTheirFix() {
        #expect(throws: PostgresLocationError.passwordInURL) {
            try PostgresLocation.parse("postgres://u:hunter2@h/db", environment: [:])
        }
        #expect(throws: PostgresLocationError.unknownSetting("sslmod", suggestions: ["sslmode"])) {
            try PostgresLocation.parse("postgres://u@h/db?sslmod=require", environment: [:])
        }
        #expect(throws: PostgresLocationError.unknownTLSMode("requir", suggestions: ["require"])) {
            try PostgresLocation.parse("postgres://u@h/db?sslmode=requir", environment: [:])
        }
        #expect(throws: PostgresLocationError.badPort("70000")) {
            try PostgresLocation.parse("postgres://u@h:70000/db", environment: [:])
        }
        #expect(throws: PostgresLocationError.notAURL("mysql://h/db")) {
            try PostgresLocation.parse("mysql://h/db", environment: [:])
        }
        let message = PostgresLocationError.unknownTLSMode("requir", suggestions: ["require"]).text(.vi)
        #expect(message.contains("'requir'") && message.contains("'require'"))
    }

    @Test func thePasswordFileIsReadLineByLineWithItsEscapesAndWildcards() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("pgpass").path
        try """
        # comments and lines that do not match come first
        other.host:5432:*:planner:wrong
        db.example.vn:5432:ngomatch:planner:p\\:ss\\\\word
        *:*:*:planner:fallback
        localhost:5432:*:ops:by-socket
        """.write(toFile: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        let environment = ["PGPASSFILE": file]
        func password(_ text: String) throws -> String? {
            try PasswordFile.password(for: PostgresLocation.parse(text, environment: [:]), environment: environment)
        }
        #expect(try password("postgres://planner@db.example.vn/ngomatch") == "p:ss\\word")
        #expect(try password("postgres://planner@db.example.vn/other") == "fallback")
        #expect(try password("postgres://ops@x/db?host=/run/postgresql") == "by-socket")
        #expect(try password("postgres://nobody@db.example.vn/ngomatch") == nil)
        #expect(
            try PasswordFile.password(
                for: PostgresLocation.parse("postgres://planner@h/db", environment: [:]),
                environment: ["PGPASSFILE": folder.appendingPathComponent("absent").path]) == nil)

        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        #expect(throws: PostgresLocationError.passwordFileOpen(path: file, mode: "644")) {
            try password("postgres://planner@db.example.vn/ngomatch")
        }
    }
}
