import ArgumentParser
import Foundation
import NGOMatchCore
import NGOMatchService
import NGOMatchStore

struct GapsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gaps",
        abstract: Help.text("help.gaps"),
        discussion: """
            Weak needs: open needs whose best candidate scores below --threshold (or has
            none).
            Sectors: demand (each open need's funding gap, shared among its sectors by
            priority) against supply (each certified NGO's yearly capacity × typical grant
            midpoint × expertise/5); a ratio above 1 means demand outstrips supply.
            Provinces: how many distinct NGOs pass every filter for at least one open need
            there.

            With --map FILE, writes the coverage map instead: the 34 provinces and
            centrally-run cities coloured by --measure (openNeeds, unservedNeeds,
            fundingGap, ngosPerNeed), optionally for one --sector, as a standalone SVG ('-'
            for stdout; with --format json, the figures and the SVG as the protocol's
            gaps.map returns them).

            Examples:
              ngomatch gaps
              ngomatch gaps --threshold 60 --rules underserved --format json
              ngomatch gaps --explain 5
              ngomatch gaps --map coverage.svg --measure unservedNeeds --sector health
            """
    )

    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var scoring: ScoringOptions
    @Option(help: "A need whose best candidate scores below this is weak.") var threshold: Double = 50
    @Option(help: "Write the coverage map as SVG to this file ('-': stdout).") var map: String?
    @Option(help: "With --map: openNeeds, unservedNeeds, fundingGap or ngosPerNeed.") var measure: String?
    @Option(help: "With --map: only needs in this sector.") var sector: String?
    @Option(help: "Say why for the N weakest needs: the NGOs the rules keep out, and the commonest reason.")
    var explain: Int?

    func run() throws {
        let service = try registry.service()
        if let map {
            let result = try CoverageMapOperation.run(
                service,
                CoverageParams(measure: measure, sector: sector, rules: scoring.rules, lang: output.language),
                caller: .local("cli"))
            if output.format == .json {
                print(String(decoding: try CoverageMapOperation.encode(result), as: UTF8.self))
            } else if map == "-" {
                print(Self.standalone(result.svg))
            } else {
                do {
                    try Data((Self.standalone(result.svg) + "\n").utf8).write(
                        to: URL(fileURLWithPath: map), options: .atomic)
                } catch {
                    throw UsageError("usage.cannotWrite", map, error.localizedDescription)
                }
                Terminal.say("cli.wroteMap", map, result.title)
            }
            return
        }
        if measure != nil || sector != nil { throw UsageError("usage.mapOptions") }
        let report = try GapsOperation.run(
            service,
            GapsParams(threshold: threshold, rules: scoring.rules, explain: explain, lang: output.language),
            caller: .local("cli"))
        let rules = try service.rules(scoring.rules)
        let views = RecordViews(reference: service.reference, language: output.language)
        try output.emit(
            GapsOperation.self, report,
            table: {
                let language = output.language
                func say(_ key: String, _ values: String...) -> String { Messages.text(key, language, values) }
                func headers(_ keys: String...) -> [String] { keys.map { Messages.text($0, language) } }
                var weak = Table(headers("cli.need", "cli.province", "cli.title", "cli.bestNGO", "cli.bestScore"))
                for need in report.weakNeeds {
                    weak.add([
                        need.need.rawValue, views.provinceName(need.province), need.title,
                        need.bestNGO?.rawValue ?? say("cli.none"),
                        LocalFormat.decimal(need.bestScore, language),
                    ])
                }
                var sectors = Table(
                    headers("cli.sector", "cli.demand", "cli.supply", "cli.ratio", "cli.openNeeds", "cli.ngos"))
                for sector in report.sectors {
                    sectors.add([
                        views.sectorName(sector.sector), LocalFormat.usd(sector.demandUSD, language),
                        LocalFormat.usd(sector.supplyUSD, language),
                        sector.ratio.isFinite
                            ? LocalFormat.decimal(sector.ratio, digits: 2, language) : say("cli.noSupply"),
                        "\(sector.openNeeds)", "\(sector.ngos)",
                    ])
                }
                var provinces = Table(headers("cli.province", "cli.openNeeds", "cli.viablePartners"))
                for province in report.provinces {
                    provinces.add([
                        views.provinceName(province.province), "\(province.openNeeds)", "\(province.viablePartners)",
                    ])
                }
                let why = report.weakNeeds.compactMap { need -> String? in
                    guard let excluded = need.excluded else { return nil }
                    let reason = need.commonestExclusion.map { say("cli.weakWhy", $0) } ?? ""
                    return "  \(need.need): " + say("cli.weakKeptOut", "\(excluded)") + reason
                }
                return [
                    say("cli.weakHeading", LocalFormat.decimal(threshold, language), rules.name),
                    report.weakNeeds.isEmpty ? "  " + say("cli.none") : weak.render(),
                    why.isEmpty ? nil : "\n" + say("cli.weakWhyHeading") + "\n" + why.joined(separator: "\n"),
                    "", say("cli.sectorsHeading"),
                    sectors.render(), "", say("cli.provincesHeading"), provinces.render(),
                ].compactMap { $0 }.joined(separator: "\n")
            })
    }

    /// A file of its own: an XML declaration before the map.
    static func standalone(_ svg: String) -> String { #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n" + svg }
}
