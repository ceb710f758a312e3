import Foundation
import GRDB
import NGOMatchCore

/// A report an NGO filed, as recorded here.
package struct ReportFiling: Hashable, Sendable, Codable {
    package let ngo: NGOID
    package let duty: String
    package let filedOn: CalendarDate
    package let recordedBy: String
    package let recordedAt: String
    package let note: String?
}

/// The reports NGOs filed under Decree 58: what is owed is derived from their certificates;
/// only what was filed, and when, is kept.
extension Registry {
    /// Records (or corrects) the day a duty was filed; `nil` takes the record back.
    package func fileReport(
        ngo: NGOID, duty: String, filedOn: CalendarDate?, by: String, note: String?, audit: AuditEntry
    ) throws -> ReportFiling? {
        try change(audit: audit, revises: false) { db -> Audited<ReportFiling?> in
            guard let filedOn else {
                try db.execute(
                    sql: "DELETE FROM report_filing WHERE ngo_id = ? AND duty = ?", arguments: [ngo.rawValue, duty])
                return Audited(value: nil, auditName: "report \(ngo) \(duty): not filed")
            }
            let filing = ReportFiling(
                ngo: ngo, duty: duty, filedOn: filedOn, recordedBy: by, recordedAt: Self.now(), note: note)
            try db.execute(
                sql: """
                    INSERT INTO report_filing (ngo_id, duty, filed_on, recorded_by, recorded_at, note)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (ngo_id, duty) DO UPDATE SET filed_on = excluded.filed_on,
                      recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at, note = excluded.note
                    """,
                arguments: [ngo.rawValue, duty, filedOn.description, by, filing.recordedAt, note])
            return Audited(value: filing, auditName: "report \(ngo) \(duty): filed \(filedOn)")
        }.value
    }

    /// Every filing, by NGO and duty; one NGO's only when it is named.
    package func reportFilings(of ngo: NGOID? = nil) throws -> [NGOID: [String: CalendarDate]] {
        try database.read { db in
            var filings: [NGOID: [String: CalendarDate]] = [:]
            let (condition, arguments): (String, StatementArguments) =
                ngo.map { ("WHERE ngo_id = ?", [$0.rawValue]) } ?? ("", [])
            for row in try Row.fetchAll(
                db, sql: "SELECT ngo_id, duty, filed_on FROM report_filing \(condition)", arguments: arguments)
            {
                guard let day = CalendarDate(row["filed_on"] as String) else { continue }
                filings[NGOID(row["ngo_id"]), default: [:]][row["duty"]] = day
            }
            return filings
        }
    }

    /// Sets the first day filings count from: a ministry that kept them elsewhere before may
    /// move it back (and record those filings), or forward to start afresh.
    package func setReportingSince(_ day: CalendarDate, audit: AuditEntry) throws {
        _ = try change(audit: audit, revises: false) { db -> Audited<Void> in
            try db.execute(
                sql: """
                    INSERT INTO registry_info (key, value) VALUES ('reporting_since', ?)
                    ON CONFLICT (key) DO UPDATE SET value = excluded.value
                    """, arguments: [day.description])
            return Audited(value: (), auditName: "reports tracked since \(day)")
        }
    }

    /// The first day filings were kept here.
    package func reportingSince() throws -> CalendarDate {
        try database.read { db in try Self.info("reporting_since", db).flatMap(CalendarDate.init) } ?? .today
    }
}
