/// A needs assessment registered by a province: what it needs, for whom, and how much is missing.
package struct Need: Hashable, Sendable, Codable {
    package enum Status: String, CaseIterable, Hashable, Sendable, Codable {
        case open
        case inDiscussion = "in-discussion"
        case partnered
        case closed
    }

    /// A sector the need is in, and how much it matters to the province (1 low – 5 urgent).
    package struct SectorPriority: Hashable, Sendable, Codable {
        package var sector: SectorID
        package var priority: Int

        package init(sector: SectorID, priority: Int) {
            self.sector = sector
            self.priority = priority
        }
    }

    package struct Timeframe: Hashable, Sendable, Codable {
        package var start: CalendarDate
        package var end: CalendarDate

        package init(start: CalendarDate, end: CalendarDate) {
            self.start = start
            self.end = end
        }
    }

    package var id: NeedID
    package var province: ProvinceID
    package var title: String
    package var description: String
    package var sectors: [SectorPriority]
    package var targetGroups: [TargetGroup]
    /// Communes, wards or former districts, as the province writes them.
    package var localities: [String]
    /// The communes the need concerns, by official code; found from any name, former ones too.
    package var communes: [String]?
    package var fundingGapUSD: Double
    package var timeframe: Timeframe
    package var status: Status
    package var contact: Contact?
    /// Where the need was presented, e.g. "Meeting with foreign NGOs 2025".
    package var source: String?
    /// ISO 8601 instants set by the registry.
    package var createdAt: String?
    package var updatedAt: String?

    package init(
        id: NeedID, province: ProvinceID, title: String, description: String = "", sectors: [SectorPriority],
        targetGroups: [TargetGroup] = [], localities: [String] = [], communes: [String]? = nil, fundingGapUSD: Double,
        timeframe: Timeframe,
        status: Status = .open, contact: Contact? = nil, source: String? = nil,
        createdAt: String? = nil, updatedAt: String? = nil
    ) {
        self.id = id
        self.province = province
        self.title = title
        self.description = description
        self.sectors = sectors
        self.targetGroups = targetGroups
        self.localities = localities
        self.communes = communes
        self.fundingGapUSD = fundingGapUSD
        self.timeframe = timeframe
        self.status = status
        self.contact = contact
        self.source = source
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
