import Foundation
import GRDB
import Testing

/// `ngomatch migrate` on a real PostgreSQL server (issue 39): a registry copied there and
/// back holds every row it held, byte for byte, and ranks the same; a target with records is
/// refused; a copy that fails leaves nothing.
@Suite(
    .timeLimit(.minutes(10)),
    .enabled(if: PostgresServer.url != nil, "set NGOMATCH_TEST_POSTGRES and PGPASSFILE (.ci/run starts a server)"))
struct MigrateCLITests {
    /// Text that breaks careless writers: CR/LF, quotes, ';', a formula prefix, a combining mark, NUL-free.
    static let hostile = "=cmd|' /C calc'!A0;\r\n\"Quỹ\" Nhi\u{0302}\u{0301}u — 'x'\\"

    @Test func aRegistryGoesThereAndBackWithEveryRowAndTheSameRankings() throws {
        let cli = try CLI()
        #expect(try cli.run("init").status == 0)
        try Self.addHostileRows(cli.database)
        let server = try PostgresServer(cli: cli)
        let target = try server.newDatabase()

        let there = try cli.run("migrate", "--to", target + "?sslmode=require")
        #expect(there.status == 0, "\(there.stderr)")
        #expect(there.stderr.contains("Copied") && there.stdout.contains("ngo_sector"))
        // psql's own view of what arrived.
        let ngos = try Self.rows(cli.database, "SELECT count(*) FROM ngo")
        #expect(ngos == [[.int64(44)]])
        #expect(try server.psql("SELECT count(*) FROM ngo", database: target) == "44")
        let hex = Array(Self.hostile.utf8).map { String(format: "%02x", $0) }.joined()
        #expect(
            try server.psql(
                "SELECT encode(convert_to(note, 'UTF8'), 'hex') FROM token WHERE id = 'hostile1'", database: target)
                == hex)
        #expect(
            try server.psql("SELECT holds_secret FROM outbox WHERE message_id = 'm-hostile'", database: target) == "t")
        #expect(
            try server.psql("SELECT encode(content, 'hex') FROM dossier WHERE item = 'hostile'", database: target)
                == (0...255).map { String(format: "%02x", $0) }.joined())
        // The next id after copied ids follows them, as SQLite's AUTOINCREMENT would.
        let lastAudit = try server.psql("SELECT max(id) FROM audit", database: target)
        let next = try server.psql(
            "INSERT INTO audit (at, actor, method, record) VALUES ('x', 'x', 'x', 'x') RETURNING id", database: target)
        #expect(Int(next) == Int(lastAudit)! + 1)
        _ = try server.psql("DELETE FROM audit WHERE id = \(next)", database: target)

        // A registry file that holds reference data and nothing else is replaced, its WAL with it.
        let copy = cli.folder.appendingPathComponent("back.sqlite").path
        #expect(try cli.run("init", "--empty", "--db", copy).status == 0)
        let back = try cli.run("migrate", "--from", target, "--db", copy)
        #expect(back.status == 0, "\(back.stderr)")
        let tables = try Self.tables(cli.database)
        #expect(tables.count == 32)
        #expect(try Self.tables(copy).sorted() == tables.sorted())
        for table in tables {
            let original = try Self.rows(cli.database, "SELECT * FROM \"\(table)\"")
            #expect(try Self.rows(copy, "SELECT * FROM \"\(table)\"") == original, "\(table)")
        }
        let asked = try cli.run("suggest", "--province", "Cao Bằng", "--format", "json")
        let askedCopy = try cli.run("suggest", "--province", "Cao Bằng", "--format", "json", "--db", copy)
        #expect(asked.status == 0 && asked.stdout.count > 1_000)
        #expect(askedCopy.stdout == asked.stdout)
    }

    @Test func aTargetThatHoldsRecordsIsRefusedAndKeepsThem() throws {
        let cli = try CLI()
        #expect(try cli.run("init").status == 0)
        let server = try PostgresServer(cli: cli)
        let target = try server.newDatabase()
        #expect(try cli.run("migrate", "--to", target).status == 0)
        _ = try server.psql("UPDATE ngo SET name = 'kept' WHERE id = (SELECT min(id) FROM ngo)", database: target)

        let again = try cli.run("migrate", "--to", target)
        #expect(again.status == 2)
        #expect(again.stderr.contains("is not empty") && again.stderr.contains("Nothing was changed"))
        #expect(try server.psql("SELECT count(*) FROM ngo WHERE name = 'kept'", database: target) == "1")

        // Into a registry file that holds records: refused, and the file is as it was.
        let before = try Self.rows(cli.database, "SELECT * FROM ngo")
        let into = try cli.run("migrate", "--from", target)
        #expect(into.status == 2)
        #expect(into.stderr.contains("is not empty"))
        #expect(try Self.rows(cli.database, "SELECT * FROM ngo") == before)
    }

    @Test func aCopyThatFailsLeavesTheTargetAsItWas() throws {
        let cli = try CLI()
        #expect(try cli.run("init").status == 0)
        // A row that names an NGO the registry does not hold: the deferred keys fail the copy at its end.
        let queue = try DatabaseQueue(path: cli.database)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: "INSERT INTO ngo_sector (ngo_id, sector_id, expertise) VALUES ('nobody', 'health', 3)")
        }
        try queue.close()
        let server = try PostgresServer(cli: cli)
        let target = try server.newDatabase()
        let failed = try cli.run("migrate", "--to", target)
        #expect(failed.status != 0)
        #expect(failed.stderr.contains("ngo_sector"), "\(failed.stderr)")
        #expect(
            try server.psql(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", database: target) == "0"
        )

        // And back: a source that is no registry leaves no file behind.
        let copy = cli.folder.appendingPathComponent("never.sqlite").path
        let none = try cli.run("migrate", "--from", target, "--db", copy)
        #expect(none.status == 2)
        #expect(none.stderr.contains("holds no ngomatch registry"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).filter { $0.hasPrefix("never") } == [])
    }

    @Test func aPasswordInTheLocationIsRefusedAndTheFileIsWhereItComesFrom() throws {
        let cli = try CLI()
        #expect(try cli.run("init").status == 0)
        let server = try PostgresServer(cli: cli)
        let target = try server.newDatabase()
        var withPassword = URLComponents(string: target)!
        withPassword.password = "secret"
        let refused = try cli.run("migrate", "--to", withPassword.string!)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("password file"))

        let noFile = try cli.run("migrate", "--to", target, environment: ["PGPASSFILE": cli.folder.path + "/none"])
        #expect(noFile.status == 1)
        #expect(noFile.stderr.contains("asks for a password"))

        // verify-full checks the server's certificate, which no authority here signed.
        let unverified = try cli.run("migrate", "--to", target + "?sslmode=verify-full")
        #expect(unverified.status == 1)
        #expect(
            try server.psql(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", database: target) == "0"
        )
    }

    static func addHostileRows(_ path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(
                sql:
                    "INSERT INTO token (id, hash, role, note, created_at) VALUES ('hostile1', 'h', 'ministry', ?, 'now')",
                arguments: [hostile])
            try db.execute(
                sql: """
                    INSERT INTO outbox (message_id, recipient, kind, subject, message, holds_secret, state,
                        next_attempt_at, created_at)
                    VALUES ('m-hostile', 'a@example.org', 'invitation', ?, ?, 1, 'pending', 'now', 'now')
                    """, arguments: [hostile, hostile])
            let need = try String.fetchOne(db, sql: "SELECT min(id) FROM need")!
            let ngo = try String.fetchOne(db, sql: "SELECT min(id) FROM ngo")!
            try db.execute(
                sql: """
                    INSERT INTO dossier (need_id, ngo_id, item, file_name, content_type, size, content)
                    VALUES (?, ?, 'hostile', ?, 'application/octet-stream', 256, ?)
                    """, arguments: [need, ngo, hostile, Data((0...255).map(UInt8.init))])
            try db.execute(
                sql: "INSERT INTO audit (at, actor, method, record) VALUES ('now', ?, 'test', ?)",
                arguments: [hostile, hostile])
        }
        try queue.close()
    }

    static func tables(_ path: String) throws -> [String] {
        try DatabaseQueue(path: path).read { db in
            try String.fetchAll(
                db,
                sql:
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations'"
            )
        }
    }

    /// Every row as SQLite stores it, storage classes and all, in an order of their own: a copy
    /// may bring rows in any order.
    static func rows(_ path: String, _ sql: String) throws -> [[DatabaseValue.Storage]] {
        try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: sql).map { row in row.databaseValues.map(\.storage) }
        }.sorted { "\($0)" < "\($1)" }
    }
}
