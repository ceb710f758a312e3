import Foundation
import NGOMatchCore
import NGOMatchService
import NGOMatchStore
import Testing

/// The words a service keeps for the reports it made are the words a service that keeps none
/// makes on the same file, before and after a write that changes them.
@Suite(.timeLimit(.minutes(5))) struct ReportWordsTests {
    static func reports(_ service: MatchService, limit: Int, _ language: Language = .en) throws -> [AssessmentReport] {
        try service.suggest(
            SuggestParams(
                province: "Cao Bằng", ranking: RankingParams(limit: limit, showExcluded: true, lang: language))
        ).suggestions.flatMap { $0.ranked + $0.excluded }
    }

    /// A second service on the same registry file, which has kept nothing.
    static func fresh(_ harness: Harness) throws -> MatchService {
        MatchService(
            registry: try Registry.open(at: harness.folder.appendingPathComponent("registry.sqlite").path).registry)
    }

    @Test func keptWordsAreTheWordsMadeAfresh() throws {
        let harness = try Harness()
        let service = harness.service
        let first = try Self.reports(service, limit: 3)
        #expect(!first.isEmpty && service.keptReportCount == first.count, "every report of the first question kept")
        let longer = try Self.reports(service, limit: 10)
        #expect(longer == (try Self.reports(Self.fresh(harness), limit: 10)))
        #expect((try Self.reports(service, limit: 10, .vi)) == (try Self.reports(Self.fresh(harness), limit: 10, .vi)))

        // A completed partnership in Cao Bằng: the NGO's track record, and its words, change.
        let top = try #require(longer.first { !$0.excluded })
        let (session, _) = harness.session()
        let recorded = harness.call(
            "partnerships.record", #"{"need":"\#(top.need)","ngo":"\#(top.ngo)","status":"completed"}"#, on: session)
        #expect(recorded?["result"] != nil, "\(String(describing: recorded))")
        let after = try Self.reports(service, limit: 10)
        #expect(after == (try Self.reports(Self.fresh(harness), limit: 10)))
        let trackRecord = { (reports: [AssessmentReport]) in
            reports.filter { $0.ngo == top.ngo }.flatMap(\.factors).filter { $0.factor == .trackRecord }.map(
                \.explanation)
        }
        #expect(trackRecord(after) != trackRecord(longer), "the words kept before the write are not told after it")
    }
}
