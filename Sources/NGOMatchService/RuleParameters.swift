import NGOMatchCore

/// The parameters of a rule set, shown next to a score so it can be questioned.
package struct RuleParameters: Encodable, Sendable {
    package let weights: [String: Double]
    package let settings: [String: Double]
    package let filters: [String: String]

    package init(_ rules: RuleSet) {
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
        if let rule = rules.trackRecord {
            settings["trackRecord.saturation"] = rule.saturation
            settings["trackRecord.published"] = rule.published
            settings["trackRecord.publishedWithinYears"] = Double(rule.publishedWithinYears)
        }
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

    /// `factor=weight, …, setting=value, …` in a stable order.
    package var summary: String {
        (weights.sorted { $0.key < $1.key }.map { "\($0.key)=\(Explanation.points($0.value))" }
            + settings.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }).joined(separator: ", ")
    }

    package static func isApplied(_ filter: HardFilter, _ rules: RuleSet) -> Bool {
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
