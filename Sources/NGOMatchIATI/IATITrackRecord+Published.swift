import NGOMatchCore

extension IATITrackRecord {
    /// Statuses of work not done: still in the pipeline (1) or cancelled (5). Suspended work (6)
    /// was begun, and counts as work in implementation does.
    static let notDone: Set<String> = ["1", "5"]

    /// What the track record counts of this activity: its places, sectors and years; nil for
    /// work that was never done.
    package var published: PublishedActivity? {
        if let status, Self.notDone.contains(status) { return nil }
        return PublishedActivity(ngo: ngo, provinces: provinces, sectors: sectors.map(\.sector), years: years)
    }
}
