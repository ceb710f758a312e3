import Foundation
import NGOMatchCore
import NGOMatchService
import NGOMatchStore
import Testing

/// Each role's overview through the service, on a real SQLite file: weekly unless chosen, what
/// is new for the organisation since the last one, once, and none when nothing is new.
@Suite(.timeLimit(.minutes(5)))
struct OverviewServiceTests {
    let folder: URL
    let service: MatchService
    let mcnv: Caller
    let start = Date()
    static let week = 7 * 24 * 3600.0

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("overview-\(UUID().uuidString)")
        let service = MatchService(
            registry: try Registry.open(at: folder.appendingPathComponent("r.sqlite").path).registry)
        self.service = service
        _ = try service.invitedCaller("lan@caobang.example.vn", for: "province:Cao Bằng", language: .vi)
        mcnv = try service.invitedCaller("anna@mcnv.example.org", for: "ngo:MCNV")
        _ = try service.invitedCaller("ha@mofa.example.vn", for: "ministry")
        // The invitations themselves are not what this judges.
        while let message = try service.registry.claimDueMessage(by: "test", lease: 60) {
            try service.registry.recordDelivery(message.id)
        }
    }

    /// The text part of each message waiting, by recipient, decoded from its base64.
    func texts() throws -> [String: String] {
        var texts: [String: String] = [:]
        let later = start.addingTimeInterval(10 * Self.week)
        while let message = try service.registry.claimDueMessage(by: "test", lease: 60, now: later) {
            try service.registry.recordDelivery(message.id)
            let plain = try #require(message.message.range(of: "Content-Type: text/plain; charset=utf-8\r\n"))
            let body = try #require(
                message.message.range(of: "\r\n\r\n", range: plain.upperBound..<message.message.endIndex))
            let block = message.message[body.upperBound...].prefix { $0 != "-" }
            let data = try #require(Data(base64Encoded: block.replacingOccurrences(of: "\r\n", with: "")))
            // Lines the mail wrapped are joined again, so that a phrase is found whole.
            texts[message.recipient] = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\n  ", with: " ")
                .replacingOccurrences(of: "\n", with: " ")
        }
        return texts
    }

    @Test func eachRoleHearsWhatIsNewForItOnceAWeek() throws {
        // What happens during the week: a health need in Cao Bằng, MCNV's interest in another,
        // WWF certified for Cao Bằng today.
        let need = try service.registerNeed(
            .object([
                "province": .string("Cao Bằng"), "title": .string("Mobile clinics for mountain communes"),
                "sectors": .string("health:5"), "fundingGapUSD": .number(300_000),
                "timeframe": .object(["start": .string("2027-01-01"), "end": .string("2028-12-31")]),
            ]), caller: .local("test"), method: "needs.register")
        _ = try service.expressInterest(
            InterestExpressParams(need: "cao-bang-1", message: "We run maternal health programmes."), caller: mcnv)
        _ = try service.updateNGO(
            "WWF",
            changes: .object([
                "registration": .object([
                    "kind": .string("representative-office"), "issued": .string(CalendarDate.today.description),
                    "expires": .string(CalendarDate.today.adding(years: 5).description),
                    "areas": .array([.string("Cao Bằng")]), "fields": .array([.string("environment")]),
                ])
            ]), caller: .local("test"))
        _ = try texts()

        // Weekly by default: nothing before the week is out.
        #expect(try service.writeOverviews(now: start.addingTimeInterval(Self.week / 2)) == 0)
        #expect(try service.writeOverviews(now: start.addingTimeInterval(Self.week + 60)) == 3)
        let mails = try texts()
        let ngo = try #require(mails["anna@mcnv.example.org"])
        #expect(ngo.contains("New needs that fit you best") && ngo.contains("Mobile clinics for mountain communes"))
        #expect(ngo.contains("/needs/\(need.id)"))
        // Needs from before the last overview are not new.
        #expect(!ngo.contains("/needs/cao-bang-1 "), "\(ngo)")
        let province = try #require(mails["lan@caobang.example.vn"])
        #expect(province.contains("Medisch Comité Nederland–Vietnam có thể hỗ trợ"), "\(province)")
        #expect(province.contains("Tổ chức mới được cấp giấy đăng ký") && province.contains("WWF"))
        let ministry = try #require(mails["ha@mofa.example.vn"])
        #expect(ministry.contains("Contacted: 1"), "\(ministry)")

        // Made once: another server, or the next minute, writes none.
        #expect(try service.writeOverviews(now: start.addingTimeInterval(Self.week + 120)) == 0)
        // A week later nothing is new for MCNV: no message. The province still has a request to
        // answer, and the ministry its figures.
        #expect(try service.writeOverviews(now: start.addingTimeInterval(2 * Self.week + 180)) == 2)
        let later = try texts()
        #expect(later["anna@mcnv.example.org"] == nil)
        #expect(later["lan@caobang.example.vn"]?.contains("Đang chờ quý vị trả lời") == true)
        #expect(later["lan@caobang.example.vn"]?.contains("Quan tâm mới") == false)
    }

    @Test func anOverviewComesDailyOrWeeklyOrNotButNeverAtOnce() throws {
        let anna = try #require(try service.registry.people(organisation: "ngo:mcnv").first)
        #expect(throws: ServiceError.self) {
            _ = try service.setNoticeSetting(
                PersonNoticesParams(person: anna.id, kind: "overview", cadence: .immediately), caller: mcnv)
        }
        _ = try service.setNoticeSetting(
            PersonNoticesParams(person: anna.id, kind: "overview", cadence: .off), caller: mcnv)
        _ = try service.registerNeed(
            .object([
                "province": .string("Cao Bằng"), "title": .string("Clean water for schools"),
                "sectors": .string("health:5"), "fundingGapUSD": .number(100_000),
                "timeframe": .object(["start": .string("2027-01-01"), "end": .string("2027-12-31")]),
            ]), caller: .local("test"), method: "needs.register")
        _ = try texts()
        _ = try service.writeOverviews(now: start.addingTimeInterval(Self.week + 60))
        #expect(try texts()["anna@mcnv.example.org"] == nil, "off: none")
    }
}
