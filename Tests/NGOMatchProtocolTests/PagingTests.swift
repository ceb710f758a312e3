import Foundation
import NGOMatchCore
import NGOMatchProtocol
import NGOMatchService
import NGOMatchStore
import Testing

/// Lists in pages: a stable order, the total, an opaque cursor (issue 18).
@Suite(.timeLimit(.minutes(10)))
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
        guard case .number(let before)? = total else {
            Issue.record("no total in \(String(describing: first))")
            return
        }
        #expect(second?["result"]?["total"] == .number(before + 1))
        // Pages follow the key, not positions: the new need is on the second page exactly when its
        // id falls between the first page's last and the second page's last.
        let last = try #require(firstIDs.last)
        let secondLast = try #require(secondIDs.last)
        #expect(secondIDs.contains(addedID) == (last < addedID && addedID <= secondLast), "\(addedID)")
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

    /// The audit trail pages newest first; a change written meanwhile does not shift the next
    /// page; only the ministry reads it.
    @Test func theAuditTrailPagesNewestFirstForTheMinistryOnly() throws {
        let (session, _) = harness.session()
        for amount in 1...7 {
            _ = harness.call("needs.update", #"{"id":"cao-bang-1","fundingGapUSD":\#(amount)}"#, on: session)
        }
        func lineIDs(_ page: JSONValue?) -> [Double] {
            (page?["result"]?["items"]?.items ?? []).compactMap {
                if case .number(let id)? = $0["id"] { id } else { nil }
            }
        }
        let whole = harness.call("audit.list", #"{"what":"cao-bang-1"}"#, on: session)
        let all = lineIDs(whole)
        #expect(all.count >= 7 && all == all.sorted(by: >), "\(String(describing: whole))")
        #expect(whole?["result"]?["total"] == .number(Double(all.count)))
        let first = harness.call("audit.list", #"{"what":"cao-bang-1","limit":3}"#, on: session)
        #expect(lineIDs(first) == Array(all.prefix(3)))
        let next = try #require(first?["result"]?["next"]?.string)
        _ = harness.call("needs.update", #"{"id":"cao-bang-1","fundingGapUSD":99}"#, on: session)
        let second = harness.call("audit.list", #"{"what":"cao-bang-1","limit":3,"after":"\#(next)"}"#, on: session)
        #expect(lineIDs(second) == Array(all[3..<6]))
        #expect(second?["result"]?["total"] == .number(Double(all.count + 1)))
        let needsCursor = try #require(
            harness.call("needs.list", #"{"limit":1}"#, on: session)?["result"]?["next"]?.string)
        let wrongList = harness.call("audit.list", #"{"after":"\#(needsCursor)"}"#, on: session)
        #expect(wrongList?.errorCode == -32602, "a needs cursor is not an audit cursor")

        let (token, _) = try harness.service.registry.createToken(
            role: .province("cao-bang"), audit: AuditEntry(actor: "test", method: "tokens.create"))
        let (province, _) = harness.session(.anonymous, requiresAuth: true)
        _ = harness.call("auth", #"{"token":"\#(token)"}"#, on: province)
        let refused = harness.call("audit.list", on: province)
        #expect(refused?.errorCode == -32003, "\(String(describing: refused))")
    }
}
