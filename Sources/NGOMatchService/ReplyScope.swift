import NGOMatchCore
import NGOMatchStore

/// What a kept reply was made from, so that a write drops only the replies it could change.
///
/// During a meeting most writes are needs updated by their provinces, and most reads rank
/// NGOs for other needs: those rankings read the need, every NGO, the partnerships and the
/// rule sets, and nothing of the other needs but their part in NGOs' track records.
///
/// Each operation declares its own (`ServiceOperation.replyScope`); one that does not is `whole`.
package enum ReplyScope: Hashable, Sendable {
    /// Reference data that no record changes (sectors, provinces, communes).
    case reference
    /// The stored rule sets.
    case ruleSets
    /// One need's record, with its partnerships.
    case need(NeedID)
    /// NGOs' records, found by name, with their partnerships.
    case ngos
    /// NGOs ranked for one need, or one pair explained.
    case ranking(NeedID)
    /// Anything: dropped by every change.
    case whole

    /// Whether a reply of this scope still holds after `changes`.
    /// - Parameter trackRecordChanged: a changed need had completed partnerships, so NGOs'
    ///   track record in its province and sectors may have moved.
    package func survives(_ changes: RecordChanges, trackRecordChanged: Bool) -> Bool {
        switch self {
        case .reference: true
        case .ruleSets: !changes.ruleSets
        case .need(let id): !changes.needs.contains(id) && changes.partnerships.isEmpty
        case .ngos: changes.ngos.isEmpty && changes.partnerships.isEmpty
        case .ranking(let id):
            !changes.needs.contains(id) && changes.ngos.isEmpty && changes.partnerships.isEmpty
                && !changes.ruleSets && !trackRecordChanged
        case .whole: changes.count == 0 && !changes.ruleSets
        }
    }
}
