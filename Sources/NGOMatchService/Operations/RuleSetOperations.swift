import NGOMatchCore

package enum RulesListOperation: ServiceOperation {
    package static let name = "rules.list"
    package static let command = "rules list"
    package static let access = Access.read
    package static let summary = "The shipped rule sets and those added to the registry."
    package static let guidance =
        "The rule sets a ranking can use: their names, weights per factor, minimum score, and for added ones who added which version when."
    package static let example = "{}"
    package static let commandExample = ["rules", "list"]
    package static func run(_ service: MatchService, _ params: NoParams, caller: Caller) throws -> [RuleSetSummary] {
        try service.ruleSets()
    }
    package static func replyScope(_ params: Params) -> ReplyScope { .ruleSets }
}

package enum RulesGetOperation: ServiceOperation {
    package static let name = "rules.get"
    package static let command = "rules show"
    package static let access = Access.read
    package static let summary = "One rule set with its text; name@2 for a version."
    package static let guidance = "One rule set whole: its YAML with comments, and its versions."
    package static let example = #"{"name":"climate"}"#
    package static let commandExample = ["rules", "show", "climate"]
    package static func run(_ service: MatchService, _ params: RuleSetGetParams, caller: Caller) throws -> RuleSetDetail
    {
        try service.ruleSet(params)
    }
    package static func replyScope(_ params: Params) -> ReplyScope { .ruleSets }
}

package enum RulesAddOperation: ServiceOperation {
    package static let name = "rules.add"
    package static let command = "rules add"
    package static let access = Access.write("the ministry")
    package static let summary = "Adds a rule set, or a new version of one (ministry)."
    package static let guidance =
        "Publishes a way of scoring under a name every client can use; adding the name again makes a new version."
    package static let example =
        #"{"name":"water-first","text":"name: water-first\nminimumScore: 20\nfactors:\n  sectorFit:\n    weight: 70\n  geography:\n    weight: 30\n"}"#
    package static let commandExample = ["rules", "add", "water-first", "{file}"]
    package static func run(_ service: MatchService, _ params: RuleSetAddParams, caller: Caller) throws -> RuleSetDetail
    {
        try service.addRuleSet(params, caller: caller)
    }
}

package enum RulesRemoveOperation: ServiceOperation {
    package static let name = "rules.remove"
    package static let command = "rules remove"
    package static let access = Access.write("the ministry")
    package static let summary = "Stops a rule set name resolving (ministry)."
    package static let guidance = "Retires a rule set's name; name@version still explains old rankings."
    package static let example = #"{"name":"water-first"}"#
    package static let commandExample = ["rules", "remove", "water-first"]
    package static func run(_ service: MatchService, _ params: RuleSetGetParams, caller: Caller) throws -> RuleSetDetail
    {
        try service.removeRuleSet(params, caller: caller)
    }
}
