import NGOMatchCore
import NGOMatchStore

package struct TokenCreateParams: OperationParams {
    package static let parameters = [
        Parameter(
            "role", .text, required: true,
            "ministry, province:UNIT (any of the unit's names, former ones too) or ngo:NGO (id, name or acronym)."),
        Parameter("note", .text, "Who the token is for, e.g. 'MOFA desk'."),
    ]
    package var role: String
    package var note: String?

    package init(role: String, note: String? = nil) {
        self.role = role
        self.note = note
    }
}

package struct TokenRevokeParams: OperationParams {
    package static let parameters = [
        Parameter("id", .text, required: true, "The token's id, as tokens.list shows it.")
    ]
    package var id: String

    package init(id: String) { self.id = id }
}

/// A token just made: the only time it is shown, as only its SHA-256 is kept.
package struct NewToken: Hashable, Sendable, Encodable {
    package let token: String
    package let id: String
    package let role: String
    package let note: String?
    package let createdAt: String
}

extension MatchService {
    /// Makes a token for a role whose province or NGO is named as people name it.
    package func createToken(_ params: TokenCreateParams, caller: Caller) throws -> NewToken {
        let role = try organisation(named: params.role, field: "role")
        // A person signed in may make a token for their own organisation, for a program of theirs.
        let forOwnOrganisation = try caller.personID != nil && caller.writer(TokenCreateOperation.name) == role
        if !forOwnOrganisation { try caller.mayHandle(.tokens, TokenCreateOperation.name) }
        let (token, info) = try registry.createToken(
            role: role, note: params.note, audit: caller.audit(TokenCreateOperation.name))
        return NewToken(token: token, id: info.id, role: info.role, note: info.note, createdAt: info.createdAt)
    }

    /// Every token made, oldest first: ids and roles, never the tokens.
    package func tokens(caller: Caller) throws -> [TokenInfo] {
        try caller.mayHandle(.tokens, TokensListOperation.name)
        return try registry.tokens()
    }

    package func revokeToken(_ params: TokenRevokeParams, caller: Caller) throws -> TokenInfo {
        try caller.mayHandle(.tokens, TokenRevokeOperation.name)
        return try registry.revokeToken(id: params.id, audit: caller.audit(TokenRevokeOperation.name))
    }

    /// The caller as the registry has it now: a person who left or a revoked token is nobody
    /// (nil), and a person whose role or rights changed acts with the new ones. A session that
    /// outlives such a change must not keep what was taken away.
    package func currentCaller(_ caller: Caller) -> Caller? {
        switch caller {
        case .person(let id, _, _):
            guard let person = try? registry.person(id), person.leftAt == nil, let role = person.role else {
                return nil
            }
            return .person(id: id, role: role, rights: person.rights)
        case .token(let id, _):
            // A web session names its token `id@web`, so that the audit trail shows the door.
            let tokenID = id.hasSuffix("@web") ? String(id.dropLast(4)) : id
            return (try? registry.isActiveToken(id: tokenID)) == true ? caller : nil
        case .local, .anonymous: return caller
        }
    }
}
