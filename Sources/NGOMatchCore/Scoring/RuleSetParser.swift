import Yams

/// Reads a rule set from YAML (JSON is YAML too), checking every field and
/// reporting every problem with its line and column.
public struct RuleSetParser {
    let file: String
    let taxonomy: Taxonomy
    private var problems: [RuleProblem] = []

    /// - Throws: `InvalidRuleSet` listing every problem found.
    public static func parse(_ text: String, file: String, taxonomy: Taxonomy) throws(InvalidRuleSet) -> RuleSet {
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
                report(nil, "the file is empty; a rule set needs name, minimumScore, factors and filters")
                return nil
            }
            root = node
        } catch let error as YamlError {
            report(nil, "not valid YAML: \(error)")
            return nil
        } catch {
            report(nil, "not valid YAML: \(error)")
            return nil
        }
        guard let top = mapping(root, "the rule set") else { return nil }
        known(top, ["name", "description", "minimumScore", "factors", "filters"], in: "the rule set")
        var rules = RuleSet(
            name: string(top, "name") ?? "", description: string(top, "description") ?? "",
            minimumScore: number(top, "minimumScore", in: 0...100) ?? 0)
        if rules.name.isEmpty { report(root, "'name' is required") }
        if let factors = top["factors"], let map = mapping(factors, "factors") {
            readFactors(map, factors, into: &rules)
        } else {
            report(root, "'factors' is required: name at least one factor with its weight")
        }
        if let filters = top["filters"], let map = mapping(filters, "filters") {
            rules.filters = readFilters(map)
        }
        let total = rules.weights.reduce(0) { $0 + $1.weight }
        if !rules.weights.isEmpty, abs(total - 100) > 1e-6 {
            report(
                top["factors"],
                "the weights add up to \(Self.format(total)), not 100; scores are the sum of weighted factors, so they must add up to 100"
            )
        }
        return rules
    }

    private mutating func readFactors(_ map: Node.Mapping, _ node: Node, into rules: inout RuleSet) {
        for (keyNode, value) in map {
            guard let key = keyNode.string else { continue }
            guard let factor = FactorKind(rawValue: key) else {
                report(
                    keyNode,
                    "unknown factor '\(key)'" + Suggestions.phrase(for: key, among: FactorKind.allCases.map(\.rawValue))
                )
                continue
            }
            guard let fields = mapping(value, "factor '\(key)'") else { continue }
            let weight = number(fields, "weight", required: true, in: 0...100, context: key) ?? 0
            switch factor {
            case .sectorFit:
                known(fields, ["weight", "sameParent", "sibling"], in: key)
                var rule = RuleSet.SectorFitRule(weight: weight)
                rule.sameParent = number(fields, "sameParent", in: 0...1, context: key) ?? rule.sameParent
                rule.sibling = number(fields, "sibling", in: 0...1, context: key) ?? rule.sibling
                if rule.sibling > rule.sameParent || rule.sameParent > 1 {
                    report(value, "sectorFit needs 1 (exact) ≥ sameParent ≥ sibling")
                }
                rules.sectorFit = rule
            case .geography:
                known(fields, ["weight", "past", "nearby", "nearbyKm", "nationwide", "elsewhere", "decayKm"], in: key)
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
                    report(value, "geography needs 1 (works there now) ≥ past ≥ nearby ≥ nationwide ≥ elsewhere")
                }
                rules.geography = rule
            case .trackRecord:
                known(fields, ["weight", "saturation"], in: key)
                var rule = RuleSet.TrackRecordRule(weight: weight)
                rule.saturation = number(fields, "saturation", in: 1...1000, context: key) ?? rule.saturation
                rules.trackRecord = rule
            case .underservedProvince:
                known(fields, ["weight", "saturation"], in: key)
                var rule = RuleSet.UnderservedRule(weight: weight)
                rule.saturation = number(fields, "saturation", in: 1...100_000, context: key) ?? rule.saturation
                rules.underservedProvince = rule
            case .sectorEmphasis:
                known(fields, ["weight", "sectors"], in: key)
                var rule = RuleSet.SectorEmphasisRule(weight: weight)
                if let list = fields["sectors"] {
                    for item in list.array() {
                        guard let text = item.string, let sector = taxonomy[SectorID(text)] else {
                            let text = item.string ?? "?"
                            report(
                                item,
                                "unknown sector id '\(text)'"
                                    + Suggestions.phrase(for: text, among: taxonomy.sectors.map(\.id.rawValue)))
                            continue
                        }
                        rule.sectors.append(sector.id)
                    }
                }
                if fields["sectors"]?.array().isEmpty ?? true {
                    report(value, "sectorEmphasis needs 'sectors': a list of sector ids")
                }
                rules.sectorEmphasis = rule
            case .targetGroups, .funding, .timeframe, .load:
                known(fields, ["weight"], in: key)
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
            in: "filters")
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
                report(node, "certificateFields must be one of \(choices.joined(separator: ", "))")
            }
        }
        return filters
    }

    // MARK: Reading values

    private mutating func report(_ node: Node?, _ message: String) {
        let mark = node?.mark
        problems.append(RuleProblem(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0, message: message))
    }

    private mutating func mapping(_ node: Node, _ what: String) -> Node.Mapping? {
        if case .mapping(let map) = node { return map }
        report(node, "\(what) must be a mapping of names to values")
        return nil
    }

    private mutating func known(_ map: Node.Mapping, _ names: [String], in context: String) {
        for key in map.keys {
            guard let name = key.string, !names.contains(name) else { continue }
            report(key, "unknown field '\(name)' in \(context)" + Suggestions.phrase(for: name, among: names))
        }
    }

    private mutating func string(_ map: Node.Mapping, _ key: String) -> String? {
        guard let node = map[key] else { return nil }
        guard case .scalar(let scalar) = node else {
            report(node, "'\(key)' must be text")
            return nil
        }
        return scalar.string
    }

    private mutating func number(
        _ map: Node.Mapping, _ key: String, required: Bool = false, in range: ClosedRange<Double>, context: String = ""
    ) -> Double? {
        let label = context.isEmpty ? key : "\(context).\(key)"
        guard let node = map[key] else {
            if required { report(map.keys.first, "'\(label)' is required") }
            return nil
        }
        guard let value = node.float ?? node.int.map(Double.init), value.isFinite else {
            report(node, "'\(label)' must be a number, got '\(node.string ?? "?")'")
            return nil
        }
        guard range.contains(value) else {
            report(
                node,
                value < 0 && range.lowerBound == 0
                    ? "'\(label)' must not be negative, got \(Self.format(value))"
                    : "'\(label)' must be from \(Self.format(range.lowerBound)) to \(Self.format(range.upperBound)), got \(Self.format(value))"
            )
            return nil
        }
        return value
    }

    private mutating func flag(_ map: Node.Mapping, _ key: String) -> Bool? {
        guard let node = map[key] else { return nil }
        guard let value = node.bool else {
            report(node, "'\(key)' must be true or false")
            return nil
        }
        return value
    }

    static func format(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String(value)
    }
}
