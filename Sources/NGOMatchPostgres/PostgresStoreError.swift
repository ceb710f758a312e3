import NGOMatchCore
import PostgresNIO

/// What PostgreSQL or the way to it refused, in words: postgres-nio keeps its errors' details
/// out of their descriptions, so they are read here field by field.
package struct PostgresStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    package let location: String
    package let reason: String

    package init(location: PostgresLocation, reason: String) {
        self.location = location.description
        self.reason = reason
    }

    init(_ error: PSQLError, location: PostgresLocation) {
        self.location = location.description
        if let info = error.serverInfo {
            reason = [info[.message], info[.detail], info[.hint]].compactMap { $0 }.joined(separator: " — ")
        } else if error.code == .authMechanismRequiresPassword {
            reason = Messages.text("postgres.noPassword", .en, location.user)
        } else if error.code == .sslUnsupported {
            reason = Messages.text("postgres.noTLS", .en)
        } else if let underlying = error.underlying {
            reason = "\(underlying)"
        } else {
            reason = "\(error.code)"
        }
    }

    package var description: String { text(.en) }
}

extension PostgresStoreError: Readable {
    package var phrase: Phrase { .key("postgres.failed", location, reason) }
}
