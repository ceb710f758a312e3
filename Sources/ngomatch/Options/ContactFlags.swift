import ArgumentParser
import NGOMatchCore

/// Whom to write to about a record, NGO or need alike.
struct ContactFlags: ParsableArguments {
    @Option(name: .customLong("contact-name")) var contactName: String?
    @Option(name: .customLong("contact-email")) var contactEmail: String?
    @Option(name: .customLong("contact-phone")) var contactPhone: String?

    /// The contact given, in the import format; nil when no flag was.
    var record: JSONValue? {
        guard contactName != nil || contactEmail != nil || contactPhone != nil else { return nil }
        return RecordFile.object(["name": contactName.json, "email": contactEmail.json, "phone": contactPhone.json])
    }
}
