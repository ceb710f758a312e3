import Yams

/// Reads a rule set from YAML (JSON is YAML too), checking every field and
/// reporting every problem with its line and column.
package struct RuleSetParser {
    let file: String
    let taxonomy: Taxonomy
    private var problems: [RuleProblem] = []

    /// - Throws: `InvalidRuleSet` listing every problem found.
    package static func parse(_ text: String, file: String, taxonomy: Taxonomy) throws(InvalidRuleSet) -> RuleSet {
        var parser = RuleSetParser(file: file, taxonomy: taxonomy)
        let rules = parser.read(text)
        guard parser.problems.isEmpty, let rules else { throw InvalidRuleSet(problems: parser.problems) }
        return rules
    }

    private init(file: String, taxonomy: Taxonomy) {
        self.file = file
        self.taxonomy = taxonomy
    }

    private mutating func read(_ text: String) -> RuleSet? {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                report(nil, .key("rules.empty"))
                return nil
            }
            root = node
        } catch let error as YamlError {
            report(nil, .key("rules.notYAML", "\(error)"))
            return nil
        } catch {
            report(nil, .key("rules.notYAML", "\(error)"))
            return nil
        }
        guard let top = mapping(root, .key("rules.theRuleSet")) else { return nil }
        known(top, ["name", "description", "minimumScore", "factors", "filters"], in: .key("rules.theRuleSet"))
        var rules = RuleSet(
            name: string(top, "name") ?? "", description: string(top, "description") ?? "",
            minimumScore: number(top, "minimumScore", in: 0...100) ?? 0)
        if rules.name.isEmpty { report(root, .key("rules.required", "name")) }
        if let factors = top["factors"], let map = mapping(factors, .verbatim("factors")) {
            readFactors(map, factors, into: &rules)
        } else {
            report(root, .key("rules.factorsRequired"))
        }
        if let filters = top["filters"], let map = mapping(filters, .verbatim("filters")) {
            rules.filters = readFilters(map)
        }
        let total = rules.weights.reduce(0) { $0 + $1.weight }
        if !rules.weights.isEmpty, abs(total - 100) > 1e-6 {
            report(
                top["factors"],
                .key("rules.weightsSum", Self.format(total)))
        }
        return rules
    }

    private mutating func readFactors(_ map: Node.Mapping, _ node: Node, into rules: inout RuleSet) {
        for (keyNode, value) in map {
            guard let key = keyNode.string else { continue }
            guard let factor = FactorKind(rawValue: key) else {
                report(
                    keyNode,
                    .sequence([
                        .key("rules.unknownFactor", key),
                        Suggestions.phrase(for: key, among: FactorKind.allCases.map(\.rawValue)),
                    ]))
                continue
            }
            guard let fields = mapping(value, .key("rules.factor", key)) else { continue }
            let weight = number(fields, "weight", required: true, in: 0...100, context: key) ?? 0
            switch factor {
            case .sectorFit:
                known(fields, ["weight", "sameParent", "sibling"], in: .verbatim(key))
                var rule = RuleSet.SectorFitRule(weight: weight)
                rule.sameParent = number(fields, "sameParent", in: 0...1, context: key) ?? rule.sameParent
                rule.sibling = number(fields, "sibling", in: 0...1, context: key) ?? rule.sibling
                if rule.sibling > rule.sameParent || rule.sameParent > 1 {
                    report(value, .key("rules.sectorFitOrder"))
                }
                rules.sectorFit = rule
            case .geography:
                known(
                    fields, ["weight", "past", "nearby", "nearbyKm", "nationwide", "elsewhere", "decayKm"],
                    in: .verbatim(key))
                var rule = RuleSet.GeographyRule(weight: weight)
                rule.past = number(fields, "past", in: 0...1, context: key) ?? rule.past
                rule.nearby = number(fields, "nearby", in: 0...1, context: key) ?? rule.nearby
                rule.nearbyKm = number(fields, "nearbyKm", in: 0...2000, context: key) ?? rule.nearbyKm
                rule.nationwide = number(fields, "nationwide", in: 0...1, context: key) ?? rule.nationwide
                rule.elsewhere = number(fields, "elsewhere", in: 0...1, context: key) ?? rule.elsewhere
                rule.decayKm = number(fields, "decayKm", in: 1...5000, context: key) ?? rule.decayKm
                if !(1 >= rule.past && rule.past >= rule.nearby && rule.nearby >= rule.nationwide
                    && rule.nationwide >= rule.elsewhere)
                {
                    report(value, .key("rules.geographyOrder"))
                }
                rules.geography = rule
            case .trackRecord:
                known(fields, ["weight", "saturation", "published", "publishedWithinYears"], in: .verbatim(key))
                var rule = RuleSet.TrackRecordRule(weight: weight)
                rule.saturation = number(fields, "saturation", in: 1...1000, context: key) ?? rule.saturation
                rule.published = number(fields, "published", in: 0...10, context: key) ?? rule.published
                if let years = number(fields, "publishedWithinYears", in: 1...100, context: key) {
                    if years.rounded() == years {
                        rule.publishedWithinYears = Int(years)
                    } else {
                        report(
                            fields["publishedWithinYears"],
                            .key("rules.wholeYears", "\(key).publishedWithinYears", Self.format(years)))
                    }
                }
                rules.trackRecord = rule
            case .underservedProvince:
                known(fields, ["weight", "saturation"], in: .verbatim(key))
                var rule = RuleSet.UnderservedRule(weight: weight)
                rule.saturation = number(fields, "saturation", in: 1...100_000, context: key) ?? rule.saturation
                rules.underservedProvince = rule
            case .sectorEmphasis:
                known(fields, ["weight", "sectors"], in: .verbatim(key))
                var rule = RuleSet.SectorEmphasisRule(weight: weight)
                if let list = fields["sectors"] {
                    for item in list.array() {
                        guard let text = item.string, let sector = taxonomy[SectorID(text)] else {
                            let text = item.string ?? "?"
                            report(
                                item,
                                .sequence([
                                    .key("rules.unknownSector", text),
                                    Suggestions.phrase(for: text, among: taxonomy.sectors.map(\.id.rawValue)),
                                ]))
                            continue
                        }
                        rule.sectors.append(sector.id)
                    }
                }
                if fields["sectors"]?.array().isEmpty ?? true {
                    report(value, .key("rules.emphasisSectors"))
                }
                rules.sectorEmphasis = rule
            case .targetGroups, .funding, .timeframe, .load:
                known(fields, ["weight"], in: .verbatim(key))
                let rule = RuleSet.WeightOnly(weight: weight)
                switch factor {
                case .targetGroups: rules.targetGroups = rule
                case .funding: rules.funding = rule
                case .timeframe: rules.timeframe = rule
                default: rules.load = rule
                }
            }
        }
    }

    private mutating func readFilters(_ map: Node.Mapping) -> RuleSet.Filters {
        var filters = RuleSet.Filters()
        known(
            map,
            [
                "needOpen", "sectorOverlap", "certificateValid", "certificateArea", "certificateFields", "optOut",
                "declined",
            ],
            in: .verbatim("filters"))
        filters.needOpen = flag(map, "needOpen") ?? filters.needOpen
        filters.sectorOverlap = flag(map, "sectorOverlap") ?? filters.sectorOverlap
        filters.certificateValid = flag(map, "certificateValid") ?? filters.certificateValid
        filters.certificateArea = flag(map, "certificateArea") ?? filters.certificateArea
        filters.optOut = flag(map, "optOut") ?? filters.optOut
        filters.declined = flag(map, "declined") ?? filters.declined
        if let node = map["certificateFields"] {
            let choices = RuleSet.Filters.FieldCoverage.allCases.map(\.rawValue)
            if let text = node.string, let coverage = RuleSet.Filters.FieldCoverage(rawValue: text) {
                filters.certificateFields = coverage
            } else if node.bool == false {
                filters.certificateFields = .off
            } else {
                report(node, .key("rules.certificateFields", choices.joined(separator: ", ")))
            }
        }
        return filters
    }

    // MARK: Reading values

    private mutating func report(_ node: Node?, _ what: Phrase) {
        let mark = node?.mark
        problems.append(RuleProblem(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0, what))
    }

    private mutating func mapping(_ node: Node, _ what: Phrase) -> Node.Mapping? {
        if case .mapping(let map) = node { return map }
        report(node, .key("rules.notMapping", what))
        return nil
    }

    private mutating func known(_ map: Node.Mapping, _ names: [String], in context: Phrase) {
        for key in map.keys {
            guard let name = key.string, !names.contains(name) else { continue }
            report(
                key,
                .sequence([.key("rules.unknownField", name, context), Suggestions.phrase(for: name, among: names)]))
        }
    }

    private mutating func string(_ map: Node.Mapping, _ key: String) -> String? {
        guard let node = map[key] else { return nil }
        guard case .scalar(let scalar) = node else {
            report(node, .key("rules.mustBeText", key))
            return nil
        }
        return scalar.string
    }

    private mutating func number(
        _ map: Node.Mapping, _ key: String, required: Bool = false, in range: ClosedRange<Double>, context: String = ""
    ) -> Double? {
        let label = context.isEmpty ? key : "\(context).\(key)"
        guard let node = map[key] else {
            if required { report(map.keys.first, .key("rules.required", label)) }
            return nil
        }
        guard let value = node.float ?? node.int.map(Double.init), value.isFinite else {
            report(node, .key("rules.mustBeNumber", label, node.string ?? "?"))
            return nil
        }
        guard range.contains(value) else {
            report(
                node,
                value < 0 && range.lowerBound == 0
                    ? .key("rules.negative", label, Self.format(value))
                    : .key(
                        "rules.outOfRange", label, Self.format(range.lowerBound), Self.format(range.upperBound),
                        Self.format(value))
            )
            return nil
        }
        return value
    }

    private mutating func flag(_ map: Node.Mapping, _ key: String) -> Bool? {
        guard let node = map[key] else { return nil }
        guard let value = node.bool else {
            report(node, .key("rules.mustBeBool", key))
            return nil
        }
        return value
    }

    static func format(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String(value)
    }
}
