/// What NGOs and needs share as records of the registry: an id, when they were registered and
/// last changed, and how messages name one ("NGO 'mcnv'", "need 'cao-bang-1'").
package protocol RegisteredRecord: Codable, Sendable {
    var recordID: String { get }
    var createdAt: String? { get set }
    var updatedAt: String? { get set }
    /// The catalogue keys that name one record, and refuse a change of its id.
    static var recordKey: String { get }
    static var idConflictKey: String { get }
}

extension NGO: RegisteredRecord {
    package var recordID: String { id.rawValue }
    package static let recordKey = "record.ngo"
    package static let idConflictKey = "conflict.ngoID"
}

extension Need: RegisteredRecord {
    package var recordID: String { id.rawValue }
    package static let recordKey = "record.need"
    package static let idConflictKey = "conflict.needID"
}
