import Foundation
import NGOMatchCore

extension Event {
    /// The event as its file's JSON, leaving out defaults so that files stay short.
    package var json: JSONValue {
        var fields: [String: JSONValue] = ["name": .string(name), "slots": .number(Double(slots))]
        if let nameEn { fields["nameEn"] = .string(nameEn) }
        if !breaks.isEmpty { fields["breaks"] = .array(breaks.map { .number(Double($0)) }) }
        if let rules { fields["rules"] = .string(rules) }
        if let date { fields["date"] = .string(date.description) }
        if let start { fields["start"] = .string(Self.clock(start)) }
        if let slotMinutes { fields["slotMinutes"] = .number(Double(slotMinutes)) }
        if let tables { fields["tables"] = .number(Double(tables)) }
        if let tableLabels { fields["tableLabels"] = .array(tableLabels.map { .string($0) }) }
        if minScore != 0 { fields["minScore"] = .number(minScore) }
        fields["provinces"] = .array(provinces.map(Self.json))
        fields["ngos"] = .array(ngos.map(Self.json))
        if let scores {
            fields["scores"] = .array(
                scores.map {
                    .object(["province": .string($0.province), "ngo": .string($0.ngo), "score": .number($0.score)])
                })
        }
        if !mustMeet.isEmpty { fields["mustMeet"] = .array(mustMeet.map(Self.json)) }
        if !avoid.isEmpty { fields["avoid"] = .array(avoid.map(Self.json)) }
        if !requests.isEmpty {
            fields["requests"] = .array(
                requests.map { request in
                    var fields: [String: JSONValue] = [
                        "from": .string(request.from), "to": .string(request.to), "weight": .number(request.weight),
                    ]
                    if let reason = request.reason { fields["reason"] = .string(reason) }
                    return .object(fields)
                })
        }
        return .object(fields)
    }

    private static func json(_ participant: Participant) -> JSONValue {
        var fields: [String: JSONValue] = ["id": .string(participant.id)]
        if let max = participant.maxMeetings { fields["maxMeetings"] = .number(Double(max)) }
        if participant.minMeetings > 0 { fields["minMeetings"] = .number(Double(participant.minMeetings)) }
        if !participant.unavailable.isEmpty {
            fields["unavailable"] = .array(participant.unavailable.map { .number(Double($0)) })
        }
        if !participant.languages.isEmpty { fields["languages"] = .array(participant.languages.map(JSONValue.string)) }
        if let delegation = participant.delegation { fields["delegation"] = .number(Double(delegation)) }
        if let contact = participant.contact { fields["contact"] = .string(contact) }
        return .object(fields)
    }

    private static func json(_ pair: Pair) -> JSONValue {
        .object(["province": .string(pair.province), "ngo": .string(pair.ngo)])
    }
}
