import ArgumentParser
import Foundation
import NGOMatchCore
import NGOMatchStore

struct SuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Rank the NGOs that could serve a need, or every open need of a province.",
        discussion: """
            Each NGO gets a score from 0 to 100, the sum of the rule set's weighted factors,
            with the reasons that weigh most. 'ngomatch explain' shows the whole breakdown.

            Examples:
              ngomatch suggest --province "Cao Bằng"
              ngomatch suggest --need cao-bang-1 --show-excluded
              ngomatch suggest --province "ha giang" --sector health --lang vi
              ngomatch suggest --province "Đồng Nai" --diversify --rules climate --format json
            """
    )

    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var scoring: ScoringOptions
    @OptionGroup var ranking: RankingOptions
    @Option(help: "The need's id.") var need: String?
    @Option(help: "A province: all its open needs.") var province: String?
    @Option(help: "With --province: only needs in this sector.") var sector: String?

    func validate() throws {
        guard (need == nil) != (province == nil) else {
            throw ValidationError("give either --need ID or --province NAME")
        }
        if sector != nil && province == nil { throw ValidationError("--sector goes with --province") }
    }

    func run() throws {
        let opened = try registry.open()
        let rules = try scoring.ruleSet(opened)
        let index = try opened.matchIndex()
        var positions: [Int] = []
        if let need {
            let id = try opened.need(need).id
            positions = [index.needPosition(id)!]
        } else if let province {
            let match = try opened.reference.provinces.resolve(province)
            if case .formerProvince(let former) = match.route {
                Terminal.note("\(former) was merged into \(match.province.name.vi) on 1 July 2025.")
            }
            let filter = NeedFilter(
                province: match.province.id, status: .open,
                sector: try sector.map { try opened.reference.taxonomy.resolve($0).id })
            positions = try opened.needs(filter).compactMap { index.needPosition($0.id) }
            if positions.isEmpty {
                Terminal.note("\(match.province.name.vi) has no open needs\(sector.map { " in \($0)" } ?? "").")
            }
        }
        let rankings = index.suggest(needPositions: positions, rules: rules, options: ranking.options)
        let language = output.language
        let results = zip(positions, rankings).map { position, ranking in
            SuggestionList(
                need: index.needs[position].id, title: index.needs[position].title,
                province: index.needs[position].province,
                ranked: ranking.ranked.map { AssessmentReport($0, index: index, language: language) },
                excluded: ranking.excluded.map { AssessmentReport($0, index: index, language: language) })
        }
        let views = RecordViews(reference: opened.reference, language: language)
        try output.emit(
            results,
            table: {
                results.map { list in
                    var text =
                        "\(list.need) — \(list.title) (\(views.provinceName(list.province))), rules: \(rules.name)\n"
                    text +=
                        list.ranked.isEmpty
                        ? "  no NGO passes the filters"
                        : RankingView.table(list.ranked, counterpart: \.ngoName, id: \.ngoID)
                    if ranking.showExcluded, !list.excluded.isEmpty {
                        text +=
                            "\n\nRemoved by a hard filter:\n"
                            + RankingView.excludedTable(list.excluded, counterpart: \.ngoName, id: \.ngoID)
                    }
                    return text
                }.joined(separator: "\n\n")
            },
            csv: { [RankingView.csvHeader] + results.flatMap { ($0.ranked + $0.excluded).map(RankingView.csvLine) } })
    }
}

/// One need's ranked NGOs, as printed.
struct SuggestionList: Encodable {
    let need: NeedID
    let title: String
    let province: ProvinceID
    let ranked: [AssessmentReport]
    let excluded: [AssessmentReport]
}
