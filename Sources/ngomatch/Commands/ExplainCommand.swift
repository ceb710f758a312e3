import ArgumentParser
import Foundation
import NGOMatchCore
import NGOMatchStore

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show how a need–NGO pair is scored: every factor, every filter, the parameters used.",
        discussion: """
            Examples:
              ngomatch explain --need cao-bang-1 --ngo MCNV
              ngomatch explain --need quang-tri-1 --ngo "Norwegian People's Aid" --lang vi
            """
    )

    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var scoring: ScoringOptions
    @Option(help: "The need's id.") var need: String
    @Option(help: "The NGO: id, name or acronym.") var ngo: String
    @Flag(help: "Do not apply the declined-pair filter.") var includeDeclined = false

    func run() throws {
        let opened = try registry.open()
        let rules = try scoring.ruleSet(opened)
        let needID = try opened.need(need).id
        let ngoID = try opened.ngo(named: ngo).id
        let index = try opened.matchIndex()
        let assessment = index.assess(
            needPosition: index.needPosition(needID)!, ngoPosition: index.ngoPosition(ngoID)!, rules: rules,
            includeDeclined: includeDeclined)
        let report = AssessmentReport(assessment, index: index, language: output.language)
        let explained = ExplainedPair(
            report: report, rules: rules.name, minimumScore: rules.minimumScore, parameters: RuleParameters(rules))
        try output.emit(
            [explained],
            table: {
                var text = "\(report.ngoName) for \(report.need) — \(report.needTitle)\n"
                text +=
                    "Score \(Explanation.points(report.score)) of 100 (rules: \(rules.name), minimum \(Explanation.points(rules.minimumScore)))"
                text += report.excluded ? " — EXCLUDED\n\n" : "\n\n"
                var factors = Table(["factor", "weight", "value", "points", "because"])
                for factor in report.factors {
                    factors.add([
                        factor.name, Explanation.points(factor.weight), String(format: "%.2f", factor.value),
                        Explanation.points(factor.points), factor.explanation,
                    ])
                }
                text += factors.render()
                var filters = Table(["filter", "result", "what would change it"])
                for filter in HardFilter.allCases {
                    if let failed = report.failedFilters.first(where: { $0.filter == filter }) {
                        filters.add([filter.rawValue, "FAILED: " + failed.reason, failed.remedy ?? ""])
                    } else {
                        filters.add([
                            filter.rawValue, RuleParameters.isApplied(filter, rules) ? "passed" : "not applied", "",
                        ])
                    }
                }
                text += "\n\n" + filters.render()
                text += "\n\nParameters: " + RuleParameters(rules).summary
                return text
            })
    }
}

/// A pair's explanation with the rule set it was scored under.
struct ExplainedPair: Encodable {
    let report: AssessmentReport
    let rules: String
    let minimumScore: Double
    let parameters: RuleParameters
}

/// The parameters of a rule set, for printing next to a score.
struct RuleParameters: Encodable {
    let weights: [String: Double]
    let settings: [String: Double]
    let filters: [String: String]

    init(_ rules: RuleSet) {
        weights = Dictionary(uniqueKeysWithValues: rules.weights.map { ($0.factor.rawValue, $0.weight) })
        var settings: [String: Double] = [:]
        if let rule = rules.sectorFit {
            settings["sectorFit.sameParent"] = rule.sameParent
            settings["sectorFit.sibling"] = rule.sibling
        }
        if let rule = rules.geography {
            settings["geography.past"] = rule.past
            settings["geography.nearby"] = rule.nearby
            settings["geography.nearbyKm"] = rule.nearbyKm
            settings["geography.nationwide"] = rule.nationwide
            settings["geography.elsewhere"] = rule.elsewhere
            settings["geography.decayKm"] = rule.decayKm
        }
        if let rule = rules.trackRecord { settings["trackRecord.saturation"] = rule.saturation }
        if let rule = rules.underservedProvince { settings["underservedProvince.saturation"] = rule.saturation }
        self.settings = settings
        let f = rules.filters
        filters = [
            "needOpen": "\(f.needOpen)", "sectorOverlap": "\(f.sectorOverlap)",
            "certificateValid": "\(f.certificateValid)",
            "certificateArea": "\(f.certificateArea)", "certificateFields": f.certificateFields.rawValue,
            "optOut": "\(f.optOut)", "declined": "\(f.declined)",
        ]
    }

    var summary: String {
        (weights.sorted { $0.key < $1.key }.map { "\($0.key)=\(Explanation.points($0.value))" }
            + settings.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }).joined(separator: ", ")
    }

    static func isApplied(_ filter: HardFilter, _ rules: RuleSet) -> Bool {
        let f = rules.filters
        switch filter {
        case .needOpen: return f.needOpen
        case .sectorOverlap: return f.sectorOverlap
        case .certificateValid: return f.certificateValid
        case .certificateArea: return f.certificateArea
        case .certificateFields: return f.certificateFields != .off
        case .optOut: return f.optOut
        case .declined: return f.declined
        case .minimumScore: return true
        }
    }
}
