import NGOMatchCore

extension Registry {
    /// `existing` with `changes` laid over it (lists are replaced whole), read again as a new
    /// record would be, so a change is checked as strictly as a registration.
    /// - Throws: `RegistryError.conflict` for a change of id; `ValidationFailure` naming every bad field.
    static func merged<Record: RegisteredRecord>(
        _ existing: Record, _ changes: JSONValue, read: (JSONValue) -> Result<Record, InvalidRecord>
    ) throws -> Record {
        if case .string(let newID)? = changes["id"], newID != existing.recordID {
            throw RegistryError.conflict(.key(Record.idConflictKey, existing.recordID, newID))
        }
        switch read(try JSONValue(encoding: existing).merging(changes)) {
        case .success(var record):
            record.createdAt = existing.createdAt
            record.updatedAt = now()
            return record
        case .failure(let invalid):
            throw ValidationFailure(records: [
                RecordProblems(
                    location: .verbatim(""), record: .key(Record.recordKey, existing.recordID),
                    problems: invalid.problems)
            ])
        }
    }
}
