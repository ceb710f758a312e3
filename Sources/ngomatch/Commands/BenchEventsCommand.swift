import ArgumentParser
import Foundation
import NGOMatchCore
import NGOMatchPlanner
import NGOMatchService
import NGOMatchStore

struct BenchEventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-events",
        abstract:
            "Measure a large meeting event stored in the registry: answers while it holds many wishes, and planning.",
        discussion: """
            Builds a synthetic registry in a temporary folder, stores an event with every
            province and --event-ngos NGOs and --wishes wishes, then times participants'
            availability and wish writes through the service (as the protocol calls them)
            and `events plan --publish final` end to end (read, score from the registry,
            plan, store).

            Example (the figures in BENCHMARKS.md):
              swift run -c release ngomatch bench-events
            """
    )

    @Option(help: "NGOs in the registry.") var ngos: Int = 2000
    @Option(help: "Needs in the registry.") var needs: Int = 5000
    @Option(name: .customLong("event-ngos"), help: "NGOs invited to the event.") var eventNGOs: Int = 1000
    @Option(help: "Slots.") var slots: Int = 16
    @Option(help: "Wishes the event holds.") var wishes: Int = 10_000
    @Option(help: "Timed writes of each kind.") var samples: Int = 1000
    @Option(help: "Timed planning runs.") var runs: Int = 3
    @Option(help: "Random seed.") var seed: UInt64 = 1

    func run() throws {
        #if DEBUG
            Terminal.note("warning: this is a debug build; measure with 'swift run -c release ngomatch bench-events'")
        #endif
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ngomatch-bench-events-\(seed)")
        try? FileManager.default.removeItem(at: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let registry = try Registry.open(
            at: folder.appendingPathComponent("registry.sqlite").path, seeding: .referenceOnly
        ).registry
        let synthetic = SyntheticRegistry(reference: registry.reference, ngos: ngos, needs: needs, seed: seed)
        let encoder = JSONEncoder()
        var lines = Data()
        for record in try synthetic.ngos.map(ExportRecord.json) + synthetic.needs.map(ExportRecord.json) {
            lines.append(try encoder.encode(record))
            lines.append(0x0A)
        }
        _ = try registry.importDocuments([ImportDocument(bytes: [UInt8](lines), fileName: "synthetic.jsonl")])
        let service = MatchService(registry: registry)

        var random = SplitMix64(seed: seed)
        let provinces = registry.reference.provinces.provinces.map { province in
            EventParticipant(side: .province, id: province.id.rawValue, name: province.name.vi)
        }
        let invited = synthetic.ngos.prefix(eventNGOs).map {
            EventParticipant(side: .ngo, id: $0.id.rawValue, name: $0.name)
        }
        var pairs = Set<String>()
        var stored: [EventWish] = []
        while stored.count < min(wishes, provinces.count * invited.count * 2) {
            let province = provinces.randomElement(using: &random)!.id
            let ngo = invited.randomElement(using: &random)!.id
            let side: EventParticipant.Side = Bool.random(using: &random) ? .province : .ngo
            guard pairs.insert("\(province)\t\(ngo)\t\(side)").inserted else { continue }
            stored.append(EventWish(province: province, ngo: ngo, from: side, weight: 0.5))
        }
        let event = try registry.createEvent(
            MeetingEvent(
                id: "bench", name: "Bench", date: CalendarDate("2027-03-10"), start: 8 * 60, slots: slots,
                tables: provinces.count, status: .open, participants: provinces + invited, wishes: stored),
            audit: AuditEntry(actor: "bench", method: "events.import"))
        print(
            "event: \(provinces.count) provinces × \(invited.count) NGOs × \(slots) slots, \(event.wishes.count) wishes"
        )

        // The first call compiles the match index (names are resolved through it), as a server does once.
        _ = try service.ngoDirectory()
        var availability: [Double] = []
        var wishTimes: [Double] = []
        for sample in 0..<samples {
            let someone = (provinces + invited).randomElement(using: &random)!
            let began = ContinuousClock.now
            _ = try service.setAvailability(
                EventParticipantParams(
                    event: "bench", participant: someone.id, unavailable: [sample % slots, (sample + 5) % slots]),
                caller: .local("bench"))
            availability.append(BenchCommand.milliseconds(ContinuousClock.now - began))
            let province = provinces.randomElement(using: &random)!.id
            let ngo = invited.randomElement(using: &random)!.id
            let wishBegan = ContinuousClock.now
            _ = try service.wish(
                EventWishParams(event: "bench", from: province, to: ngo, weight: 0.9, reason: "bench"),
                caller: .local("bench"))
            wishTimes.append(BenchCommand.milliseconds(ContinuousClock.now - wishBegan))
        }
        func percentile(_ times: [Double], _ p: Double) -> Double {
            let sorted = times.sorted()
            return sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
        }
        print(
            String(
                format: "events.availability: p50 %.2f ms, p99 %.2f ms (%d writes)", percentile(availability, 0.5),
                percentile(availability, 0.99), availability.count))
        print(
            String(
                format: "events.wish: p50 %.2f ms, p99 %.2f ms (%d writes)", percentile(wishTimes, 0.5),
                percentile(wishTimes, 0.99), wishTimes.count))

        var planTimes: [Double] = []
        for _ in 0..<runs {
            let began = ContinuousClock.now
            let result = try service.planEvent(
                EventPlanParams(event: "bench", publish: "final"), caller: .local("bench"))
            planTimes.append(BenchCommand.milliseconds(ContinuousClock.now - began))
            print(
                String(
                    format: "events plan --publish final: %.0f ms, %d meetings, %.4f of the bound, minimums %@",
                    planTimes.last!, result.report.meetingCount, result.report.quality,
                    result.report.minimums.status.rawValue))
        }
        print(String(format: "events plan, median of %d: %.0f ms", runs, percentile(planTimes, 0.5)))
    }
}
