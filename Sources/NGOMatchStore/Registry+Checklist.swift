import GRDB
import NGOMatchCore
import NGOMatchSeeds

/// The checklist and the settings of interest: shipped defaults the ministry may replace.
extension Registry {
    /// The shipped checklist; the tests hold it valid, so it parses.
    package static let shippedChecklist: ApprovalChecklist = {
        do {
            return try ChecklistParser.parse(
                SeedFile.text(SeedFile.approvalChecklist) ?? "", file: SeedFile.approvalChecklist)
        } catch {
            fatalError("the shipped checklist is invalid: \(error)")
        }
    }()

    package static let shippedChecklistText = SeedFile.text(SeedFile.approvalChecklist) ?? ""

    /// Vietnam's working days, from the shipped holidays.
    package static let workingCalendar: WorkingCalendar = {
        do {
            return try WorkingCalendar.parse(SeedFile.text(SeedFile.holidays) ?? "", file: SeedFile.holidays)
        } catch {
            fatalError("the shipped holidays are invalid: \(error)")
        }
    }()

    /// The checklist's text in force: the ministry's, or the shipped one.
    package func checklistText() throws -> String {
        try database.read { db in try Self.info("approval_checklist", db) } ?? Self.shippedChecklistText
    }

    /// The checklist in force, read in the transaction that moves a pair by it.
    static func checklist(_ db: Database) throws -> ApprovalChecklist {
        guard let text = try info("approval_checklist", db) else { return shippedChecklist }
        return (try? ChecklistParser.parse(text, file: "approval_checklist")) ?? shippedChecklist
    }

    /// Replaces the checklist in force; the text was checked by the caller. Nil goes back to the shipped one.
    package func replaceChecklist(_ text: String?, audit: AuditEntry) throws {
        _ = try change(audit: audit, revises: false) { db in
            if let text {
                try db.execute(
                    sql: """
                        INSERT INTO registry_info (key, value) VALUES ('approval_checklist', ?)
                        ON CONFLICT (key) DO UPDATE SET value = excluded.value
                        """, arguments: [text])
            } else {
                try db.execute(sql: "DELETE FROM registry_info WHERE key = 'approval_checklist'")
            }
            return Audited(value: (), auditName: "approval checklist")
        }
    }

    /// How long a request waits for its answer, and how many an organisation may have open.
    package struct InterestSettings: Hashable, Sendable, Codable {
        package var expiryDays: Int
        package var openCap: Int

        package static let standard = InterestSettings(expiryDays: 14, openCap: 20)

        package init(expiryDays: Int, openCap: Int) {
            self.expiryDays = expiryDays
            self.openCap = openCap
        }
    }

    package func interestSettings() throws -> InterestSettings {
        try database.read { db in try Self.interestSettings(db) }
    }

    static func interestSettings(_ db: Database) throws -> InterestSettings {
        InterestSettings(
            expiryDays: try info("interest_expiry_days", db).flatMap(Int.init) ?? InterestSettings.standard.expiryDays,
            openCap: try info("interest_open_cap", db).flatMap(Int.init) ?? InterestSettings.standard.openCap)
    }

    package func setInterestSettings(_ settings: InterestSettings, audit: AuditEntry) throws -> InterestSettings {
        try change(audit: audit, revises: false) { db in
            for (key, value) in [
                ("interest_expiry_days", settings.expiryDays), ("interest_open_cap", settings.openCap),
            ] {
                try db.execute(
                    sql: """
                        INSERT INTO registry_info (key, value) VALUES (?, ?)
                        ON CONFLICT (key) DO UPDATE SET value = excluded.value
                        """, arguments: [key, "\(value)"])
            }
            return Audited(value: try Self.interestSettings(db), auditName: "interest settings")
        }.value
    }

    static func info(_ key: String, _ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM registry_info WHERE key = ?", arguments: [key])
    }
}
