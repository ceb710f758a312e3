import NGOMatchCore
import NGOMatchStore

/// What a kept reply was made from, so that a write drops only the replies it could change.
///
/// During a meeting most writes are needs updated by their provinces, and most reads rank
/// NGOs for other needs: those rankings read the need, every NGO, the partnerships and the
/// rule sets, and nothing of the other needs but their part in NGOs' track records.
enum ReplyScope: Hashable, Sendable {
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

    init(method: String, params: JSONValue?) {
        switch method {
        case "sectors.list", "provinces.list", "communes.list", "communes.get": self = .reference
        case "rules.list", "rules.get": self = .ruleSets
        case "needs.get": self = Self.text(params?["id"]).map { .need(NeedID($0)) } ?? .whole
        case "ngos.get": self = .ngos
        case "match.suggest" where params?["province"] == nil,
            "match.explain":
            self = Self.text(params?["need"]).map { .ranking(NeedID($0)) } ?? .whole
        default: self = .whole
        }
    }

    private static func text(_ value: JSONValue?) -> String? {
        if case .string(let text)? = value { text } else { nil }
    }

    /// Whether a reply of this scope still holds after `changes`.
    /// - Parameter trackRecordChanged: a changed need had completed partnerships, so NGOs'
    ///   track record in its province and sectors may have moved.
    func survives(_ changes: RecordChanges, trackRecordChanged: Bool) -> Bool {
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
