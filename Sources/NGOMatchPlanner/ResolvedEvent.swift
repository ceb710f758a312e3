import Foundation
import NGOMatchCore

/// An event whose names have been matched to participants: pairs and wishes by position.
package struct ResolvedEvent: Sendable {
    package struct Position: Hashable, Sendable {
        package let province: Int
        package let ngo: Int

        package init(province: Int, ngo: Int) {
            self.province = province
            self.ngo = ngo
        }
    }

    package struct Wish: Hashable, Sendable {
        package let province: Int
        package let ngo: Int
        package let fromProvince: Bool
        package let weight: Double

        package init(province: Int, ngo: Int, fromProvince: Bool, weight: Double) {
            self.province = province
            self.ngo = ngo
            self.fromProvince = fromProvince
            self.weight = weight
        }
    }

    package let event: Event
    package let provinces: [ResolvedParticipant]
    package let ngos: [ResolvedParticipant]
    package let mustMeet: [Position]
    package let avoid: [Position]
    package let requests: [Wish]
    /// The event's own scores, when it has them.
    package let givenScores: [ScoredPair]?

    /// The event with every participant taken as named: for events that carry their own scores
    /// and are planned without a registry (benchmarks, tests).
    package static func asWritten(_ event: Event) throws(ValidationFailure) -> ResolvedEvent {
        try resolve(
            event, province: { ResolvedParticipant(id: $0, name: $0) }, ngo: { ResolvedParticipant(id: $0, name: $0) })
    }

    /// Matches every name in the event, reporting each one that matches nothing or
    /// a participant twice (two former provinces now one, say).
    ///
    /// - Parameters:
    ///   - province: what a province's name stands for; throws when it stands for nothing.
    ///   - ngo: the same for NGOs.
    package static func resolve(
        _ event: Event, source: String = "event",
        province: (String) throws -> ResolvedParticipant, ngo: (String) throws -> ResolvedParticipant
    ) throws(ValidationFailure) -> ResolvedEvent {
        var problems: [FieldProblem] = []
        func participants(_ list: [Event.Participant], _ key: String, _ resolve: (String) throws -> ResolvedParticipant)
            -> [ResolvedParticipant]
        {
            var seen: [String: Int] = [:]
            return list.enumerated().map { position, participant in
                let resolved: ResolvedParticipant
                do {
                    resolved = try resolve(participant.id)
                } catch {
                    problems.append(FieldProblem(field: "\(key)[\(position)].id", .of(error)))
                    return ResolvedParticipant(id: participant.id, name: participant.id)
                }
                if let earlier = seen[resolved.id] {
                    problems.append(
                        FieldProblem(
                            field: "\(key)[\(position)].id",
                            .key("problem.listedTwice", participant.id, resolved.name, "\(key)[\(earlier)]")))
                }
                seen[resolved.id] = position
                return resolved
            }
        }
        let provinces = participants(event.provinces, "provinces", province)
        let ngos = participants(event.ngos, "ngos", ngo)
        let provinceLookup = Lookup(event.provinces.map(\.id), provinces)
        let ngoLookup = Lookup(event.ngos.map(\.id), ngos)

        func position(_ pair: Event.Pair, _ field: String) -> Position? {
            let p = provinceLookup.position(of: pair.province, resolve: province)
            let n = ngoLookup.position(of: pair.ngo, resolve: ngo)
            if p == nil {
                problems.append(
                    FieldProblem(field: "\(field).province", provinceLookup.missing(pair.province, "province"))
                )
            }
            if n == nil {
                problems.append(FieldProblem(field: "\(field).ngo", ngoLookup.missing(pair.ngo, "NGO")))
            }
            guard let p, let n else { return nil }
            return Position(province: p, ngo: n)
        }
        let mustMeet = event.mustMeet.enumerated().compactMap { position($0.element, "mustMeet[\($0.offset)]") }
        let avoid = event.avoid.enumerated().compactMap { position($0.element, "avoid[\($0.offset)]") }
        let requests = event.requests.enumerated().compactMap { offset, request -> Wish? in
            let field = "requests[\(offset)]"
            if let p = provinceLookup.position(of: request.from, resolve: province) {
                guard let n = ngoLookup.position(of: request.to, resolve: ngo) else {
                    problems.append(FieldProblem(field: "\(field).to", ngoLookup.missing(request.to, "NGO")))
                    return nil
                }
                return Wish(province: p, ngo: n, fromProvince: true, weight: request.weight)
            }
            if let n = ngoLookup.position(of: request.from, resolve: ngo) {
                guard let p = provinceLookup.position(of: request.to, resolve: province) else {
                    problems.append(
                        FieldProblem(field: "\(field).to", provinceLookup.missing(request.to, "province")))
                    return nil
                }
                return Wish(province: p, ngo: n, fromProvince: false, weight: request.weight)
            }
            problems.append(
                FieldProblem(
                    field: "\(field).from", .key("problem.notInEvent", request.from))
            )
            return nil
        }
        var givenScores: [ScoredPair]? = nil
        if let scores = event.scores {
            givenScores = scores.enumerated().compactMap { offset, score in
                guard let pair = position(Event.Pair(province: score.province, ngo: score.ngo), "scores[\(offset)]")
                else { return nil }
                return ScoredPair(
                    province: pair.province, ngo: pair.ngo, score: score.score,
                    reasons: ["score \(Explanation.points(score.score * 100)) given by the organiser"])
            }
        }
        guard problems.isEmpty else {
            throw ValidationFailure(records: [
                RecordProblems(
                    location: .verbatim(source), record: .key("record.event", event.name), problems: problems)
            ])
        }
        return ResolvedEvent(
            event: event, provinces: provinces, ngos: ngos, mustMeet: mustMeet, avoid: avoid, requests: requests,
            givenScores: givenScores)
    }
}

/// Finds a participant by the name the event lists it under, its id, its name, or
/// anything the registry resolves to it.
private struct Lookup {
    let positions: [String: Int]
    let listed: [String]

    init(_ written: [String], _ resolved: [ResolvedParticipant]) {
        var positions: [String: Int] = [:]
        for (position, participant) in resolved.enumerated().reversed() {
            positions[NameKey.fold(participant.name)] = position
            positions[NameKey.fold(written[position])] = position
        }
        for (position, participant) in resolved.enumerated().reversed() { positions[participant.id] = position }
        self.positions = positions
        listed = written
    }

    func position(of name: String, resolve: (String) throws -> ResolvedParticipant) -> Int? {
        if let found = positions[name] ?? positions[NameKey.fold(name)] { return found }
        guard let resolved = try? resolve(name) else { return nil }
        return positions[resolved.id]
    }

    func missing(_ name: String, _ kind: String) -> Phrase {
        .sequence([
            .key(kind == "NGO" ? "problem.notEventNGO" : "problem.notEventProvince", name),
            Suggestions.phrase(for: name, among: listed),
        ])
    }
}
