import NGOMatchCore

/// A constraint of the event that cannot hold, in words an organiser can act on.
package enum PlanConflict: Hashable, Sendable, CustomStringConvertible {
    case mustMeetAvoided(province: String, ngo: String)
    case noCommonSlot(province: String, ngo: String)
    case mustMeetNotPlaced(province: String, ngo: String)
    case tooManyMustMeets(party: String, count: Int, limit: Int)
    case minimumUnreachable(party: String, wanted: Int, reason: Phrase)
    /// A party's minimum that no schedule can meet, shown by a certificate.
    case minimumImpossible(MinimumCertificate)
    /// A party left short where an exact search proved that every schedule misses at least
    /// `leastMissing` meetings in all, as this plan does.
    case minimumProvenBySearch(party: String, wanted: Int, got: Int, leastMissing: Int)
    /// A party's minimum the planner did not meet, without proof that it cannot be.
    case minimumNotFound(party: String, wanted: Int, got: Int)

    package var description: String { text(.en) }

    /// The message in the reader's language.
    package func text(_ language: Language) -> String {
        switch self {
        case .mustMeetAvoided(let province, let ngo): Messages.text("plan.mustMeetAvoided", language, province, ngo)
        case .noCommonSlot(let province, let ngo): Messages.text("plan.noCommonSlot", language, province, ngo)
        case .mustMeetNotPlaced(let province, let ngo): Messages.text("plan.mustMeetNotPlaced", language, province, ngo)
        case .tooManyMustMeets(let party, let count, let limit):
            Messages.text("plan.tooManyMustMeets", language, party, "\(count)", "\(limit)")
        case .minimumUnreachable(let party, let wanted, let reason):
            Messages.counted("plan.minimumUnreachable", language, wanted, party, reason.text(language))
        case .minimumImpossible(let certificate): certificate.text(language)
        case .minimumProvenBySearch(let party, let wanted, let got, let leastMissing):
            Messages.counted("plan.minimumProvenBySearch", language, wanted, party, "\(got)", "\(leastMissing)")
        case .minimumNotFound(let party, let wanted, let got):
            Messages.counted("plan.minimumNotFound", language, wanted, party, "\(got)")
        }
    }

    /// A stable name for programs.
    package var kind: String {
        switch self {
        case .mustMeetAvoided: "mustMeetAvoided"
        case .noCommonSlot: "noCommonSlot"
        case .mustMeetNotPlaced: "mustMeetNotPlaced"
        case .tooManyMustMeets: "tooManyMustMeets"
        case .minimumUnreachable: "minimumUnreachable"
        case .minimumImpossible: "minimumImpossible"
        case .minimumProvenBySearch: "minimumProvenBySearch"
        case .minimumNotFound: "minimumNotFound"
        }
    }
}
