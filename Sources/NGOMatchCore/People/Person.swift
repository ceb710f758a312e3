/// Someone who signs in: who they are, whom they act for, and what they may do there.
package struct Person: Hashable, Sendable, Codable {
    package let id: String
    /// Kept as typed, compared folded to lowercase: the address a person signs in with.
    package var email: String
    package var name: String
    package var language: Language
    /// `ministry`, `province:cao-bang` or `ngo:wwf-vietnam`, as a token's role is written.
    package var organisation: String
    package var rights: PersonRights
    package let invitedAt: String
    package let invitedBy: String
    package var lastSignIn: String?
    /// Set when the person left: they can no longer sign in, and are told nothing more.
    package var leftAt: String?

    package init(
        id: String, email: String, name: String, language: Language, organisation: String, rights: PersonRights,
        invitedAt: String, invitedBy: String, lastSignIn: String?, leftAt: String?
    ) {
        self.id = id
        self.email = email
        self.name = name
        self.language = language
        self.organisation = organisation
        self.rights = rights
        self.invitedAt = invitedAt
        self.invitedBy = invitedBy
        self.lastSignIn = lastSignIn
        self.leftAt = leftAt
    }

    package var role: Role? { Role(organisation) }
    package var hasLeft: Bool { leftAt != nil }

    enum CodingKeys: String, CodingKey {
        case id, email, name, language
        case organisation = "for"
        case rights, invitedAt, invitedBy, lastSignIn, leftAt
    }
}

/// What a person may do for their organisation; each includes the ones before it.
package enum PersonRights: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// Read what the organisation sees.
    case read
    /// Change the organisation's records and invite colleagues.
    case edit
    /// Organise meeting events: the ministry's people only.
    case organise

    package static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
