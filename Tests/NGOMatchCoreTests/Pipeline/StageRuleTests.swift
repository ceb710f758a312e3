import Foundation
import NGOMatchCore
import NGOMatchSeeds
import Testing

/// The stage rules of the shipped checklist, each move judged against what the checklist file
/// says in words: forward only, closings where allowed, the data a stage asks for, the
/// dossier before the stage that needs it.
struct StageRuleTests {
    let checklist: ApprovalChecklist

    init() throws {
        checklist = try ChecklistParser.parse(
            SeedFile.text(SeedFile.approvalChecklist)!, file: SeedFile.approvalChecklist)
    }

    func move(
        _ from: String?, _ to: String, given: Set<MoveField> = [], done: Set<String> = [], ministry: Bool = false
    ) -> String? {
        checklist.problem(
            ApprovalChecklist.Move(from: from, to: to, given: given, itemsDone: done, mayGoBack: ministry))?.text(.en)
    }

    @Test func theShippedChecklistHasTheStagesTheIssueNames() {
        #expect(
            checklist.stages.map(\.id) == [
                "contacted", "interested", "met", "concept-note", "agreed", "dossier-submitted", "approved",
                "implementing", "completed",
            ])
        #expect(Set(checklist.closings.map(\.id)) == ["declined", "withdrawn", "not-approved"])
        #expect(checklist.items.filter { $0.kind == .opinion }.count == 5)
        #expect(checklist.items.filter { $0.kind == .document }.count == 5)
    }

    @Test func pairsMoveForwardAndSkipStagesButNotBack() {
        #expect(move(nil, "contacted") == nil)
        #expect(move("contacted", "met") == nil)
        #expect(move("met", "interested")?.contains("cannot go back") == true)
        #expect(move("met", "interested", ministry: true) == nil)
        #expect(move("met", "met")?.contains("already") == true)
    }

    @Test func approvalNeedsItsDecisionAndTheWholeDossier() {
        let decision: Set<MoveField> = [.decisionNumber, .decisionDate, .authority]
        let missing = move("dossier-submitted", "approved", given: [.decisionNumber])
        #expect(missing?.contains("decision-date, authority") == true)
        let undone = move("dossier-submitted", "approved", given: decision)
        #expect(undone?.contains("Opinion of the finance department") == true)
        let all = Set(checklist.items.map(\.id))
        #expect(move("dossier-submitted", "approved", given: decision, done: all) == nil)
        // The documents, not yet the opinions, are needed to submit the dossier.
        let documents = Set(checklist.items.filter { $0.kind == .document }.map(\.id))
        #expect(move("agreed", "dossier-submitted", done: documents) == nil)
        #expect(move("agreed", "dossier-submitted", done: documents.subtracting(["translations"])) != nil)
    }

    @Test func closingsNeedAReasonAndComeOnlyFromWhereTheyMay() {
        #expect(move("met", "declined")?.contains("reason") == true)
        #expect(move("met", "declined", given: [.reason]) == nil)
        #expect(move("approved", "declined", given: [.reason])?.contains("withdraw") == true)
        #expect(move("approved", "withdrawn", given: [.reason]) == nil)
        #expect(move("met", "not-approved", given: [.reason])?.contains("Dossier submitted") == true)
        #expect(move("dossier-submitted", "not-approved", given: [.reason]) == nil)
        // A closed pair reopens only at the first stage.
        #expect(move("declined", "met")?.contains("Contacted") == true)
        #expect(move("declined", "contacted") == nil)
    }

    @Test func anUnknownStageIsNamedWithTheClosestOne() {
        #expect(move("met", "aproved")?.contains("did you mean 'approved'") == true)
    }

    @Test func aReplacedChecklistIsRefusedWithEveryProblemAndItsLine() {
        let text = """
            name: broken
            stages:
              - {id: contacted, en: Contacted, vi: Đã liên hệ}
              - {id: interested, en: Interested, vi: Quan tâm, requires: [signature]}
              - {id: met, en: Met}
            closings:
              - {id: declined, en: Declined, vi: Từ chối, before: aproved}
            items:
              - {id: letter, kind: memo, needed-by: met, en: A letter, vi: Thư}
            colour: blue
            """
        do {
            _ = try ChecklistParser.parse(text, file: "broken.yaml")
            Issue.record("a broken checklist was accepted")
        } catch {
            let messages = error.problems.map { "\($0.line):\($0.what.text(.en))" }
            #expect(messages.contains { $0.contains("unknown requirement 'signature'") })
            #expect(messages.contains { $0.contains("met.vi") })
            #expect(messages.contains { $0.contains("'memo'") })
            #expect(messages.contains { $0.contains("no stage 'aproved'") })
            #expect(messages.contains { $0.contains("'dossier-submitted' must stay") })
            #expect(messages.contains { $0.contains("unknown field 'colour'") })
            // The bad requirement is on the file's 4th line.
            #expect(error.problems.contains { $0.line == 4 && $0.what.text(.en).contains("signature") })
        }
    }

    @Test func aProblemAfterADroppedEntryNamesItsOwnLine() {
        // The first closing is no mapping and is dropped; the second's bad reference is on line 9,
        // and the item named twice on line 12.
        let text = """
            name: shifted
            stages:
              - {id: contacted, en: Contacted, vi: Đã liên hệ}
              - {id: interested, en: Interested, vi: Quan tâm}
              - {id: met, en: Met, vi: Đã gặp}
              - {id: dossier-submitted, en: Submitted, vi: Đã nộp}
            closings:
              - declined
              - {id: withdrawn, en: Withdrawn, vi: Rút lại, before: aproved}
            items:
              - {id: letter, kind: document, needed-by: met, en: A letter, vi: Thư}
              - {id: letter, kind: document, needed-by: met, en: A letter, vi: Thư}
            """
        do {
            _ = try ChecklistParser.parse(text, file: "shifted.yaml")
            Issue.record("a broken checklist was accepted")
        } catch {
            #expect(error.problems.contains { $0.line == 9 && $0.what.text(.en).contains("no stage 'aproved'") })
            #expect(error.problems.contains { $0.line == 12 && $0.what.text(.en).contains("letter") })
        }
    }

    @Test func partnershipsRecordedBeforeThePipelineJoinAtTheirStage() {
        #expect(checklist.stage(for: .proposed) == "contacted")
        #expect(checklist.stage(for: .agreed) == "approved")
        #expect(checklist.stage(for: .active) == "implementing")
        #expect(checklist.stage(for: .completed) == "completed")
        #expect(checklist.stage(for: .declined) == "declined")
    }

    @Test func aMoveFormOffersOnlyTheMovesItsReaderMayMake() {
        // From approved, a side goes forward (skipping is allowed) or withdraws; declining ends
        // before approval and a refusal comes only after a submitted dossier.
        #expect(
            checklist.reachable(from: "approved", mayGoBack: false).map(\.id) == [
                "implementing", "completed", "withdrawn",
            ])
        // The ministry may also set it back, to correct a mistake.
        #expect(
            checklist.reachable(from: "approved", mayGoBack: true).map(\.id) == [
                "contacted", "interested", "met", "concept-note", "agreed", "dossier-submitted", "implementing",
                "completed", "withdrawn",
            ])
        // A closed pair reopens only at the first stage.
        #expect(checklist.reachable(from: "declined", mayGoBack: false).map(\.id) == ["contacted"])
        #expect(checklist.reachable(from: "dossier-submitted", mayGoBack: false).map(\.id).contains("not-approved"))
    }
}
