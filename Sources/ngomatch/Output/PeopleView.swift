import Foundation
import NGOMatchCore
import NGOMatchService

/// People and the outbox as the CLI's tables.
enum PeopleView {
    static func table(_ people: [Person]) -> String {
        var table = Table(keys: ["cli.id", "col.name", "col.email", "col.for", "col.rights", "col.lastSignIn"])
        for person in people {
            table.add([
                person.id, person.name, person.email, person.organisation,
                person.hasLeft ? "left \(day(person.leftAt))" : person.rights.rawValue, day(person.lastSignIn),
            ])
        }
        return table.render()
    }

    static func csv(_ people: [Person]) -> [String] {
        [CSVTable.line(["id", "name", "email", "for", "rights", "language", "invited_at", "last_sign_in", "left_at"])]
            + people.map {
                CSVTable.line([
                    $0.id, $0.name, $0.email, $0.organisation, $0.rights.rawValue, $0.language.rawValue, $0.invitedAt,
                    $0.lastSignIn ?? "", $0.leftAt ?? "",
                ])
            }
    }

    static func details(_ details: PersonDetails) -> String {
        table([details.person]) + "\n\n" + outbox(details.notices)
    }

    static func outbox(_ entries: [OutboxEntry]) -> String {
        var table = Table(keys: ["cli.id", "col.kind", "col.to", "col.state", "col.tries", "col.when", "col.reason"])
        for entry in entries {
            table.add([
                String(entry.id), entry.kind, entry.recipient, entry.state.rawValue, String(entry.attempts),
                minute(entry.sentAt ?? entry.createdAt), entry.lastError ?? "",
            ])
        }
        return table.render()
    }

    /// `2026-12-07T05:44:12.345Z` → `2026-12-07 05:44`: what a person reads.
    private static func minute(_ stamp: String) -> String {
        String(stamp.prefix(16)).replacingOccurrences(of: "T", with: " ")
    }

    private static func day(_ stamp: String?) -> String { stamp.map { String($0.prefix(10)) } ?? "" }
}
