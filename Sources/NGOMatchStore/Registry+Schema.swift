import Foundation
import GRDB
import NGOMatchCore
import NGOMatchSeeds

extension Registry {
    /// Every schema change, in order. Never edit a shipped migration: add one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-registry") { db in
            try db.create(table: "registry_info") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
            // The seed files the registry was made from, kept whole so the
            // registry carries its own reference data.
            try db.create(table: "reference_file") { t in
                t.primaryKey("name", .text)
                t.column("content", .text).notNull()
            }
            try db.create(table: "province") { t in
                t.primaryKey("id", .text)
                t.column("name_vi", .text).notNull()
                t.column("name_en", .text).notNull()
                t.column("region", .text).notNull()
            }
            try db.create(table: "sector") { t in
                t.primaryKey("id", .text)
                t.column("parent_id", .text).references("sector")
                t.column("name_vi", .text).notNull()
                t.column("name_en", .text).notNull()
            }
            try db.create(table: "ngo") { t in
                t.primaryKey("id", .text)
                t.column("name", .text).notNull()
                t.column("acronym", .text)
                t.column("document", .jsonText).notNull()
                t.column("created_at", .text).notNull()
                t.column("updated_at", .text).notNull()
            }
            try db.create(table: "ngo_sector") { t in
                t.column("ngo_id", .text).notNull().references("ngo", onDelete: .cascade)
                t.column("sector_id", .text).notNull().references("sector")
                t.column("expertise", .integer).notNull().check { (1...5).contains($0) }
                t.primaryKey(["ngo_id", "sector_id"])
            }
            try db.create(table: "need") { t in
                t.primaryKey("id", .text)
                t.column("province_id", .text).notNull().references("province")
                t.column("status", .text).notNull()
                t.column("title", .text).notNull()
                t.column("document", .jsonText).notNull()
                t.column("created_at", .text).notNull()
                t.column("updated_at", .text).notNull()
            }
            try db.create(index: "need_by_province", on: "need", columns: ["province_id", "status"])
            try db.create(table: "need_sector") { t in
                t.column("need_id", .text).notNull().references("need", onDelete: .cascade)
                t.column("sector_id", .text).notNull().references("sector")
                t.column("priority", .integer).notNull().check { (1...5).contains($0) }
                t.primaryKey(["need_id", "sector_id"])
            }
            try db.create(index: "need_sector_by_sector", on: "need_sector", columns: ["sector_id"])
        }
        migrator.registerMigration("v2-partnerships") { db in
            try db.create(table: "partnership") { t in
                t.column("need_id", .text).notNull().references("need", onDelete: .cascade)
                t.column("ngo_id", .text).notNull().references("ngo", onDelete: .cascade)
                t.column("status", .text).notNull()
                t.column("note", .text)
                t.column("recorded_at", .text).notNull()
                t.primaryKey(["need_id", "ngo_id"])
            }
            try db.create(index: "partnership_by_ngo", on: "partnership", columns: ["ngo_id"])
        }
        migrator.registerMigration("v3-tokens-audit") { db in
            try db.create(table: "token") { t in
                t.primaryKey("id", .text)
                // SHA-256 of the token; the token itself is shown once and never stored.
                t.column("hash", .text).notNull().unique()
                t.column("role", .text).notNull()
                t.column("note", .text)
                t.column("created_at", .text).notNull()
                t.column("revoked_at", .text)
            }
            try db.create(table: "audit") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .text).notNull()
                t.column("actor", .text).notNull()
                t.column("method", .text).notNull()
                t.column("record", .text).notNull()
            }
        }
        migrator.registerMigration("v4-rule-sets") { db in
            // Rule sets the ministry publishes by name. Versions are kept, never edited,
            // so a ranking made under `name@2` can be explained after `name@3` exists.
            try db.create(table: "rule_set") { t in
                t.column("name", .text).notNull()
                t.column("version", .integer).notNull()
                t.column("text", .text).notNull()
                t.column("added_by", .text).notNull()
                t.column("added_at", .text).notNull()
                t.column("removed_at", .text)
                t.primaryKey(["name", "version"])
            }
        }
        migrator.registerMigration("v5-units-2026") { db in
            // Reference data is the shipped facts, not the users' records: since 30 April 2026
            // Đồng Nai is a city, and units carry their official codes, which communes need.
            if let provinces = SeedFile.text(SeedFile.provinces) {
                try db.execute(
                    sql: "UPDATE reference_file SET content = ? WHERE name = ?",
                    arguments: [provinces, SeedFile.provinces])
            }
        }
        migrator.registerMigration("v6-events") { db in
            // A meeting event's settings are one document; participants, wishes and the
            // organiser's pair rules are rows, so that one participant's answer rewrites one row
            // however many others have answered.
            try db.create(table: "event") { t in
                t.primaryKey("id", .text)
                t.column("status", .text).notNull()
                t.column("document", .jsonText).notNull()
                t.column("created_at", .text).notNull()
                t.column("updated_at", .text).notNull()
            }
            try db.create(table: "event_participant") { t in
                t.column("event_id", .text).notNull().references("event", onDelete: .cascade)
                t.column("side", .text).notNull()
                t.column("party_id", .text).notNull()
                t.column("position", .integer).notNull()
                t.column("document", .jsonText).notNull()
                t.primaryKey(["event_id", "side", "party_id"])
            }
            try db.create(table: "event_wish") { t in
                t.column("event_id", .text).notNull().references("event", onDelete: .cascade)
                t.column("province_id", .text).notNull()
                t.column("ngo_id", .text).notNull()
                t.column("from_side", .text).notNull()
                t.column("weight", .double).notNull()
                t.column("reason", .text)
                t.primaryKey(["event_id", "province_id", "ngo_id", "from_side"])
            }
            try db.create(table: "event_pair") { t in
                t.column("event_id", .text).notNull().references("event", onDelete: .cascade)
                t.column("province_id", .text).notNull()
                t.column("ngo_id", .text).notNull()
                t.column("rule", .text).notNull()
                t.primaryKey(["event_id", "province_id", "ngo_id"])
            }
            // Every planning run is kept, whether published or not.
            try db.create(table: "event_plan") { t in
                t.column("event_id", .text).notNull().references("event", onDelete: .cascade)
                t.column("number", .integer).notNull()
                t.column("made_at", .text).notNull()
                t.column("made_by", .text).notNull()
                t.column("published_as", .text)
                t.column("meeting_count", .integer).notNull()
                t.column("total_value", .double).notNull()
                t.column("upper_bound", .double).notNull()
                t.column("minimums", .text).notNull()
                t.column("report", .jsonText).notNull()
                t.primaryKey(["event_id", "number"])
            }
            // The meetings of the published schedule; numbers stay with a pair across replans.
            try db.create(table: "event_meeting") { t in
                t.column("event_id", .text).notNull().references("event", onDelete: .cascade)
                t.column("number", .integer).notNull()
                t.column("province_id", .text).notNull()
                t.column("ngo_id", .text).notNull()
                t.column("status", .text).notNull()
                t.column("document", .jsonText).notNull()
                t.primaryKey(["event_id", "number"])
            }
        }
        migrator.registerMigration("v7-change-log") { db in
            // What each write changed, kept with the write: another process holding a compiled
            // index (or a snapshot of one) follows these records instead of compiling afresh.
            try db.create(table: "change_log") { t in
                t.primaryKey("revision", .integer)
                // Null for a change that cannot say what it touched (an import): a hole to follow.
                t.column("changes", .jsonText)
                // The revision's token: what tells this revision from one of the same number
                // reached by other writes (a backup copied over the file, then written to).
                t.column("token", .text).notNull()
            }
            // Which registry this is, for a snapshot beside the file: a copy of another registry
            // put in its place may have reached the same revision.
            try db.execute(
                sql: "INSERT INTO registry_info (key, value) VALUES ('lineage', ?)",
                arguments: [UUID().uuidString.lowercased()])
        }
        migrator.registerMigration("v8-people-outbox") { db in
            try db.create(table: "person") { t in
                t.primaryKey("id", .text)
                t.column("email", .text).notNull()
                // The address folded to lowercase: what sign-in compares.
                t.column("email_key", .text).notNull()
                t.column("name", .text).notNull()
                t.column("language", .text).notNull()
                t.column("organisation", .text).notNull()
                t.column("rights", .text).notNull()
                t.column("invited_at", .text).notNull()
                t.column("invited_by", .text).notNull()
                t.column("last_sign_in", .text)
                t.column("left_at", .text)
            }
            // One address per person still here; someone who left may be invited again.
            try db.execute(sql: "CREATE UNIQUE INDEX person_by_email ON person (email_key) WHERE left_at IS NULL")
            try db.create(index: "person_by_organisation", on: "person", columns: ["organisation"])
            // A way in by mail: a link and a code, kept only as hashes; single use.
            try db.create(table: "sign_in") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("person_id", .text).notNull().references("person", onDelete: .cascade)
                t.column("purpose", .text).notNull()
                t.column("link_hash", .text).notNull().unique()
                t.column("code_hash", .text).notNull()
                t.column("created_at", .text).notNull()
                t.column("expires_at", .text).notNull()
                t.column("used_at", .text)
                t.column("tries", .integer).notNull().defaults(to: 0)
            }
            try db.create(index: "sign_in_by_person", on: "sign_in", columns: ["person_id", "used_at"])
            // Every notice, written in the transaction of the change that causes it; a sender
            // delivers it and records how it went.
            try db.create(table: "outbox") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("message_id", .text).notNull().unique()
                t.column("recipient", .text).notNull()
                t.column("person_id", .text)
                t.column("kind", .text).notNull()
                t.column("subject", .text).notNull()
                // The whole message; emptied once delivered when it held a sign-in secret.
                t.column("message", .text)
                t.column("holds_secret", .boolean).notNull().defaults(to: false)
                t.column("state", .text).notNull()
                t.column("attempts", .integer).notNull().defaults(to: 0)
                t.column("next_attempt_at", .text).notNull()
                t.column("last_error", .text)
                t.column("claimed_by", .text)
                t.column("claimed_until", .text)
                t.column("created_at", .text).notNull()
                t.column("sent_at", .text)
            }
            try db.create(index: "outbox_due", on: "outbox", columns: ["state", "next_attempt_at"])
        }
        migrator.registerMigration("v9-outbox-topic") { db in
            // What a notice is about (`event:gap-go-2026`): the organiser reads who was told
            // what about an event, and a reminder is not written twice in its interval.
            try db.alter(table: "outbox") { t in t.add(column: "topic", .text) }
            try db.create(index: "outbox_by_topic", on: "outbox", columns: ["topic", "kind", "recipient"])
        }
        migrator.registerMigration("v10-inbox-settings") { db in
            // Every notice to a person, whether or not it is mailed at once: their inbox.
            try db.create(table: "notice") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("person_id", .text).notNull().references("person", onDelete: .cascade)
                t.column("kind", .text).notNull()
                t.column("topic", .text)
                t.column("subject", .text).notNull()
                t.column("link", .text)
                t.column("created_at", .text).notNull()
                t.column("read_at", .text)
                // Waiting for the person's daily or weekly digest.
                t.column("digest_pending", .boolean).notNull().defaults(to: false)
            }
            try db.create(index: "notice_by_person", on: "notice", columns: ["person_id", "read_at"])
            // How each person wants each kind of notice: immediately (the default), daily, weekly, off.
            try db.create(table: "notice_setting") { t in
                t.column("person_id", .text).notNull().references("person", onDelete: .cascade)
                t.column("kind", .text).notNull()
                t.column("cadence", .text).notNull()
                t.primaryKey(["person_id", "kind"])
            }
            try db.execute(
                sql: "INSERT INTO registry_info (key, value) VALUES ('unsubscribe_key', ?)",
                arguments: [UUID().uuidString + UUID().uuidString])
        }
        migrator.registerMigration("v11-interest-pipeline") { db in
            // One side's request to the other about a need, answered, connected, or expired.
            try db.create(table: "interest") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("need_id", .text).notNull().references("need", onDelete: .cascade)
                t.column("ngo_id", .text).notNull().references("ngo", onDelete: .cascade)
                t.column("province_id", .text).notNull()
                t.column("from_side", .text).notNull()
                t.column("by", .text).notNull()
                t.column("message", .text).notNull()
                t.column("amount", .double)
                t.column("currency", .text)
                t.column("timeframe", .text)
                t.column("status", .text).notNull()
                t.column("created_at", .text).notNull()
                t.column("expires_at", .text).notNull()
                t.column("answered_at", .text)
                t.column("answered_by", .text)
                t.column("reason", .text)
                t.column("answer", .text)
            }
            try db.create(index: "interest_by_pair", on: "interest", columns: ["need_id", "ngo_id", "status"])
            try db.create(index: "interest_by_ngo", on: "interest", columns: ["ngo_id", "status"])
            try db.create(index: "interest_by_province", on: "interest", columns: ["province_id", "status"])
            try db.create(table: "interest_message") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("interest_id", .integer).notNull().references("interest", onDelete: .cascade)
                t.column("side", .text)
                t.column("by", .text).notNull()
                t.column("text", .text).notNull()
                t.column("at", .text).notNull()
            }
            // Where each pair someone acted on stands: one stage at a time, every move kept.
            try db.create(table: "pipeline") { t in
                t.column("need_id", .text).notNull().references("need", onDelete: .cascade)
                t.column("ngo_id", .text).notNull().references("ngo", onDelete: .cascade)
                t.column("stage", .text).notNull()
                t.column("since", .text).notNull()
                t.primaryKey(["need_id", "ngo_id"])
            }
            try db.create(index: "pipeline_by_ngo", on: "pipeline", columns: ["ngo_id"])
            try db.create(table: "pipeline_move") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("need_id", .text).notNull().references("need", onDelete: .cascade)
                t.column("ngo_id", .text).notNull().references("ngo", onDelete: .cascade)
                t.column("stage", .text).notNull()
                t.column("at", .text).notNull()
                t.column("by", .text).notNull()
                t.column("door", .text).notNull()
                t.column("reason", .text)
                t.column("decision_number", .text)
                t.column("decision_date", .text)
                t.column("authority", .text)
                t.column("note", .text)
            }
            try db.create(index: "pipeline_move_by_pair", on: "pipeline_move", columns: ["need_id", "ngo_id"])
            // The approval dossier's items of each pair; a document is kept in the registry.
            try db.create(table: "dossier") { t in
                t.column("need_id", .text).notNull().references("need", onDelete: .cascade)
                t.column("ngo_id", .text).notNull().references("ngo", onDelete: .cascade)
                t.column("item", .text).notNull()
                t.column("done_at", .text)
                t.column("done_by", .text)
                t.column("file_name", .text)
                t.column("content_type", .text)
                t.column("size", .integer)
                t.column("content", .blob)
                t.primaryKey(["need_id", "ngo_id", "item"])
            }
            // Partnerships recorded before the pipeline join it at their stage.
            let checklist = Registry.shippedChecklist
            for row in try Row.fetchAll(db, sql: "SELECT need_id, ngo_id, status, recorded_at FROM partnership") {
                let status = Partnership.Status(rawValue: row["status"]) ?? .proposed
                let stage = checklist.stage(for: status)
                let at: String = row["recorded_at"]
                try db.execute(
                    sql: "INSERT INTO pipeline (need_id, ngo_id, stage, since) VALUES (?, ?, ?, ?)",
                    arguments: [row["need_id"], row["ngo_id"], stage, at])
                try db.execute(
                    sql: """
                        INSERT INTO pipeline_move (need_id, ngo_id, stage, at, by, door, note)
                        VALUES (?, ?, ?, ?, 'ngomatch', 'migration', ?)
                        """,
                    arguments: [row["need_id"], row["ngo_id"], stage, at, "recorded as \(status.rawValue)"])
            }
        }
        migrator.registerMigration("v12-reporting-overviews") { db in
            // The reports an NGO filed under Decree 58: its plan to a province, its annual report.
            try db.create(table: "report_filing") { t in
                t.column("ngo_id", .text).notNull().references("ngo", onDelete: .cascade)
                t.column("duty", .text).notNull()
                t.column("filed_on", .text).notNull()
                t.column("recorded_by", .text).notNull()
                t.column("recorded_at", .text).notNull()
                t.column("note", .text)
                t.primaryKey(["ngo_id", "duty"])
            }
            // When each person's overview was last made, sent or (with nothing new) not.
            try db.create(table: "overview_run") { t in
                t.primaryKey("person_id", .text).references("person", onDelete: .cascade)
                t.column("at", .text).notNull()
            }
            // Duties due before this day were never recorded here: they are not called late.
            try db.execute(
                sql: "INSERT INTO registry_info (key, value) VALUES ('reporting_since', ?)",
                arguments: [String(Registry.now().prefix(10))])
        }
        migrator.registerMigration("v13-iati-activities") { db in
            // Activities NGOs published in IATI, as the track record each adds to one registry
            // NGO; a later file's version of an activity replaces the earlier (same identifier).
            try db.create(table: "iati_activity") { t in
                t.primaryKey("identifier", .text)
                t.column("ngo_id", .text).notNull().indexed().references("ngo", onDelete: .cascade)
                t.column("document", .text).notNull()
                t.column("source", .text).notNull()
                t.column("imported_at", .text).notNull()
            }
        }
        return migrator
    }
}
