/// How much of an assessment a report tells: a program that ranks needs no words, and making
/// them is most of the cost of a reply.
package enum ReportDetail: String, CaseIterable, Hashable, Sendable, Codable {
    /// Reasons, each factor's name and explanation, each failed filter's reason and remedy.
    case full
    /// Each factor's weight, value and points, and the filters failed, without a sentence.
    case summary
    /// The score, and the filters failed, by name.
    case none
}

/// An assessment as people and programs read it: names, points and reasons in words.
package struct AssessmentReport: Hashable, Sendable, Codable {
    package struct Factor: Hashable, Sendable, Codable {
        package let factor: FactorKind
        package let name: String
        package let weight: Double
        package let value: Double
        package let points: Double
        package let explanation: String
    }

    package struct Filter: Hashable, Sendable, Codable {
        package let filter: HardFilter
        /// Empty unless the report is `full`.
        package let reason: String
        package let remedy: String?
    }

    package let need: NeedID
    package let needTitle: String
    package let province: ProvinceID
    package let ngo: NGOID
    package let ngoName: String
    package let score: Double
    package let excluded: Bool
    package let reasons: [String]
    package let factors: [Factor]
    package let failedFilters: [Filter]
    /// Not written: what a report leaves out says which it is.
    package private(set) var detail: ReportDetail = .full

    private enum CodingKeys: String, CodingKey {
        case need, needTitle, province, ngo, ngoName, score, excluded, reasons, factors, failedFilters
    }

    /// The index is borrowed: an initializer's parameters are owned by default, and copying an
    /// index retains each of its many tables, for every report of every ranking.
    package init(
        _ assessment: Assessment, index: borrowing MatchIndex, language: Language, detail: ReportDetail = .full
    ) {
        let explanation = Explanation(reference: index.reference, language: language)
        self.detail = detail
        let need = index.needPosition(assessment.need).map { index.needs[$0] }
        self.need = assessment.need
        needTitle = need?.title ?? ""
        province = need?.province ?? ""
        ngo = assessment.ngo
        ngoName = index.ngoPosition(assessment.ngo).map { index.ngoEntry(at: $0).name } ?? assessment.ngo.rawValue
        score = (assessment.score * 100).rounded() / 100
        excluded = assessment.isExcluded
        guard detail == .full else {
            reasons = []
            factors =
                detail == .none
                ? []
                : assessment.contributions.map { contribution in
                    Factor(
                        factor: contribution.factor, name: "", weight: contribution.weight,
                        value: (contribution.value * 1000).rounded() / 1000,
                        points: (contribution.points * 100).rounded() / 100, explanation: "")
                }
            failedFilters = assessment.failures.map { Filter(filter: $0.filter, reason: "", remedy: nil) }
            return
        }
        // Each contribution told once: the reasons are the words of the factors that gave most.
        let described = assessment.contributions.map(explanation.describe)
        reasons = Explanation.reasons(assessment.contributions).map { described[$0] }
        factors = zip(assessment.contributions, described).map { contribution, words in
            Factor(
                factor: contribution.factor, name: contribution.factor.name.in(language), weight: contribution.weight,
                value: (contribution.value * 1000).rounded() / 1000,
                points: (contribution.points * 100).rounded() / 100, explanation: words)
        }
        failedFilters = assessment.failures.map {
            let (reason, remedy) = explanation.describe($0)
            return Filter(filter: $0.filter, reason: reason, remedy: remedy)
        }
    }
}

extension AssessmentReport: JSONWritable {
    package func writeJSON(to writer: StreamingJSONEncoder.Writer) {
        writer.object { object in
            object.member("need", need.rawValue)
            object.member("needTitle", needTitle)
            object.member("province", province.rawValue)
            object.member("ngo", ngo.rawValue)
            object.member("ngoName", ngoName)
            object.member("score", score)
            object.member("excluded", excluded)
            if detail == .full { object.member("reasons", reasons) }
            if detail != .none { object.member("factors", factors) }
            object.member("failedFilters", failedFilters)
        }
    }
}

extension AssessmentReport.Factor: JSONWritable {
    package func writeJSON(to writer: StreamingJSONEncoder.Writer) {
        writer.object { object in
            object.member("factor", factor.rawValue)
            // Empty in a summary: a program reads the factor's id.
            if !name.isEmpty { object.member("name", name) }
            object.member("weight", weight)
            object.member("value", value)
            object.member("points", points)
            if !explanation.isEmpty { object.member("explanation", explanation) }
        }
    }
}

extension AssessmentReport.Filter: JSONWritable {
    package func writeJSON(to writer: StreamingJSONEncoder.Writer) {
        writer.object { object in
            object.member("filter", filter.rawValue)
            if !reason.isEmpty { object.member("reason", reason) }
            if let remedy { object.member("remedy", remedy) }
        }
    }
}
