import NGOMatchCore

/// One planning run of a stored event, kept whether or not it was published.
public struct EventPlanRecord: Codable, Hashable, Sendable {
    /// From 1, in the order the plans were made.
    public let number: Int
    public let madeAt: String
    public let madeBy: String
    /// `preliminary` or `final` when this plan was published.
    public let publishedAs: String?
    public let meetings: Int
    public let totalValue: Double
    public let upperBound: Double
    /// The plan's minimums: `met`, `proven` or `notFound`.
    public let minimums: String

    public init(
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
