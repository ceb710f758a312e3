/// A recorded step between a need and an NGO: proposed, agreed, active, completed or declined.
///
/// Completed partnerships build an NGO's track record; open ones count against
/// its yearly capacity; a declined pair is not suggested again unless asked.
package struct Partnership: Hashable, Sendable, Codable {
    package enum Status: String, CaseIterable, Hashable, Sendable, Codable {
        case proposed
        case agreed
        case active
        case completed
        case declined

        /// Whether the partnership still takes up the NGO's capacity.
        package var isOpen: Bool { self == .proposed || self == .agreed || self == .active }
    }

    package var need: NeedID
    package var ngo: NGOID
    package var status: Status
    package var note: String?
    package var recordedAt: String?

    package init(need: NeedID, ngo: NGOID, status: Status, note: String? = nil, recordedAt: String? = nil) {
        self.need = need
        self.ngo = ngo
        self.status = status
        self.note = note
        self.recordedAt = recordedAt
    }
}
