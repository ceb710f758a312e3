/// A foreign NGO's profile: what it can do, where, for whom, and at what size.
public struct NGO: Hashable, Sendable, Codable {
    /// A sector the NGO works in and how strong it is there (1 some – 5 leading).
    public struct SectorExpertise: Hashable, Sendable, Codable {
        public var sector: SectorID
        public var expertise: Int

        public init(sector: SectorID, expertise: Int) {
            self.sector = sector
            self.expertise = expertise
        }
    }

    /// Where the NGO works now and has worked before.
    public struct Presence: Hashable, Sendable, Codable {
        public var current: [ProvinceID]
        public var past: [ProvinceID]
        public var nationwide: Bool

        public init(current: [ProvinceID] = [], past: [ProvinceID] = [], nationwide: Bool = false) {
            self.current = current
            self.past = past
            self.nationwide = nationwide
        }
    }

    /// The typical size of one grant or project, in USD.
    public struct GrantRange: Hashable, Sendable, Codable {
        public var min: Double
        public var max: Double

        public init(min: Double, max: Double) {
            self.min = min
            self.max = max
        }
    }

    /// Provinces and sectors the NGO does not want to be suggested for.
    public struct OptOut: Hashable, Sendable, Codable {
        public var provinces: [ProvinceID]
        public var sectors: [SectorID]

        public init(provinces: [ProvinceID] = [], sectors: [SectorID] = []) {
            self.provinces = provinces
            self.sectors = sectors
        }

        public var isEmpty: Bool { provinces.isEmpty && sectors.isEmpty }
    }

    public var id: NGOID
    public var name: String
    public var acronym: String?
    /// Country of origin, in English.
    public var country: String
    public var registration: Registration?
    public var sectors: [SectorExpertise]
    public var provinces: Presence
    /// Communes where it works, by official code, when it says so; provinces stay the unit
    /// of certificates (Decree 58/2022) and of scoring.
    public var communes: [String]?
    public var targetGroups: [TargetGroup]
    public var grantRange: GrantRange?
    /// New partnerships the NGO can take on in a year.
    public var capacity: Int
    /// ISO 639-1 codes, e.g. `vi`, `en`.
    public var languages: [String]
    public var contact: Contact?
    public var website: String?
    public var optOut: OptOut?
    public var createdAt: String?
    public var updatedAt: String?

    public init(
        id: NGOID, name: String, acronym: String? = nil, country: String, registration: Registration? = nil,
        sectors: [SectorExpertise], provinces: Presence = Presence(), targetGroups: [TargetGroup] = [],
        grantRange: GrantRange? = nil, capacity: Int = 1, languages: [String] = [], contact: Contact? = nil,
        website: String? = nil, optOut: OptOut? = nil, communes: [String]? = nil, createdAt: String? = nil,
        updatedAt: String? = nil
    ) {
        self.id = id
        self.name = name
        self.acronym = acronym
        self.country = country
        self.registration = registration
        self.sectors = sectors
        self.provinces = provinces
        self.targetGroups = targetGroups
        self.grantRange = grantRange
        self.capacity = capacity
        self.languages = languages
        self.contact = contact
        self.website = website
        self.optOut = optOut
        self.communes = communes
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
