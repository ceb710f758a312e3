import Foundation

/// An event as its file means it, read with Foundation's own JSON parser: the tests' yardstick
/// shares no code with the planner, its reader or its compiled problem.
///
/// The rules restated here, from the event format (README, "Meeting events"):
/// - a pair may meet when it is scored above zero and at or above `minScore`, or when it must
///   meet; an avoided pair never meets; the first score listed for a pair is its score;
/// - a party meets at most `maxMeetings` times (default: every slot), at most once a slot, never
///   in a slot it is unavailable in or in a break; a slot holds at most `tables` meetings;
/// - a pair's value is its score times 1 + ¼ of the province's wish + ¼ of the NGO's wish + ½ of
///   the smaller of the two (a party's wish is the largest weight it asked with).
public struct OracleEvent: Sendable {
    public struct Party: Sendable, Hashable {
        public var id: String
        public var minMeetings: Int
        public var maxMeetings: Int
        /// Slots it can meet in.
        public var free: Set<Int>
    }

    public var slots: Int
    public var tables: Int?
    public var provinces: [Party]
    public var ngos: [Party]
    /// Keyed by `Pair`; the pairs that may meet, with their score.
    public var eligible: [Pair: Double]
    public var mustMeet: Set<Pair>
    public var avoid: Set<Pair>
    /// The largest weight each side asked to meet the other with.
    public var provinceWish: [Pair: Double]
    public var ngoWish: [Pair: Double]

    public struct Pair: Hashable, Sendable, CustomStringConvertible {
        public var province: String
        public var ngo: String
        public init(_ province: String, _ ngo: String) {
            self.province = province
            self.ngo = ngo
        }
        public var description: String { "\(province)–\(ngo)" }
    }

    public struct Unreadable: Error, CustomStringConvertible {
        public let description: String
    }

    /// - Parameters:
    ///   - json: the event file's object.
    ///   - name: what a name written in the event stands for (a registry's id); by default itself.
    ///   - scores: each pair's score when the event has no `scores` of its own (a registry event).
    public init(
        json: [String: Any], name: (String) -> String = { $0 }, scores registryScores: [Pair: Double]? = nil
    ) throws {
        func number(_ value: Any?) -> Double? { (value as? NSNumber)?.doubleValue }
        func integer(_ object: [String: Any], _ key: String) -> Int? { (object[key] as? NSNumber)?.intValue }
        guard let slots = integer(json, "slots") else { throw Unreadable(description: "no slots") }
        self.slots = slots
        tables = integer(json, "tables")
        let breaks = Set((json["breaks"] as? [NSNumber] ?? []).map(\.intValue))
        func parties(_ key: String) -> [Party] {
            (json[key] as? [[String: Any]] ?? []).map { object in
                let unavailable = Set((object["unavailable"] as? [NSNumber] ?? []).map(\.intValue))
                return Party(
                    id: name(object["id"] as? String ?? ""), minMeetings: integer(object, "minMeetings") ?? 0,
                    maxMeetings: integer(object, "maxMeetings") ?? slots,
                    free: Set(0..<slots).subtracting(unavailable).subtracting(breaks))
            }
        }
        provinces = parties("provinces")
        ngos = parties("ngos")
        func pairs(_ key: String) -> [Pair] {
            (json[key] as? [[String: Any]] ?? []).map {
                Pair(name($0["province"] as? String ?? ""), name($0["ngo"] as? String ?? ""))
            }
        }
        mustMeet = Set(pairs("mustMeet"))
        avoid = Set(pairs("avoid"))
        var given: [Pair: Double] = [:]
        if let listed = json["scores"] as? [[String: Any]] {
            for score in listed {
                let pair = Pair(name(score["province"] as? String ?? ""), name(score["ngo"] as? String ?? ""))
                if given[pair] == nil { given[pair] = number(score["score"]) ?? 0 }
            }
        } else if let registryScores {
            given = registryScores
        } else {
            throw Unreadable(description: "an event without scores needs the registry's scores")
        }
        // With the registry's scores (the rankings' ÷ 100), the minimum is on the rankings' scale.
        let minScore = (number(json["minScore"]) ?? 0) / (json["scores"] == nil ? 100 : 1)
        var eligible: [Pair: Double] = [:]
        for (pair, score) in given where score > 0 && score >= minScore { eligible[pair] = score }
        for pair in mustMeet where eligible[pair] == nil { eligible[pair] = given[pair] ?? 0 }
        for pair in avoid { eligible[pair] = nil }
        self.eligible = eligible
        let provinceIDs = Set(provinces.map(\.id))
        var provinceWish: [Pair: Double] = [:]
        var ngoWish: [Pair: Double] = [:]
        for request in json["requests"] as? [[String: Any]] ?? [] {
            let from = name(request["from"] as? String ?? "")
            let to = name(request["to"] as? String ?? "")
            let weight = min(1, max(0, number(request["weight"]) ?? 1))
            if provinceIDs.contains(from) {
                provinceWish[Pair(from, to)] = max(provinceWish[Pair(from, to)] ?? 0, weight)
            } else {
                ngoWish[Pair(to, from)] = max(ngoWish[Pair(to, from)] ?? 0, weight)
            }
        }
        self.provinceWish = provinceWish
        self.ngoWish = ngoWish
    }

    /// What a meeting of the pair is worth to the schedule.
    public func value(_ pair: Pair) -> Double {
        guard let score = eligible[pair] else { return 0 }
        let fromProvince = provinceWish[pair] ?? 0
        let fromNGO = ngoWish[pair] ?? 0
        return max(0, score) * (1 + 0.25 * fromProvince + 0.25 * fromNGO + 0.5 * min(fromProvince, fromNGO))
    }

    public func province(_ id: String) -> Party? { provinces.first { $0.id == id } }
    public func ngo(_ id: String) -> Party? { ngos.first { $0.id == id } }
}
