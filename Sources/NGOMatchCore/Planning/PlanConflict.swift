/// A constraint of the event that cannot hold, in words an organiser can act on.
public enum PlanConflict: Hashable, Sendable, CustomStringConvertible {
    case mustMeetAvoided(province: String, ngo: String)
    case noCommonSlot(province: String, ngo: String)
    case mustMeetNotPlaced(province: String, ngo: String)
    case tooManyMustMeets(party: String, count: Int, limit: Int)
    case minimumUnreachable(province: String, wanted: Int, reason: String)
    case minimumNotMet(province: String, wanted: Int, got: Int)

    public var description: String {
        switch self {
        case .mustMeetAvoided(let province, let ngo):
            "\(province) and \(ngo) are both in mustMeet and in avoid; they will not meet"
        case .noCommonSlot(let province, let ngo):
            "\(province) and \(ngo) must meet, but they are never free in the same slot"
        case .mustMeetNotPlaced(let province, let ngo):
            "\(province) and \(ngo) must meet, but no slot and table could be found for them"
        case .tooManyMustMeets(let party, let count, let limit):
            "\(party) is in \(count) must-meet pairs but can have at most \(limit) meetings"
        case .minimumUnreachable(let province, let wanted, let reason):
            "\(province) wants \(wanted) meeting\(wanted == 1 ? "" : "s") but \(reason)"
        case .minimumNotMet(let province, let wanted, let got):
            "\(province) wants \(wanted) meeting\(wanted == 1 ? "" : "s") but got \(got): its possible partners"
                + " are taken or not free when it is"
        }
    }

    /// A stable name for programs.
    public var kind: String {
        switch self {
        case .mustMeetAvoided: "mustMeetAvoided"
        case .noCommonSlot: "noCommonSlot"
        case .mustMeetNotPlaced: "mustMeetNotPlaced"
        case .tooManyMustMeets: "tooManyMustMeets"
        case .minimumUnreachable: "minimumUnreachable"
        case .minimumNotMet: "minimumNotMet"
        }
    }
}
