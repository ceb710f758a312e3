import Foundation
import NGOMatchCore
import NGOMatchStore

/// An operation seen by name, as the doors that dispatch on text need it: the protocol
/// and MCP. Made only from a `ServiceOperation`'s declaration.
package struct OperationEntry: Sendable {
    /// What a call costs, which decides where a server may run it.
    package enum Cost: Sendable {
        /// Answered at once from memory (`ping`).
        case immediate
        /// A read of the registry: its result may be kept per revision and served again while it holds.
        case cached
        /// A write, or a read too large to keep (`pairing.plan`).
        case uncached
        /// A write that computes at length before it writes (`events.plan`): a server runs it
        /// beside the reads, not in the lane that keeps quick writes at their pace.
        case lengthy
    }

    package let name: String
    /// The CLI command that runs the same operation, e.g. `needs add`.
    package let command: String
    /// Other CLI commands running the same operation with one parameter fixed.
    package let otherCommands: [String]
    package let access: Access
    package let cost: Cost
    package let summary: String
    package let guidance: String
    package let example: String
    package let commandExample: [String]
    package let parameters: [Parameter]
    /// The parameters as a JSON Schema.
    package let schema: JSONValue
    /// Whether the result is a list (`needs.list`) rather than one object.
    package let resultIsList: Bool
    /// A page of a list: `items`, `total` and, when there is more, `next`.
    package let resultIsPage: Bool
    /// Decodes the parameters, runs the operation and encodes its result as JSON.
    package let call: @Sendable (MatchService, JSONValue?, Caller) throws -> Data
    /// What a result for these parameters is made from; `whole` when they do not decode.
    package let replyScope: @Sendable (JSONValue?) -> ReplyScope

    package var isWrite: Bool { access != .read }

    /// Whether a server runs it in its lane of quick writes: a write, but not a lengthy one.
    package var isQuickWrite: Bool { isWrite && cost != .lengthy }

    package init<Op: ServiceOperation>(_ operation: Op.Type) {
        name = Op.name
        command = Op.command
        otherCommands = Op.otherCommands
        access = Op.access
        cost = Op.cost
        summary = Op.summary
        guidance = Op.guidance
        example = Op.example
        commandExample = Op.commandExample
        parameters = Op.Params.parameters
        schema = Op.Params.schema
        resultIsList = Op.Result.self is any Collection.Type
        resultIsPage = Op.Result.self is any PagedResult.Type
        call = { service, params, caller in try Op.call(service, params, caller: caller) }
        replyScope = { params in (try? Op.Params.decode(params)).map(Op.replyScope) ?? .whole }
    }
}

/// Every operation, by name: the one table the doors are made from.
package enum OperationTable {
    package static let operations: [any ServiceOperation.Type] = [
        PingOperation.self, SectorsListOperation.self, ProvincesListOperation.self, ProvinceGetOperation.self,
        CommunesListOperation.self, CommuneGetOperation.self,
        NeedRegisterOperation.self, NeedUpdateOperation.self, NeedCloseOperation.self, NeedGetOperation.self,
        NeedsListOperation.self, NGORegisterOperation.self, NGOUpdateOperation.self, NGOGetOperation.self,
        NGOsListOperation.self, SuggestOperation.self, DiscoverOperation.self, ExplainOperation.self,
        CompareOperation.self, PartnershipRecordOperation.self, PartnershipsListOperation.self, GapsOperation.self,
        CoverageMapOperation.self,
        RulesListOperation.self, RulesGetOperation.self, RulesAddOperation.self, RulesRemoveOperation.self,
        PlanOperation.self, EventCreateOperation.self, EventUpdateOperation.self, EventOpenOperation.self,
        EventCloseOperation.self, EventGetOperation.self, EventNoticesOperation.self, EventsListOperation.self,
        EventInviteOperation.self,
        EventAvailabilityOperation.self, EventWishOperation.self, EventPairOperation.self, EventPlanOperation.self,
        EventAgendaOperation.self, EventMeetingOperation.self, EventImportOperation.self, EventExportOperation.self,
        AuditListOperation.self, TokenCreateOperation.self, TokensListOperation.self, TokenRevokeOperation.self,
        PersonInviteOperation.self, PeopleListOperation.self, PersonShowOperation.self, PersonUpdateOperation.self,
        PersonRemoveOperation.self, PersonNoticesOperation.self, OutboxListOperation.self, OutboxRetryOperation.self,
        InterestExpressOperation.self, InterestAnswerOperation.self, InterestListOperation.self,
        InterestShowOperation.self, InterestMessageOperation.self, InterestSettingsOperation.self,
        PipelineMoveOperation.self, PipelineListOperation.self, PipelineShowOperation.self, DossierItemOperation.self,
        PipelineFiguresOperation.self, ChecklistOperation.self, ReportingListOperation.self, ReportFileOperation.self,
        ReportingSettingsOperation.self, IATIImportOperation.self, IATIExportOperation.self,
    ]

    package static let all: [OperationEntry] = operations.map { OperationEntry($0) }

    package static let byName: [String: OperationEntry] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })
}
