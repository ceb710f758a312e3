/// A constraint of the event that cannot hold, in words an organiser can act on.
public enum PlanConflict: Hashable, Sendable, CustomStringConvertible {
    case mustMeetAvoided(province: String, ngo: String)
    case noCommonSlot(province: String, ngo: String)
    case mustMeetNotPlaced(province: String, ngo: String)
    case tooManyMustMeets(party: String, count: Int, limit: Int)
    case minimumUnreachable(party: String, wanted: Int, reason: String)
    /// A party's minimum that no schedule can meet, shown by a certificate.
    case minimumImpossible(MinimumCertificate)
    /// A party's minimum the planner did not meet, without proof that it cannot be.
    case minimumNotFound(party: String, wanted: Int, got: Int)

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
        case .minimumUnreachable(let party, let wanted, let reason):
            "\(party) wants \(wanted) meeting\(wanted == 1 ? "" : "s") but \(reason)"
        case .minimumImpossible, .minimumNotFound: text(.en)
        }
    }

    /// The message in the reader's language (minimums so far; the rest are in English until the
    /// message catalogue covers them).
    public func text(_ language: Language) -> String {
        switch self {
        case .minimumImpossible(let certificate): return certificate.text(language)
        case .minimumNotFound(let party, let wanted, let got):
            switch language {
            case .vi:
                return "\(party) cần ít nhất \(wanted) cuộc gặp nhưng chỉ được xếp \(got): bộ lập lịch không tìm được"
                    + " lịch đáp ứng mức tối thiểu này và cũng không chứng minh được là không thể"
            case .en:
                return "\(party) wants at least \(wanted) meeting\(wanted == 1 ? "" : "s") but got \(got): the planner"
                    + " did not find a schedule that gives it that many, and could not prove that none exists"
            }
        default: return description
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
        case .minimumImpossible: "minimumImpossible"
        case .minimumNotFound: "minimumNotFound"
        }
    }
}
