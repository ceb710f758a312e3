import Foundation
import NGOMatchCore
import NGOMatchService
import NGOMatchStore
import Testing

/// Interest and the pipeline through the service, on a real SQLite file, as the people of a
/// province, two NGOs and the ministry: who may ask and answer, what each reads, when contacts
/// show, the cap and the expiry, and an approved pair becoming a partnership.
@Suite(.timeLimit(.minutes(5)))
struct InterestServiceTests {
    let folder: URL
    let service: MatchService
    let province: Caller
    let mcnv: Caller
    let wwf: Caller
    let reader: Caller
    let ministry: Caller

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("interest-\(UUID().uuidString)")
        let service = MatchService(
            registry: try Registry.open(at: folder.appendingPathComponent("r.sqlite").path).registry)
        self.service = service
        province = try service.invitedCaller("lan@caobang.example.vn", for: "province:Cao Bằng")
        mcnv = try service.invitedCaller("anna@mcnv.example.org", for: "ngo:MCNV")
        wwf = try service.invitedCaller("tom@wwf.example.org", for: "ngo:WWF")
        reader = try service.invitedCaller("reader@caobang.example.vn", for: "province:Cao Bằng", rights: .read)
        ministry = try service.invitedCaller("ha@mofa.example.vn", for: "ministry")
    }

    func mails(_ kind: String) throws -> [String] {
        try service.registry.outbox().filter { $0.kind == kind }.map(\.recipient).sorted()
    }

    @Test func anNGOAsksTheProvinceIsToldAndAcceptsAndOnlyThenContactsShow() throws {
        let asked = try service.expressInterest(
            InterestExpressParams(need: "cao-bang-1", message: "We run maternal health programmes.", amount: 250_000),
            caller: mcnv)
        #expect(asked.request.from == .ngo && asked.request.status == .open && asked.request.ngo.rawValue == "mcnv")
        // The province's two people are told (the reader too: reading is what they do), nobody else.
        #expect(try mails("interest-received") == ["lan@caobang.example.vn", "reader@caobang.example.vn"])
        let told = try #require(try service.registry.outbox().first { $0.kind == "interest-received" })
        #expect(told.subject.contains("Medisch Comité") && told.subject.contains("Maternal"))
        // The mail says what the NGO has in mind.
        var claimed: [ClaimedMessage] = []
        while let message = try service.registry.claimDueMessage(by: "test", lease: 60) { claimed.append(message) }
        let text = try #require(claimed.first { $0.messageID == told.messageID }).message
        let plain = try #require(text.range(of: "Content-Type: text/plain; charset=utf-8\r\n"))
        let body = try #require(text.range(of: "\r\n\r\n", range: plain.upperBound..<text.endIndex))
        let decoded = try #require(
            Data(
                base64Encoded: text[body.upperBound...].prefix { $0 != "-" }.replacingOccurrences(of: "\r\n", with: ""))
        )
        #expect(String(decoding: decoded, as: UTF8.self).contains("Amount in mind: $250,000"))
        // Not connected yet: neither side sees the other's addresses.
        let before = try service.interestDetails(InterestParams(id: asked.request.id), caller: province)
        #expect(before.contacts.isEmpty)
        // A reader may not answer; another NGO may not read it at all.
        #expect(throws: ServiceError.self) {
            _ = try service.answerInterest(InterestAnswerParams(id: asked.request.id, answer: "accept"), caller: reader)
        }
        #expect(throws: ServiceError.self) {
            _ = try service.interestDetails(InterestParams(id: asked.request.id), caller: wwf)
        }
        // The NGO may not answer its own request for the province.
        #expect(throws: ServiceError.self) {
            _ = try service.answerInterest(InterestAnswerParams(id: asked.request.id, answer: "accept"), caller: mcnv)
        }
        let accepted = try service.answerInterest(
            InterestAnswerParams(id: asked.request.id, answer: "accept", text: "Let us meet."), caller: province)
        #expect(accepted.status == .accepted)
        #expect(try mails("interest-answered") == ["anna@mcnv.example.org"])
        let after = try service.interestDetails(InterestParams(id: asked.request.id), caller: mcnv)
        #expect(after.contacts.map(\.email).contains("lan@caobang.example.vn"))
        #expect(!after.contacts.map(\.email).contains("anna@mcnv.example.org"))
        #expect(after.stage == "interested")
    }

    @Test func whenBothSidesAskTheyAreConnectedWithoutAnAnswer() throws {
        let first = try service.expressInterest(
            InterestExpressParams(need: "cao-bang-1", ngo: "WWF", message: "Would you discuss this need?"),
            caller: province)
        #expect(first.connectedWith == nil)
        let second = try service.expressInterest(
            InterestExpressParams(need: "cao-bang-1", message: "We would like to help."), caller: wwf)
        #expect(second.connectedWith?.id == first.request.id && second.request.status == .mutual)
        #expect(try service.registry.interestRequest(first.request.id).status == .mutual)
        #expect(
            try service.registry.pipelinePair(need: NeedID("cao-bang-1"), ngo: first.request.ngo)?.stage == "interested"
        )
        #expect(
            try mails("interest-answered").sorted() == [
                "lan@caobang.example.vn", "reader@caobang.example.vn", "tom@wwf.example.org",
            ])
    }

    @Test func aProvinceAsksOnlyForItsOwnNeedsAndAnNGOOnlyForItself() throws {
        #expect(throws: ServiceError.self) {
            _ = try service.expressInterest(
                InterestExpressParams(need: "ca-mau-1", ngo: "WWF", message: "Not ours"), caller: province)
        }
        #expect(throws: ServiceError.self) {
            _ = try service.expressInterest(
                InterestExpressParams(need: "cao-bang-1", ngo: "WWF", message: "Not us"), caller: mcnv)
        }
        #expect(throws: ServiceError.self) {
            _ = try service.expressInterest(
                InterestExpressParams(need: "cao-bang-1", ngo: "WWF", message: "Reader"), caller: reader)
        }
        // Anonymous callers read nothing.
        #expect(throws: ServiceError.self) {
            _ = try service.interestRequests(InterestListParams(), caller: .anonymous)
        }
    }

    @Test func aDeclineNeedsAReasonAndClosesThePairAsAPartnershipDeclined() throws {
        let asked = try service.expressInterest(
            InterestExpressParams(need: "cao-bang-1", message: "We can help."), caller: mcnv)
        #expect(throws: ServiceError.self) {
            _ = try service.answerInterest(
                InterestAnswerParams(id: asked.request.id, answer: "decline"), caller: province)
        }
        _ = try service.answerInterest(
            InterestAnswerParams(id: asked.request.id, answer: "decline", reason: .timing, text: "Next year."),
            caller: province)
        #expect(try service.registry.pipelinePair(need: NeedID("cao-bang-1"), ngo: NGOID("mcnv"))?.stage == "declined")
        #expect(try service.registry.partnerships(need: "cao-bang-1").map(\.status) == [.declined])
        let told = try #require(try service.registry.outbox().first { $0.kind == "interest-answered" })
        #expect(told.subject.contains("declined"))
        // A closed pair takes no new request.
        #expect(throws: RegistryError.self) {
            _ = try service.expressInterest(
                InterestExpressParams(need: "cao-bang-1", message: "Again"), caller: mcnv)
        }
    }

    @Test func theCapStopsAnOrganisationMailingEveryProvince() throws {
        _ = try service.interestSettings(InterestSettingsParams(openCap: 2), caller: ministry)
        #expect(throws: ServiceError.self) {
            _ = try service.interestSettings(InterestSettingsParams(openCap: 50), caller: province)
        }
        let needs = try service.registry.needs().filter { $0.status == .open }.prefix(3).map(\.id.rawValue)
        _ = try service.expressInterest(InterestExpressParams(need: needs[0], message: "One"), caller: wwf)
        _ = try service.expressInterest(InterestExpressParams(need: needs[1], message: "Two"), caller: wwf)
        do {
            _ = try service.expressInterest(InterestExpressParams(need: needs[2], message: "Three"), caller: wwf)
            Issue.record("a third request passed a cap of two")
        } catch {
            #expect("\(error)".contains("the most allowed (2)"))
        }
    }

    @Test func requestsExpireAfterTheSettingWithOneReminderBefore() throws {
        let start = Date()
        let asked = try service.expressInterest(
            InterestExpressParams(need: "cao-bang-1", message: "We can help."), caller: mcnv)
        let day: TimeInterval = 24 * 3600
        #expect(try service.writeInterestDeadlines(now: start.addingTimeInterval(day)) == 0)
        // Three days before the 14th day, the province's people are reminded, once.
        let reminded = try service.writeInterestDeadlines(now: start.addingTimeInterval(11.5 * day))
        #expect(reminded == 2)
        #expect(try service.writeInterestDeadlines(now: start.addingTimeInterval(12 * day)) == 0)
        #expect(try service.registry.interestRequest(asked.request.id).status == .open)
        _ = try service.writeInterestDeadlines(now: start.addingTimeInterval(14 * day + 60))
        #expect(try service.registry.interestRequest(asked.request.id).status == .expired)
        // The NGO that asked is told nobody answered, and only it.
        let told = try service.registry.outbox().filter { $0.subject.contains("the request expired") }
        #expect(told.map(\.recipient) == ["anna@mcnv.example.org"])
        #expect(throws: RegistryError.self) {
            _ = try service.answerInterest(
                InterestAnswerParams(id: asked.request.id, answer: "accept"), caller: province)
        }
    }

    @Test func onlyTheTwoSidesAndTheMinistryReadTheThread() throws {
        let asked = try service.expressInterest(
            InterestExpressParams(need: "cao-bang-1", message: "We can help."), caller: mcnv)
        _ = try service.addInterestMessage(
            InterestMessageParams(id: asked.request.id, text: "Which communes?"), caller: province)
        #expect(try mails("interest-message") == ["anna@mcnv.example.org"])
        #expect(throws: ServiceError.self) {
            _ = try service.addInterestMessage(InterestMessageParams(id: asked.request.id, text: "Me too"), caller: wwf)
        }
        #expect(try service.interestDetails(InterestParams(id: asked.request.id), caller: ministry).messages.count == 1)
        #expect(try service.interestRequests(InterestListParams(), caller: wwf).isEmpty)
        #expect(try service.interestRequests(InterestListParams(), caller: ministry).count == 1)
    }

    @Test func anApprovedPairIsAPartnershipThatCountsInTheTrackRecord() throws {
        let need = "cao-bang-1"
        _ = try service.expressInterest(InterestExpressParams(need: need, message: "We can help."), caller: mcnv)
        let before = try service.explain(ExplainParams(need: need, ngo: "MCNV"))
        for item in try service.checklist().items {
            _ = try service.markDossierItem(DossierItemParams(need: need, ngo: "MCNV", item: item.id), caller: province)
        }
        // Another NGO may not move this pair.
        #expect(throws: ServiceError.self) {
            _ = try service.movePipeline(PipelineMoveParams(need: need, ngo: "MCNV", stage: "met"), caller: wwf)
        }
        _ = try service.movePipeline(
            PipelineMoveParams(need: need, ngo: "MCNV", stage: "dossier-submitted"), caller: mcnv)
        #expect(throws: RegistryError.self) {
            _ = try service.movePipeline(
                PipelineMoveParams(need: need, ngo: "MCNV", stage: "approved"), caller: province)
        }
        let approved = try service.movePipeline(
            PipelineMoveParams(
                need: need, ngo: "MCNV", stage: "approved", decisionNumber: "1234/QĐ-UBND", decisionDate: "2026-11-20",
                authority: "UBND tỉnh Cao Bằng"), caller: province)
        #expect(approved.stage == "approved")
        let last = try #require(approved.moves.last)
        #expect(last.decisionNumber == "1234/QĐ-UBND" && last.door == "web" && last.by.contains("province:cao-bang"))
        #expect(try service.registry.partnerships(need: need).map(\.status) == [.agreed])
        // The NGO's side is told; the move is in the audit trail under its door's method.
        #expect(try mails("pipeline-moved").contains("anna@mcnv.example.org"))
        #expect(try service.registry.auditTrail(limit: 5).contains { $0.method == "pipeline.move" })
        // The partnership now takes up the NGO's load, as a recorded one does: the explanation changes.
        let after = try service.explain(ExplainParams(need: need, ngo: "MCNV"))
        #expect(before.report.factors.map(\.explanation) != after.report.factors.map(\.explanation))
        // The ministry sees it in the figures; a province does not get them.
        let figures = try service.pipelineFigures(PipelineFiguresParams(), caller: ministry)
        #expect(figures.groups.first { $0.key == "cao-bang" }?.byStage["approved"] == 1)
        #expect(throws: ServiceError.self) {
            _ = try service.pipelineFigures(PipelineFiguresParams(), caller: province)
        }
    }

    @Test func aRecordedPartnershipJoinsThePipelineAtItsStage() throws {
        _ = try service.recordPartnership(
            PartnershipRecordParams(need: "cao-bang-1", ngo: "WWF", status: "active"), caller: .local("test"))
        let entries = try service.pipelineEntries(PipelineListParams(ngo: "WWF"), caller: ministry)
        #expect(entries.map(\.stage) == ["implementing"])
    }
}
