import NGOMatchCore
import NGOMatchStore

public enum TokenCreateOperation: ServiceOperation {
    public static let name = "tokens.create"
    public static let command = "tokens create"
    public static let access = Access.write("the ministry")
    public static let summary = "Makes a token for a program or a person (ministry)."
    public static let guidance =
        "Makes a token for a role: ministry (everything), province:UNIT (its own needs) or ngo:NGO (its own profile). The token is in this reply and nowhere else; only its hash is kept, and the audit trail names its id."
    public static let example = #"{"role":"province:Cao Bang","note":"Cao Bằng planning office"}"#
    public static let commandExample = [
        "tokens", "create", "--role", "province:Cao Bang", "--note", "Cao Bằng planning office",
    ]
    public static func run(_ service: MatchService, _ params: TokenCreateParams, caller: Caller) throws -> NewToken {
        try service.createToken(params, caller: caller)
    }
}

public enum TokensListOperation: ServiceOperation {
    public static let name = "tokens.list"
    public static let command = "tokens list"
    public static let access = Access.read
    public static let summary = "The tokens made, with their roles (ministry)."
    public static let guidance =
        "Every token made, oldest first: id, role, note, when made and when revoked. Never the tokens themselves. The ministry's to read."
    public static let example = "{}"
    public static let commandExample = ["tokens", "list"]
    // Tokens change without a new revision: a kept reply could outlive a revocation.
    public static let cost = OperationEntry.Cost.uncached
    public static func run(_ service: MatchService, _ params: NoParams, caller: Caller) throws -> [TokenInfo] {
        try service.tokens(caller: caller)
    }
}

public enum TokenRevokeOperation: ServiceOperation {
    public static let name = "tokens.revoke"
    public static let command = "tokens revoke"
    public static let access = Access.write("the ministry")
    public static let summary = "Revokes a token by its id (ministry)."
    public static let guidance =
        "Revokes a token at once: its next request is refused. Name it by the id tokens.list shows."
    public static let example = #"{"id":"AbC123xy"}"#
    public static let commandExample = ["tokens", "revoke", "AbC123xy"]
    public static func run(_ service: MatchService, _ params: TokenRevokeParams, caller: Caller) throws -> TokenInfo {
        try service.revokeToken(params, caller: caller)
    }
}
