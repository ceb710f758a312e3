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

    /// The index is borrowed: an initializer's parameters are owned by default, and copying an
    /// index retains each of its many tables, for every report of every ranking.
    package init(_ assessment: Assessment, index: borrowing MatchIndex, language: Language) {
        let explanation = Explanation(reference: index.reference, language: language)
        let need = index.needPosition(assessment.need).map { index.needs[$0] }
        self.need = assessment.need
        needTitle = need?.title ?? ""
        province = need?.province ?? ""
        ngo = assessment.ngo
        ngoName = index.ngoPosition(assessment.ngo).map { index.ngoEntry(at: $0).name } ?? assessment.ngo.rawValue
        score = (assessment.score * 100).rounded() / 100
        excluded = assessment.isExcluded
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
            object.member("reasons", reasons)
            object.member("factors", factors)
            object.member("failedFilters", failedFilters)
        }
    }
}

extension AssessmentReport.Factor: JSONWritable {
    package func writeJSON(to writer: StreamingJSONEncoder.Writer) {
        writer.object { object in
            object.member("factor", factor.rawValue)
            object.member("name", name)
            object.member("weight", weight)
            object.member("value", value)
            object.member("points", points)
            object.member("explanation", explanation)
        }
    }
}

extension AssessmentReport.Filter: JSONWritable {
    package func writeJSON(to writer: StreamingJSONEncoder.Writer) {
        writer.object { object in
            object.member("filter", filter.rawValue)
            object.member("reason", reason)
            if let remedy { object.member("remedy", remedy) }
        }
    }
}
