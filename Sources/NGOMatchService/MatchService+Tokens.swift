import NGOMatchCore
import NGOMatchStore

public struct TokenCreateParams: OperationParams {
    public static let parameters = [
        Parameter(
            "role", .text, required: true,
            "ministry, province:UNIT (any of the unit's names, former ones too) or ngo:NGO (id, name or acronym)."),
        Parameter("note", .text, "Who the token is for, e.g. 'MOFA desk'."),
    ]
    public var role: String
    public var note: String?

    public init(role: String, note: String? = nil) {
        self.role = role
        self.note = note
    }
}

public struct TokenRevokeParams: OperationParams {
    public static let parameters = [
        Parameter("id", .text, required: true, "The token's id, as tokens.list shows it.")
    ]
    public var id: String

    public init(id: String) { self.id = id }
}

/// A token just made: the only time it is shown, as only its SHA-256 is kept.
public struct NewToken: Hashable, Sendable, Encodable {
    public let token: String
    public let id: String
    public let role: String
    public let note: String?
    public let createdAt: String
}

extension MatchService {
    /// Makes a token for a role whose province or NGO is named as people name it.
    public func createToken(_ params: TokenCreateParams, caller: Caller) throws -> NewToken {
        let role = try organisation(named: params.role, field: "role")
        // A person signed in may make a token for their own organisation, for a program of theirs.
        let forOwnOrganisation = try caller.personID != nil && caller.writer(TokenCreateOperation.name) == role
        if !forOwnOrganisation { try caller.mayHandle(.tokens, TokenCreateOperation.name) }
        let (token, info) = try registry.createToken(
            role: role, note: params.note, audit: caller.audit(TokenCreateOperation.name))
        return NewToken(token: token, id: info.id, role: info.role, note: info.note, createdAt: info.createdAt)
    }

    /// Every token made, oldest first: ids and roles, never the tokens.
    public func tokens(caller: Caller) throws -> [TokenInfo] {
        try caller.mayHandle(.tokens, TokensListOperation.name)
        return try registry.tokens()
    }

    public func revokeToken(_ params: TokenRevokeParams, caller: Caller) throws -> TokenInfo {
        try caller.mayHandle(.tokens, TokenRevokeOperation.name)
        return try registry.revokeToken(id: params.id, audit: caller.audit(TokenRevokeOperation.name))
    }
}
