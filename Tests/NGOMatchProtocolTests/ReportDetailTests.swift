import Foundation
import NGOMatchCore
import NGOMatchProtocol
import NGOMatchService
import NGOMatchStore
import Testing

/// `explain` on the ranking methods: `summary` and `none` leave the words out and change
/// nothing else, for every need of the demo registry and an NGO's view, over the protocol.
@Suite(.timeLimit(.minutes(5))) struct ReportDetailTests {
    /// What must not depend on the words: who, in what order, with what score, removed by what.
    static func skeleton(_ report: JSONValue) -> [String] {
        ["need", "ngo", "score", "excluded"].map { "\(report[$0] ?? .null)" }
            + report["failedFilters"].map { $0.items.map { "\($0["filter"] ?? .null)" } }!
    }

    static func points(_ report: JSONValue) -> [String] {
        (report["factors"]?.items ?? []).map { factor in
            ["factor", "weight", "value", "points"].map { "\(factor[$0] ?? .null)" }.joined(separator: " ")
        }
    }

    static func assessments(_ reply: JSONValue?) -> [JSONValue] {
        let result = reply?["result"]
        let lists = result?["suggestions"]?.items ?? [result ?? .null]
        return lists.flatMap { ($0["ranked"]?.items ?? []) + ($0["excluded"]?.items ?? []) }
    }

    @Test func summaryAndNoneLeaveOutTheWordsAndNothingElse() throws {
        let harness = try Harness()
        let (session, _) = harness.session()
        let needs = try harness.service.registry.needs().filter { $0.status == .open }.map(\.id.rawValue)
        #expect(needs.count > 20, "the demo's needs")
        var compared = 0
        let questions =
            needs.map { ("match.suggest", #""need":"\#($0)","limit":8,"showExcluded":true"#) }
            + [("match.discover", #""ngo":"mcnv","limit":20,"showExcluded":true"#)]
        for (method, params) in questions {
            let full = Self.assessments(harness.call(method, "{\(params)}", on: session))
            let summary = Self.assessments(harness.call(method, #"{\#(params),"explain":"summary"}"#, on: session))
            let none = Self.assessments(harness.call(method, #"{\#(params),"explain":"none"}"#, on: session))
            #expect(full.map(Self.skeleton) == summary.map(Self.skeleton), "\(method) \(params)")
            #expect(full.map(Self.skeleton) == none.map(Self.skeleton), "\(method) \(params)")
            #expect(full.map(Self.points) == summary.map(Self.points), "\(method) \(params)")
            for report in full {
                #expect(report["reasons"] != nil && report["factors"]?.items.first?["explanation"] != nil)
            }
            for report in summary {
                #expect(report["reasons"] == nil)
                #expect(report["factors"]?.items.allSatisfy { $0["explanation"] == nil && $0["name"] == nil } == true)
                #expect(report["failedFilters"]?.items.allSatisfy { $0["reason"] == nil } == true)
            }
            for report in none { #expect(report["reasons"] == nil && report["factors"] == nil) }
            compared += full.count
        }
        #expect(compared > 100, "enough assessments compared: \(compared)")
    }

    @Test func aMistypedDetailIsRefusedWithTheChoices() throws {
        let harness = try Harness()
        let (session, _) = harness.session()
        let reply = try #require(
            harness.call("match.suggest", #"{"need":"cao-bang-1","explain":"sumary"}"#, on: session))
        #expect(reply.errorCode == -32602)
        #expect(
            reply.errorMessage
                == "invalid params: explain: 'sumary' is not one of full, summary, none — did you mean 'summary'?"
        )
        let unknownLanguage = try #require(
            harness.call("match.suggest", #"{"need":"cao-bang-1","lang":"fr"}"#, on: session))
        #expect(unknownLanguage.errorMessage?.contains("'fr' is not one of vi, en") == true, "\(unknownLanguage)")
    }
}
