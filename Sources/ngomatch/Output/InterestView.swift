import Foundation
import NGOMatchCore
import NGOMatchService
import NGOMatchStore

/// Requests of interest and the pipeline as the CLI's tables.
enum InterestView {
    static func table(_ requests: [InterestRequest]) -> String {
        var table = Table(keys: ["cli.id", "cli.need", "kind.NGO", "col.from", "ev.status", "col.when", "col.message"])
        for request in requests {
            table.add([
                String(request.id), request.need.rawValue, request.ngo.rawValue, request.from.rawValue,
                request.status.rawValue, String(request.createdAt.prefix(10)), request.message,
            ])
        }
        return table.render()
    }

    static func csv(_ requests: [InterestRequest]) -> [String] {
        [
            CSVTable.line([
                "id", "need", "province", "ngo", "from", "status", "created_at", "expires_at", "message", "reason",
            ])
        ]
            + requests.map {
                CSVTable.line([
                    String($0.id), $0.need.rawValue, $0.province.rawValue, $0.ngo.rawValue, $0.from.rawValue,
                    $0.status.rawValue, $0.createdAt, $0.expiresAt, $0.message, $0.reason?.rawValue ?? "",
                ])
            }
    }

    static func outcome(_ outcome: InterestOutcome) -> String {
        let language = CommandLanguage.current
        let line =
            outcome.connectedWith.map { Messages.text("interest.connectedWith", language, String($0.id)) }
            ?? Messages.text("interest.written", language, outcome.request.expiresAt.prefix(10).description)
        return table([outcome.request]) + "\n" + line
    }

    static func details(_ details: InterestDetails) -> String {
        let language = CommandLanguage.current
        var lines = [
            table([details.request]), "",
            "\(details.needTitle) — \(details.provinceName) · \(details.ngoName)",
            Messages.text("interest.stageLine", language, details.stage ?? "—"),
        ]
        for message in details.messages {
            lines.append("\(message.at.prefix(16)) \(message.side?.rawValue ?? "ministry"): \(message.text)")
        }
        if details.contacts.isEmpty {
            lines.append(Messages.text("interest.noContacts", language))
        } else {
            for card in details.contacts {
                lines.append(
                    "\(card.organisation): "
                        + [card.name, card.email, card.phone].compactMap { $0 }.joined(separator: " · "))
            }
        }
        return lines.joined(separator: "\n")
    }

    static func pipeline(_ entries: [PipelineEntry]) -> String {
        var table = Table(keys: ["cli.need", "cli.province", "kind.NGO", "col.stage", "col.days", "col.stalled"])
        for entry in entries {
            table.add([
                entry.need.rawValue, entry.provinceName, entry.ngoName, entry.stage, String(entry.daysAtStage),
                entry.stalled ? "!" : "",
            ])
        }
        return table.render()
    }

    static func pipelineCSV(_ entries: [PipelineEntry]) -> [String] {
        PipelineEntry.csvRows(entries).map(CSVTable.line)
    }

    static func pair(_ details: PipelineDetails) -> String {
        let language = CommandLanguage.current
        var lines = ["\(details.needTitle) — \(details.provinceName) · \(details.ngoName): \(details.stageName)", ""]
        var moves = Table(keys: ["col.when", "col.stage", "col.by", "col.door", "col.detail"])
        for move in details.pair.moves {
            let detail = [move.decisionNumber, move.decisionDate?.description, move.authority, move.reason, move.note]
                .compactMap { $0 }.joined(separator: " · ")
            moves.add([String(move.at.prefix(16)), move.stage, move.by, move.door, detail])
        }
        lines.append(moves.render())
        lines.append("")
        var dossier = Table(keys: ["col.item", "col.done", "col.due", "col.file"])
        for item in details.dossier {
            dossier.add([
                item.name, item.doneAt.map { String($0.prefix(10)) } ?? "",
                item.due.map { $0.description + (item.overdue ? " " + Messages.text("col.overdue", language) : "") }
                    ?? "", item.fileName ?? "",
            ])
        }
        lines.append(dossier.render())
        return lines.joined(separator: "\n")
    }

    static func figures(_ figures: PipelineFigures) -> String {
        let language = CommandLanguage.current
        let shown = figures.stages.filter { stage in figures.groups.contains { $0.byStage[stage.id] != nil } }
        var table = Table([figures.by, "#"] + shown.map { $0.name(language) } + ["!"])
        for group in figures.groups {
            table.add(
                [group.name, String(group.total)] + shown.map { group.byStage[$0.id].map(String.init) ?? "" } + [
                    group.stalled == 0 ? "" : String(group.stalled)
                ])
        }
        var lines = [table.render(), ""]
        for step in figures.steps {
            lines.append(
                Messages.counted(
                    "pipeline.stepLine", language, step.pairs, step.from, step.to,
                    LocalFormat.decimal(step.medianDays, language)))
        }
        return lines.joined(separator: "\n")
    }

    static func figuresCSV(_ figures: PipelineFigures) -> [String] { figures.csvRows.map(CSVTable.line) }
}
