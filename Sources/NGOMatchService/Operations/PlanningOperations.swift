import NGOMatchCore
import NGOMatchPlanner

/// An event to plan, in the event file's format, with the planning options beside its fields.
package struct PlanParams: OperationParams {
    package static let isOpen = true
    package static let parameters = [
        Parameter("slots", .integer, required: true, "How many meeting slots the event has."),
        Parameter(
            "provinces", .objectList, required: true,
            "Participating provinces: [{\"id\": \"Cao Bằng\", \"minMeetings\": 2, \"maxMeetings\": 6, \"unavailable\": [0]}]."
        ),
        Parameter(
            "ngos", .objectList, required: true, "Participating NGOs: [{\"id\": \"wwf-vietnam\", \"maxMeetings\": 6}]."),
        Parameter("name", .text, "The event's name."),
        Parameter("date", .text, "The day, YYYY-MM-DD."),
        Parameter("start", .text, "When slot 0 starts, HH:MM (Vietnam time)."),
        Parameter("slotMinutes", .integer, "Length of a slot in minutes."),
        Parameter("tables", .integer, "How many meetings can run at once."),
        Parameter(
            "scores", .objectList,
            "Optional pair scores [{province, ngo, score}]; without them pairs are scored from the registry."),
        Parameter("mustMeet", .objectList, "Pairs that must meet: [{province, ngo}]."),
        Parameter("avoid", .objectList, "Pairs that must not meet."),
        Parameter("requests", .objectList, "Wishes: [{from, to, weight 0–1}]."),
        Parameter.rules, Parameter("keep", .objectList, "Confirmed meetings of an earlier plan to keep."),
        Parameter.lang,
    ]
    package let request: PlanRequest

    package init(request: PlanRequest) { self.request = request }

    package init(from decoder: any Decoder) throws { self = try Self.decode(try JSONValue(from: decoder)) }

    package static func decode(_ value: JSONValue?) throws -> Self { Self(request: try PlanRequest.read(value)) }
}

package enum PlanOperation: ServiceOperation {
    package static let name = "pairing.plan"
    package static let command = "pair"
    package static let access = Access.read
    /// Too large to keep, and rarely asked twice.
    package static let cost = OperationEntry.Cost.uncached
    package static let summary = "A schedule of bilateral meetings for an event."
    package static let guidance =
        "Turns an event (slots, tables, provinces, NGOs, wishes) into a schedule of bilateral meetings: who meets whom, when, at which table, with an upper bound on the value and every conflict in words."
    package static let example =
        #"{"name":"Side meetings","slots":2,"provinces":[{"id":"Cao Bằng"}],"ngos":[{"id":"wwf-vietnam"},{"id":"mcnv"}]}"#
    package static let commandExample = ["pair", "--event", "{file}", "--format", "json"]
    package static func run(_ service: MatchService, _ params: PlanParams, caller: Caller) throws -> PlanReport {
        PlanReport(
            try service.plan(params.request), rules: params.request.scoringRules, language: params.request.language)
    }
}
