import NGOMatchCore
import NGOMatchPlanner
import NGOMatchStore

/// What `pairing.plan` and `ngomatch pair` take: an event, and optionally the rule
/// set to score it with and the confirmed meetings of an earlier plan.
package struct PlanRequest: Sendable {
    package var event: Event
    package var rules: String?
    package var keep: [KeptMeeting]
    package var language: Language
    /// Where the event came from, for error messages ("event.json").
    package var source: String

    /// The rule set that scored the pairs, or nil when the event brought its own scores.
    package var scoringRules: String? { event.scores == nil ? rules ?? event.rules ?? "default" : nil }

    package init(
        event: Event, rules: String? = nil, keep: [KeptMeeting] = [], language: Language = .en,
        source: String = "event"
    ) {
        self.event = event
        self.rules = rules
        self.keep = keep
        self.language = language
        self.source = source
    }

    /// The protocol's params: the event object itself, plus `rules`, `keep` and `lang`.
    package static func read(_ params: JSONValue?) throws -> PlanRequest {
        guard let params, case .object(let fields) = params else {
            throw ServiceError.invalidParams(field: "params", expected: .key("params.eventObject"))
        }
        let event = try Event.read(params, source: "params", ignoring: ["rules", "keep", "lang"])
        var reader = FieldReader(params)
        let rules = reader.string("rules")
        let lang = reader.string("lang")
        let language = lang.flatMap(Language.init(rawValue:))
        if lang != nil && language == nil { reader.report("lang", .notOneOf(lang!, Language.allCases.map(\.rawValue))) }
        let keep = fields["keep"].map { readKeep($0, reader: &reader) } ?? []
        guard reader.problems.isEmpty else {
            throw ValidationFailure(records: [
                RecordProblems(
                    location: .verbatim("params"), record: .key("record.event", event.name), problems: reader.problems)
            ])
        }
        return PlanRequest(event: event, rules: rules, keep: keep, language: language ?? .en, source: "params")
    }

    /// Confirmed meetings: a list of `{province, ngo, slot, table}`, or an earlier plan with such `meetings`.
    package static func readKeep(_ value: JSONValue, reader: inout FieldReader) -> [KeptMeeting] {
        // An earlier plan is read for its meetings; a list is the meetings themselves.
        var container = FieldReader(.object(["keep": value]))
        var key = "keep"
        if case .object = value {
            container = FieldReader(value, path: "keep")
            key = "meetings"
        }
        let items = container.elements(key, required: true)
        for problem in container.problems { reader.appendProblem(problem) }
        return items.compactMap { path, item in
            var meeting = FieldReader(item, path: path)
            let province = meeting.string("province", required: true)
            let ngo = meeting.string("ngo", required: true)
            let slot = meeting.integer("slot", required: true, in: 0...(Event.maximumSlots - 1))
            let table = meeting.integer("table", in: 0...1_000_000)
            for problem in meeting.problems { reader.appendProblem(problem) }
            guard let province, let ngo, let slot else { return nil }
            return KeptMeeting(province: province, ngo: ngo, slot: slot, table: table)
        }
    }
}

extension MatchService {
    /// Plans the event's meetings. Without scores in the event, every province–NGO
    /// pair is scored from the registry: the province's best open need for that NGO.
    package func plan(_ request: PlanRequest) throws -> Plan {
        let scored = request.event.scores != nil
        var event = request.event
        // The registry's scores are the rankings' divided by 100; a minimum is written as the
        // rankings show scores (0–100), as every event's settings take it.
        if !scored { event.minScore /= 100 }
        let resolved = try resolveAgainstRegistry(event, source: request.source, scored: scored)
        let scores: [ScoredPair]
        if let given = resolved.givenScores {
            scores = given
        } else {
            scores = try registryScores(
                resolved, rules: rules(request.rules ?? request.event.rules), language: request.language)
        }
        return Planner.plan(PlanningProblem(resolved, scores: scores), keep: request.keep)
    }

    /// Matches the event's participants with the registry's provinces and NGOs, by any name.
    /// An event with its own scores may name participants the registry does not know.
    func resolveAgainstRegistry(_ event: Event, source: String, scored: Bool) throws -> ResolvedEvent {
        let directory = try registry.ngoDirectory()
        return try ResolvedEvent.resolve(
            event, source: source,
            province: { name in
                if scored {
                    let found = self.reference.provinces.find(name)
                    return ResolvedParticipant(id: found?.id.rawValue ?? name, name: found?.name.vi ?? name)
                }
                let match = try self.reference.provinces.resolve(name)
                return ResolvedParticipant(id: match.province.id.rawValue, name: match.province.name.vi)
            },
            ngo: { name in
                if scored {
                    let found = directory.find(name)
                    return ResolvedParticipant(id: found?.id.rawValue ?? name, name: found?.name ?? name)
                }
                let ngo = try directory.resolve(name)
                return ResolvedParticipant(id: ngo.id.rawValue, name: ngo.name)
            })
    }

    /// A province's score with an NGO: its best open need's score for that NGO,
    /// from 0 to 1, with that need's strongest reasons.
    func registryScores(_ resolved: ResolvedEvent, rules: RuleSet, language: Language) throws -> [ScoredPair] {
        let index = try index()
        let explanation = Explanation(reference: reference, language: language)
        var scores: [ScoredPair] = []
        let ngoPositions = resolved.ngos.map { index.ngoPosition(NGOID($0.id)) }
        for (province, participant) in resolved.provinces.enumerated() {
            let needs = index.needs.indices.filter {
                index.needs[$0].province.rawValue == participant.id && index.needs[$0].status == .open
            }
            for (ngo, position) in ngoPositions.enumerated() {
                guard let position, let best = index.bestNeed(forNGO: position, among: needs, rules: rules),
                    let need = index.needPosition(best.need)
                else { continue }
                let title = index.needs[need].title
                scores.append(
                    ScoredPair(
                        // The score every ranking shows (two decimals), divided by 100: rounded to three
                        // places instead, a pair's score disagreed with `discover` by 0.001.
                        province: province, ngo: ngo, score: (best.score * 100).rounded() / 10_000,
                        reasons: [Messages.text("plan.forNeed", explanation.language, title)]
                            + explanation.reasons(best, count: 2)))
            }
        }
        return scores
    }
}
