package enum TrackRecord {
    /// Work in the need's sector or province, up to `saturation`: completed partnerships count
    /// 1 each, published activities what the rule set says.
    package static func value(completed: Int, published: Int = 0, publishedWeight: Double = 1, saturation: Double)
        -> Double
    {
        Swift.min(1, (Double(completed) + publishedWeight * Double(published)) / saturation)
    }

    /// What the track record of one NGO counted for one need, for its explanation.
    package struct Tally: Hashable, Sendable {
        /// Partnerships recorded here and completed, in the need's province or sector.
        package var completed = 0
        /// Published activities in the need's province (whatever their sector).
        package var publishedInProvince = 0
        /// Published activities elsewhere, or across Viet Nam, in one of the need's top-level sectors.
        package var publishedInSector = 0
        /// The first year of the earliest published activity counted.
        package var publishedSince: Int?

        package init(
            completed: Int = 0, publishedInProvince: Int = 0, publishedInSector: Int = 0, publishedSince: Int? = nil
        ) {
            self.completed = completed
            self.publishedInProvince = publishedInProvince
            self.publishedInSector = publishedInSector
            self.publishedSince = publishedSince
        }

        package var published: Int { publishedInProvince + publishedInSector }
    }
}
