import NGOMatchCore

/// An NGO's published activities in one line for its profile: how many, which years, in what.
package struct IATISummary: Sendable {
    package let activities: Int
    package let years: ClosedRange<Int>?
    /// Sectors by the number of activities in them, most first (ties by id).
    package let sectors: [(sector: SectorID, activities: Int)]
    package let provinces: [ProvinceID]
    package let national: Int

    package init(_ records: [IATITrackRecord]) {
        activities = records.count
        let ranges = records.compactMap(\.years)
        years = ranges.isEmpty ? nil : ranges.map(\.lowerBound).min()!...ranges.map(\.upperBound).max()!
        var counts: [SectorID: Int] = [:]
        for record in records {
            for sector in Set(record.sectors.map(\.sector)) { counts[sector, default: 0] += 1 }
        }
        sectors = counts.map { ($0.key, $0.value) }.sorted { ($1.1, $0.0.rawValue) < ($0.1, $1.0.rawValue) }
        var provinces: [ProvinceID] = []
        for record in records {
            for province in record.provinces where !provinces.contains(province) { provinces.append(province) }
        }
        self.provinces = provinces
        national = records.filter(\.national).count
    }

    /// "8 activities published in IATI, 2017–2021: Civil society (4), Emergency response (3); nationwide",
    /// or nil when there are none.
    package func phrase(reference: ReferenceData, language: Language) -> Phrase? {
        guard activities > 0 else { return nil }
        let years =
            self.years.map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)" }
            ?? "—"
        let sectors = self.sectors.prefix(4).map { entry in
            "\(reference.taxonomy[entry.sector]?.name.in(language) ?? entry.sector.rawValue) (\(entry.activities))"
        }.joined(separator: ", ")
        var places = provinces.map { reference.provinces[$0]?.name.vi ?? $0.rawValue }
        if national > 0 { places.append(Messages.text("iati.profile.national", language)) }
        return .key("iati.profile", activities, years, sectors, places.joined(separator: ", "))
    }
}
