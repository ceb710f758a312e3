import Foundation
import NGOMatchCore
import NGOMatchProtocol
import NGOMatchService
import Testing

/// Lists in pages: a stable order, the total, an opaque cursor (issue 18).
struct PagingTests {
    let harness: Harness

    init() throws { harness = try Harness() }

    func ids(_ page: JSONValue?) -> [String] {
        (page?["result"]?["items"]?.items ?? []).compactMap { $0["id"]?.string }
    }

    @Test func pagesTogetherAreTheWholeListInOrder() throws {
        let (session, _) = harness.session()
        let whole = harness.call("ngos.list", on: session)
        let all = ids(whole)
        #expect(all.count > 20 && all == all.sorted())
        #expect(whole?["result"]?["total"] == .number(Double(all.count)))
        #expect(whole?["result"]?["next"] == nil)
        var seen: [String] = []
        var after: String? = nil
        var pages = 0
        repeat {
            let params = after.map { #"{"limit":7,"after":"\#($0)"}"# } ?? #"{"limit":7}"#
            let page = harness.call("ngos.list", params, on: session)
            #expect(page?["result"]?["total"] == .number(Double(all.count)))
            let items = ids(page)
            #expect(items.count <= 7 && !items.isEmpty)
            seen += items
            after = page?["result"]?["next"]?.string
            pages += 1
        } while after != nil && pages < 100
        #expect(seen == all)
        #expect(pages == (all.count + 6) / 7)
    }

    /// A record added before the cursor does not shift the next page; the total counts it.
    @Test func aRecordAddedMeanwhileDoesNotShiftTheNextPage() throws {
        let (session, _) = harness.session()
        let first = harness.call("needs.list", #"{"limit":3}"#, on: session)
        let next = try #require(first?["result"]?["next"]?.string)
        let total = first?["result"]?["total"]
        let added = harness.call(
            "needs.register",
            #"{"province":"An Giang","title":"Flood shelters","sectors":[{"sector":"water.drinking-water","priority":5}],"fundingGapUSD":1000,"timeframe":{"start":"2027-01-01","end":"2027-12-31"}}"#,
            on: session)
        let addedID = try #require(added?["result"]?["id"]?.string, "\(String(describing: added))")
        let second = harness.call("needs.list", #"{"limit":3,"after":"\#(next)"}"#, on: session)
        let secondIDs = ids(second)
        let firstIDs = ids(first)
        #expect(secondIDs.allSatisfy { $0 > firstIDs.last! })
        if case .number(let before)? = total { #expect(second?["result"]?["total"] == .number(before + 1)) }
        if addedID < firstIDs.last! { #expect(!secondIDs.contains(addedID)) }
    }

    @Test(arguments: [
        #"{"limit":0}"#, #"{"limit":1001}"#, #"{"after":"bm90IGEgY3Vyc29y"}"#, #"{"after":"%%%"}"#,
    ])
    func aBadLimitOrCursorNamesTheField(params: String) throws {
        let (session, _) = harness.session()
        let reply = harness.call("needs.list", params, on: session)
        #expect(reply?.errorCode == -32602, "\(String(describing: reply))")
        let field = reply?["error"]?["data"]?["field"]?.string
        #expect(field == (params.contains("limit") ? "limit" : "after"))
    }

    /// One list's cursor is refused by another.
    @Test func aCursorBelongsToItsList() throws {
        let (session, _) = harness.session()
        let needs = harness.call("needs.list", #"{"limit":1}"#, on: session)
        let cursor = try #require(needs?["result"]?["next"]?.string)
        let ngos = harness.call("ngos.list", #"{"limit":1,"after":"\#(cursor)"}"#, on: session)
        #expect(ngos?.errorCode == -32602)
    }
}
