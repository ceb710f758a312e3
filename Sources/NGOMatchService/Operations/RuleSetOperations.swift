import NGOMatchCore

public enum RulesListOperation: ServiceOperation {
    public static let name = "rules.list"
    public static let command = "rules list"
    public static let access = Access.read
    public static let summary = "The shipped rule sets and those added to the registry."
    public static let guidance =
        "The rule sets a ranking can use: their names, weights per factor, minimum score, and for added ones who added which version when."
    public static let example = "{}"
    public static let commandExample = ["rules", "list"]
    public static func run(_ service: MatchService, _ params: NoParams, caller: Caller) throws -> [RuleSetSummary] {
        try service.ruleSets()
    }
    public static func replyScope(_ params: Params) -> ReplyScope { .ruleSets }
}

public enum RulesGetOperation: ServiceOperation {
    public static let name = "rules.get"
    public static let command = "rules show"
    public static let access = Access.read
    public static let summary = "One rule set with its text; name@2 for a version."
    public static let guidance = "One rule set whole: its YAML with comments, and its versions."
    public static let example = #"{"name":"climate"}"#
    public static let commandExample = ["rules", "show", "climate"]
    public static func run(_ service: MatchService, _ params: RuleSetGetParams, caller: Caller) throws -> RuleSetDetail
    {
        try service.ruleSet(params)
    }
    public static func replyScope(_ params: Params) -> ReplyScope { .ruleSets }
}

public enum RulesAddOperation: ServiceOperation {
    public static let name = "rules.add"
    public static let command = "rules add"
    public static let access = Access.write("the ministry")
    public static let summary = "Adds a rule set, or a new version of one (ministry)."
    public static let guidance =
        "Publishes a way of scoring under a name every client can use; adding the name again makes a new version."
    public static let example =
        #"{"name":"water-first","text":"name: water-first\nminimumScore: 20\nfactors:\n  sectorFit:\n    weight: 70\n  geography:\n    weight: 30\n"}"#
    public static let commandExample = ["rules", "add", "water-first", "{file}"]
    public static func run(_ service: MatchService, _ params: RuleSetAddParams, caller: Caller) throws -> RuleSetDetail
    {
        try service.addRuleSet(params, caller: caller)
    }
}

public enum RulesRemoveOperation: ServiceOperation {
    public static let name = "rules.remove"
    public static let command = "rules remove"
    public static let access = Access.write("the ministry")
    public static let summary = "Stops a rule set name resolving (ministry)."
    public static let guidance = "Retires a rule set's name; name@version still explains old rankings."
    public static let example = #"{"name":"water-first"}"#
    public static let commandExample = ["rules", "remove", "water-first"]
    public static func run(_ service: MatchService, _ params: RuleSetGetParams, caller: Caller) throws -> RuleSetDetail
    {
        try service.removeRuleSet(params, caller: caller)
    }
}
