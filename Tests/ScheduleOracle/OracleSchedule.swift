import Foundation

/// A schedule as a door hands it out — who meets whom, when, at which table — and what the door
/// claims about it. Read from the plan's JSON (the CLI's `--format json`, `events.plan`) or built
/// from a core `Plan` by the core tests.
public struct OracleSchedule: Sendable {
    public struct Meeting: Sendable, Hashable {
        public var province: String
        public var ngo: String
        public var slot: Int
        public var table: Int
        /// What the door says the meeting scores and is worth.
        public var score: Double
        public var value: Double

        public init(province: String, ngo: String, slot: Int, table: Int, score: Double, value: Double) {
            self.province = province
            self.ngo = ngo
            self.slot = slot
            self.table = table
            self.score = score
            self.value = value
        }
    }

    public struct Shortfall: Sendable, Hashable {
        /// "provinces" or "ngos".
        public var side: String
        public var party: String
        public var wanted: Int
        public var got: Int

        public init(side: String, party: String, wanted: Int, got: Int) {
            self.side = side
            self.party = party
            self.wanted = wanted
            self.got = got
        }
    }

    public var meetings: [Meeting]
    public var totalScore: Double
    public var totalValue: Double
    public var upperBound: Double
    /// "met", "proven" or "notFound".
    public var minimumStatus: String
    public var shortfalls: [Shortfall]
    public var totalShortfall: Int
    /// Every conflict's message, as shown.
    public var conflicts: [String]

    public init(
        meetings: [Meeting], totalScore: Double, totalValue: Double, upperBound: Double, minimumStatus: String,
        shortfalls: [Shortfall], totalShortfall: Int, conflicts: [String]
    ) {
        self.meetings = meetings
        self.totalScore = totalScore
        self.totalValue = totalValue
        self.upperBound = upperBound
        self.minimumStatus = minimumStatus
        self.shortfalls = shortfalls
        self.totalShortfall = totalShortfall
        self.conflicts = conflicts
    }

    public struct Unreadable: Error, CustomStringConvertible {
        public let description: String
    }

    /// Reads the plan object the CLI and the protocol write.
    public init(json: [String: Any]) throws {
        func number(_ object: [String: Any], _ key: String) throws -> Double {
            guard let value = (object[key] as? NSNumber)?.doubleValue else {
                throw Unreadable(description: "no number '\(key)' in \(object)")
            }
            return value
        }
        func text(_ object: [String: Any], _ key: String) throws -> String {
            guard let value = object[key] as? String else { throw Unreadable(description: "no text '\(key)'") }
            return value
        }
        guard let meetings = json["meetings"] as? [[String: Any]],
            let minimums = json["minimums"] as? [String: Any]
        else { throw Unreadable(description: "not a plan: \(json.keys.sorted())") }
        self.meetings = try meetings.map {
            Meeting(
                province: try text($0, "province"), ngo: try text($0, "ngo"), slot: Int(try number($0, "slot")),
                table: Int(try number($0, "table")), score: try number($0, "score"), value: try number($0, "value"))
        }
        totalScore = try number(json, "totalScore")
        totalValue = try number(json, "totalValue")
        upperBound = try number(json, "upperBound")
        minimumStatus = try text(minimums, "status")
        shortfalls = try (minimums["shortfalls"] as? [[String: Any]] ?? []).map {
            Shortfall(
                side: try text($0, "side"), party: try text($0, "party"), wanted: Int(try number($0, "wanted")),
                got: Int(try number($0, "got")))
        }
        totalShortfall = Int(try number(minimums, "totalShortfall"))
        conflicts = try (json["conflicts"] as? [[String: Any]] ?? []).map { try text($0, "message") }
    }
}
