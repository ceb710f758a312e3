/// A needs assessment registered by a province: what it needs, for whom, and how much is missing.
public struct Need: Hashable, Sendable, Codable {
    public enum Status: String, CaseIterable, Hashable, Sendable, Codable {
        case open
        case inDiscussion = "in-discussion"
        case partnered
        case closed
    }

    /// A sector the need is in, and how much it matters to the province (1 low – 5 urgent).
    public struct SectorPriority: Hashable, Sendable, Codable {
        public var sector: SectorID
        public var priority: Int

        public init(sector: SectorID, priority: Int) {
            self.sector = sector
            self.priority = priority
        }
    }

    public struct Timeframe: Hashable, Sendable, Codable {
        public var start: CalendarDate
        public var end: CalendarDate

        public init(start: CalendarDate, end: CalendarDate) {
            self.start = start
            self.end = end
        }
    }

    public var id: NeedID
    public var province: ProvinceID
    public var title: String
    public var description: String
    public var sectors: [SectorPriority]
    public var targetGroups: [TargetGroup]
    /// Communes, wards or former districts, as the province writes them.
    public var localities: [String]
    /// The communes the need concerns, by official code; found from any name, former ones too.
    public var communes: [String]?
    public var fundingGapUSD: Double
    public var timeframe: Timeframe
    public var status: Status
    public var contact: Contact?
    /// Where the need was presented, e.g. "Meeting with foreign NGOs 2025".
    public var source: String?
    /// ISO 8601 instants set by the registry.
    public var createdAt: String?
    public var updatedAt: String?

    public init(
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
