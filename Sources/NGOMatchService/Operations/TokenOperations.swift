import NGOMatchCore
import NGOMatchStore

package enum TokenCreateOperation: ServiceOperation {
    package static let name = "tokens.create"
    package static let command = "tokens create"
    package static let access = Access.write("the ministry")
    package static let summary = "Makes a token for a program or a person (ministry)."
    package static let guidance =
        "Makes a token for a role: ministry (everything), province:UNIT (its own needs) or ngo:NGO (its own profile). The token is in this reply and nowhere else; only its hash is kept, and the audit trail names its id."
    package static let example = #"{"role":"province:Cao Bang","note":"Cao Bằng planning office"}"#
    package static let commandExample = [
        "tokens", "create", "--role", "province:Cao Bang", "--note", "Cao Bằng planning office",
    ]
    package static func run(_ service: MatchService, _ params: TokenCreateParams, caller: Caller) throws -> NewToken {
        try service.createToken(params, caller: caller)
    }
}

package enum TokensListOperation: ServiceOperation {
    package static let name = "tokens.list"
    package static let command = "tokens list"
    package static let access = Access.read
    package static let summary = "The tokens made, with their roles (ministry)."
    package static let guidance =
        "Every token made, oldest first: id, role, note, when made and when revoked. Never the tokens themselves. The ministry's to read."
    package static let example = "{}"
    package static let commandExample = ["tokens", "list"]
    // Tokens change without a new revision: a kept reply could outlive a revocation.
    package static let cost = OperationEntry.Cost.uncached
    package static func run(_ service: MatchService, _ params: NoParams, caller: Caller) throws -> [TokenInfo] {
        try service.tokens(caller: caller)
    }
}

package enum TokenRevokeOperation: ServiceOperation {
    package static let name = "tokens.revoke"
    package static let command = "tokens revoke"
    package static let access = Access.write("the ministry")
    package static let summary = "Revokes a token by its id (ministry)."
    package static let guidance =
        "Revokes a token at once: its next request is refused. Name it by the id tokens.list shows."
    package static let example = #"{"id":"AbC123xy"}"#
    package static let commandExample = ["tokens", "revoke", "AbC123xy"]
    package static func run(_ service: MatchService, _ params: TokenRevokeParams, caller: Caller) throws -> TokenInfo {
        try service.revokeToken(params, caller: caller)
    }
}
