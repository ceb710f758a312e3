/// Work an NGO did and published elsewhere (an activity in its IATI file): what the track
/// record counts beside the partnerships recorded here, by place, sector and recency.
package struct PublishedActivity: Hashable, Sendable {
    package var ngo: NGOID
    /// Empty for work across Viet Nam that names no place: it counts by its sectors alone.
    package var provinces: [ProvinceID]
    package var sectors: [SectorID]
    /// The calendar years it ran in; nil when its file gives no date, and then its recency is
    /// unknown and it does not count.
    package var years: ClosedRange<Int>?

    package init(ngo: NGOID, provinces: [ProvinceID], sectors: [SectorID], years: ClosedRange<Int>?) {
        self.ngo = ngo
        self.provinces = provinces
        self.sectors = sectors
        self.years = years
    }
}
