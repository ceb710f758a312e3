import Foundation
import NGOMatchCore
import NGOMatchService
import NGOMatchStore
import Testing

/// Reports owed under Decree 58 through the service, on a real SQLite file: what each role
/// reads, who may record a filing, and the reminder before a report is due.
@Suite(.timeLimit(.minutes(5)))
struct ReportingServiceTests {
    let folder: URL
    let service: MatchService
    let province: Caller
    let mcnv: Caller
    let wwf: Caller
    let ministry: Caller

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("reports-\(UUID().uuidString)")
        let service = MatchService(
            registry: try Registry.open(at: folder.appendingPathComponent("r.sqlite").path).registry)
        self.service = service
        let local = Caller.local("test")
        province = try service.invitedCaller("lan@caobang.example.vn", for: "province:Cao Bằng")
        mcnv = try service.invitedCaller("anna@mcnv.example.org", for: "ngo:MCNV")
        wwf = try service.invitedCaller("tom@wwf.example.org", for: "ngo:WWF")
        ministry = try service.invitedCaller("ha@mofa.example.vn", for: "ministry")
        // A certificate issued on Tuesday 1 June 2027 for Cao Bằng and Hà Giang (now part of
        // Tuyên Quang): 21 working days follow in June and 22 in July, so the 45th is 3 August.
        _ = try service.updateNGO(
            "MCNV",
            changes: .object([
                "registration": .object([
                    "kind": .string("operation-registration"), "issued": .string("2027-06-01"),
                    "expires": .string("2030-05-31"), "areas": .array([.string("Cao Bằng"), .string("Hà Giang")]),
                    "fields": .array([.string("health")]),
                ])
            ]), caller: local)
    }

    func day(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text + "T09:00:00Z")!
    }

    func mcnvDuties(_ list: ReportingList) -> [String: ReportingEntry] {
        Dictionary(list.duties.filter { $0.duty.ngo.rawValue == "mcnv" }.map { ($0.duty.key, $0) }) { a, _ in a }
    }

    @Test func theMinistrySeesWhoIsLateAndEachSideOnlyItsOwn() throws {
        let onTenth = ReportingListParams(ngo: "MCNV", on: "2027-08-10")
        let all = mcnvDuties(try service.reportingDuties(onTenth, caller: ministry))
        let caoBang = try #require(all["implementation-plan:cao-bang:2027-06-01"])
        let tuyenQuang = try #require(all["implementation-plan:tuyen-quang:2027-06-01"])
        #expect(caoBang.duty.due.description == "2027-08-03" && caoBang.duty.state == .late && caoBang.daysLate == 7)
        #expect(tuyenQuang.provinceName == "Tuyên Quang" && tuyenQuang.duty.state == .late)
        #expect(all["annual-report:2027"]?.duty.state == .due)
        #expect(all.count == 3)

        // The NGO records its plan to Cao Bằng as sent on 1 August: filed, and on time.
        let filed = try service.fileReport(
            ReportFileParams(ngo: "MCNV", kind: "implementation-plan", province: "cao bang", filedOn: "2027-08-01"),
            caller: mcnv, now: day("2027-08-10"))
        #expect(filed.duty.state == .filed && filed.daysLate == 0)
        // The province reads only the plans sent to it; another NGO reads none of MCNV's.
        let provinceReads = try service.reportingDuties(ReportingListParams(on: "2027-08-10"), caller: province)
        #expect(provinceReads.duties.map(\.duty.key) == ["implementation-plan:cao-bang:2027-06-01"])
        #expect(provinceReads.duties.first?.duty.state == .filed)
        #expect(try service.reportingDuties(onTenth, caller: wwf).duties.isEmpty)
        // After the filing, the ministry's late list holds Tuyên Quang's plan, not Cao Bằng's.
        let late = try service.reportingDuties(
            ReportingListParams(ngo: "MCNV", state: "late", on: "2027-08-10"), caller: ministry)
        #expect(late.duties.map(\.duty.key) == ["implementation-plan:tuyen-quang:2027-06-01"] && late.late == 1)
    }

    @Test func onlyTheNGOAndTheMinistryRecordItsFilingsAndBadOnesAreRefused() throws {
        let params = ReportFileParams(ngo: "MCNV", kind: "annual-report", year: 2027)
        #expect(throws: ServiceError.self) { _ = try service.fileReport(params, caller: wwf, now: day("2027-12-10")) }
        #expect(throws: ServiceError.self) {
            _ = try service.fileReport(params, caller: province, now: day("2027-12-10"))
        }
        #expect(try service.fileReport(params, caller: ministry, now: day("2027-12-10")).duty.state == .filed)
        // A province the certificate does not name, a day in the future, a year outside it.
        func refusal(_ params: ReportFileParams) -> String {
            do {
                _ = try service.fileReport(params, caller: mcnv, now: day("2027-12-10"))
                return "accepted"
            } catch { return "\(error)" }
        }
        #expect(
            refusal(ReportFileParams(ngo: "MCNV", kind: "implementation-plan", province: "Lào Cai")).contains(
                "Cao Bằng, Tuyên Quang"))
        #expect(refusal(ReportFileParams(ngo: "MCNV", kind: "implementation-plan")).contains("province"))
        #expect(
            refusal(ReportFileParams(ngo: "MCNV", kind: "annual-report", year: 2027, filedOn: "2027-12-11")).contains(
                "filedOn"))
        #expect(refusal(ReportFileParams(ngo: "MCNV", kind: "annual-report", year: 2026)).contains("year"))
        // Undo takes a mistaken record back.
        let undone = try service.fileReport(
            ReportFileParams(ngo: "MCNV", kind: "annual-report", year: 2027, undo: true), caller: mcnv,
            now: day("2027-12-10"))
        #expect(undone.duty.state == .due)
    }

    @Test func theNGOsPeopleAreRemindedOnceTenDaysBefore() throws {
        // 27 July is seven days before 3 August: both plans are reminded; 1 July is too early.
        #expect(try service.writeDeadlineNotices(now: day("2027-07-01")) == 0)
        #expect(try service.writeDeadlineNotices(now: day("2027-07-27")) == 2)
        #expect(try service.writeDeadlineNotices(now: day("2027-07-28")) == 0)
        let reminders = try service.registry.outbox().filter { $0.kind == "deadline" }
        #expect(reminders.allSatisfy { $0.recipient == "anna@mcnv.example.org" })
        #expect(Set(reminders.map(\.subject)).count == 2)
        #expect(reminders.contains { $0.subject.contains("plan of activities to Cao Bằng") })
        #expect(reminders.contains { $0.subject.contains("plan of activities to Tuyên Quang") })
    }

    @Test func theCertificatesExpiryIsRemindedNinetyAndThirtyDaysBefore() throws {
        // It expires on 31 May 2030: 91 days before is 1 March, 90 days before 2 March.
        #expect(try service.writeDeadlineNotices(now: day("2030-03-01")) == 0)
        #expect(try service.writeDeadlineNotices(now: day("2030-03-02")) == 1)
        #expect(try service.writeDeadlineNotices(now: day("2030-03-20")) == 0, "once for the 90 days")
        #expect(try service.writeDeadlineNotices(now: day("2030-05-01")) == 1)
        let reminders = try service.registry.outbox().filter { $0.kind == "deadline" }
        #expect(reminders.map(\.recipient) == ["anna@mcnv.example.org", "anna@mcnv.example.org"])
        #expect(reminders.allSatisfy { $0.subject.contains("the registration certificate expires on") })
        // Once it has expired, nothing more.
        #expect(try service.writeDeadlineNotices(now: day("2030-06-02")) == 0)
    }

    @Test func theMinistryMovesTheDayReportsCountFrom() throws {
        // Plan International's certificate of 2021 made its plans due that year: before filings
        // were kept here, so untracked, and listed only when asked for.
        let plan = ReportingListParams(ngo: "Plan International", kind: "implementation-plan", on: "2026-12-20")
        let before = try service.reportingDuties(plan, caller: ministry)
        #expect(before.duties.isEmpty && before.untrackedHidden > 0)
        #expect(throws: ServiceError.self) {
            _ = try service.reportingSettings(ReportingSettingsParams(trackedSince: "2021-01-01"), caller: province)
        }
        let set = try service.reportingSettings(ReportingSettingsParams(trackedSince: "2021-01-01"), caller: ministry)
        #expect(set.trackedSince.description == "2021-01-01")
        // Now the ministry's records are the whole story: the plans nobody recorded are late.
        let after = try service.reportingDuties(plan, caller: ministry)
        #expect(after.duties.count == before.untrackedHidden && after.untrackedHidden == 0)
        #expect(after.duties.allSatisfy { $0.duty.state == .late && $0.daysLate > 365 })
    }
}
