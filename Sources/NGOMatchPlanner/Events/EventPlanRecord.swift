import NGOMatchCore

/// One planning run of a stored event, kept whether or not it was published.
package struct EventPlanRecord: Codable, Hashable, Sendable {
    /// From 1, in the order the plans were made.
    package let number: Int
    package let madeAt: String
    package let madeBy: String
    /// `preliminary` or `final` when this plan was published.
    package let publishedAs: String?
    package let meetings: Int
    package let totalValue: Double
    package let upperBound: Double
    /// The plan's minimums: `met`, `proven` or `notFound`.
    package let minimums: String

    package init(
        number: Int, madeAt: String, madeBy: String, publishedAs: String?, meetings: Int, totalValue: Double,
        upperBound: Double, minimums: String
    ) {
        self.number = number
        self.madeAt = madeAt
        self.madeBy = madeBy
        self.publishedAs = publishedAs
        self.meetings = meetings
        self.totalValue = totalValue
        self.upperBound = upperBound
        self.minimums = minimums
    }
}
