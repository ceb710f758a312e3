import Foundation
import NGOMatchCore

extension Event {
    static let fields = [
        "name", "nameEn", "slots", "breaks", "date", "start", "slotMinutes", "tables", "tableLabels", "minScore",
        "rules", "provinces", "ngos", "scores", "mustMeet", "avoid", "requests",
    ]

    /// Reads an event file's JSON, reporting every problem at once with its field path
    /// (`provinces[2].unavailable[0]: must be from 0 to 7, got 9`).
    ///
    /// - Parameter ignoring: top-level fields the caller reads itself (the protocol's `rules`, `keep`).
    package static func read(_ value: JSONValue, source: String = "event", ignoring: [String] = [])
        throws(ValidationFailure) -> Event
    {
        var reader = FieldReader(value)
        reader.rejectUnknownFields(known: fields + ignoring)
        let name = reader.string("name") ?? "Meeting"
        let nameEn = reader.string("nameEn")
        let slots = reader.integer("slots", required: true, in: 1...maximumSlots) ?? 1
        let breaks = reader.integers("breaks", in: 0...(slots - 1))
        let rules = reader.string("rules")
        let date = reader.date("date")
        var start: Int? = nil
        if let text = reader.string("start") {
            start = parseClock(text)
            if start == nil { reader.report("start", .key("problem.expectedClock", text)) }
        }
        let slotMinutes = reader.integer("slotMinutes", in: 1...24 * 60)
        let tables = reader.integer("tables", in: 1...1_000_000)
        let labels = reader.has("tableLabels") ? reader.list("tableLabels") : nil
        if let labels, let tables, labels.count < tables {
            reader.report("tableLabels", .key("problem.tableLabels", labels.count, tables))
        }
        let minScore = reader.number("minScore") ?? 0
        let provinces = participants(&reader, "provinces", slots: slots)
        let ngos = participants(&reader, "ngos", slots: slots)
        var scores: [PairScore]? = nil
        if reader.has("scores") {
            scores = objects(&reader, "scores") { item in
                let province = item.string("province", required: true)
                let ngo = item.string("ngo", required: true)
                let score = item.number("score", required: true)
                guard let province, let ngo, let score else { return nil }
                return PairScore(province: province, ngo: ngo, score: score)
            }
        }
        let mustMeet = pairs(&reader, "mustMeet")
        let avoid = pairs(&reader, "avoid")
        let requests = objects(&reader, "requests") { item -> Request? in
            let from = item.string("from", required: true)
            let to = item.string("to", required: true)
            let weight = item.number("weight") ?? 1
            let reason = item.string("reason")
            if !(0...1).contains(weight) { item.report("weight", .key("problem.outOfRange", 0, 1, weight)) }
            guard let from, let to else { return nil }
            return Request(from: from, to: to, weight: min(max(weight, 0), 1), reason: reason)
        }
        if reader.has("provinces") && provinces.isEmpty { reader.report("provinces", .key("problem.noProvince")) }
        if reader.has("ngos") && ngos.isEmpty { reader.report("ngos", .key("problem.noNGO")) }
        guard reader.problems.isEmpty else {
            throw ValidationFailure(records: [
                RecordProblems(
                    location: .verbatim(source), record: .key("record.event", name), problems: reader.problems)
            ])
        }
        return Event(
            name: name, slots: slots, date: date, start: start, slotMinutes: slotMinutes, tables: tables,
            tableLabels: labels, minScore: minScore, provinces: provinces, ngos: ngos, scores: scores,
            mustMeet: mustMeet, avoid: avoid, requests: requests, nameEn: nameEn, breaks: breaks, rules: rules)
    }

    package static func parseClock(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]), (0..<24).contains(hours),
            (0..<60).contains(minutes)
        else { return nil }
        return hours * 60 + minutes
    }

    private static func participants(_ reader: inout FieldReader, _ key: String, slots: Int) -> [Participant] {
        objects(&reader, key, required: true) { item in
            item.rejectUnknownFields(known: [
                "id", "maxMeetings", "minMeetings", "unavailable", "languages", "delegation", "contact",
            ])
            let id = item.string("id", required: true)
            let maxMeetings = item.integer("maxMeetings", in: 0...slots)
            let minMeetings = item.integer("minMeetings", in: 0...slots) ?? 0
            let unavailable = item.integers("unavailable", in: 0...(slots - 1))
            let languages = item.list("languages")
            let delegation = item.integer("delegation", in: 1...1000)
            let contact = item.string("contact")
            if let maxMeetings, minMeetings > maxMeetings {
                item.report("minMeetings", .key("problem.minAboveMax", minMeetings, maxMeetings))
            }
            guard let id else { return nil }
            return Participant(
                id: id, maxMeetings: maxMeetings, minMeetings: minMeetings, unavailable: unavailable,
                languages: languages, delegation: delegation, contact: contact)
        }
    }

    private static func pairs(_ reader: inout FieldReader, _ key: String) -> [Pair] {
        objects(&reader, key) { item in
            item.rejectUnknownFields(known: ["province", "ngo"])
            let province = item.string("province", required: true)
            let ngo = item.string("ngo", required: true)
            guard let province, let ngo else { return nil }
            return Pair(province: province, ngo: ngo)
        }
    }

    /// A list of objects, each read by `body` with its problems kept under `key[i]`.
    private static func objects<T>(
        _ reader: inout FieldReader, _ key: String, required: Bool = false, _ body: (inout FieldReader) -> T?
    ) -> [T] {
        reader.elements(key, required: required).compactMap { path, element in
            var item = FieldReader(element, path: path)
            let value = body(&item)
            for problem in item.problems { reader.appendProblem(problem) }
            return value
        }
    }
}
