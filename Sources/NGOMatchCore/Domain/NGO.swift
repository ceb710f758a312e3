/// A foreign NGO's profile: what it can do, where, for whom, and at what size.
package struct NGO: Hashable, Sendable, Codable {
    /// A sector the NGO works in and how strong it is there (1 some – 5 leading).
    package struct SectorExpertise: Hashable, Sendable, Codable {
        package var sector: SectorID
        package var expertise: Int

        package init(sector: SectorID, expertise: Int) {
            self.sector = sector
            self.expertise = expertise
        }
    }

    /// Where the NGO works now and has worked before.
    package struct Presence: Hashable, Sendable, Codable {
        package var current: [ProvinceID]
        package var past: [ProvinceID]
        package var nationwide: Bool

        package init(current: [ProvinceID] = [], past: [ProvinceID] = [], nationwide: Bool = false) {
            self.current = current
            self.past = past
            self.nationwide = nationwide
        }
    }

    /// The typical size of one grant or project, in USD.
    package struct GrantRange: Hashable, Sendable, Codable {
        package var min: Double
        package var max: Double

        package init(min: Double, max: Double) {
            self.min = min
            self.max = max
        }
    }

    /// Provinces and sectors the NGO does not want to be suggested for.
    package struct OptOut: Hashable, Sendable, Codable {
        package var provinces: [ProvinceID]
        package var sectors: [SectorID]

        package init(provinces: [ProvinceID] = [], sectors: [SectorID] = []) {
            self.provinces = provinces
            self.sectors = sectors
        }

        package var isEmpty: Bool { provinces.isEmpty && sectors.isEmpty }
    }

    package var id: NGOID
    package var name: String
    package var acronym: String?
    /// Country of origin, in English.
    package var country: String
    package var registration: Registration?
    package var sectors: [SectorExpertise]
    package var provinces: Presence
    /// Communes where it works, by official code, when it says so; provinces stay the unit
    /// of certificates (Decree 58/2022) and of scoring.
    package var communes: [String]?
    package var targetGroups: [TargetGroup]
    package var grantRange: GrantRange?
    /// New partnerships the NGO can take on in a year.
    package var capacity: Int
    /// ISO 639-1 codes, e.g. `vi`, `en`.
    package var languages: [String]
    package var contact: Contact?
    package var website: String?
    /// Its IATI organisation identifier (`GB-COH-1762840`): how the activities it publishes name it.
    package var iatiOrganisation: String?
    package var optOut: OptOut?
    package var createdAt: String?
    package var updatedAt: String?

    package init(
        id: NGOID, name: String, acronym: String? = nil, country: String, registration: Registration? = nil,
        sectors: [SectorExpertise], provinces: Presence = Presence(), targetGroups: [TargetGroup] = [],
        grantRange: GrantRange? = nil, capacity: Int = 1, languages: [String] = [], contact: Contact? = nil,
        website: String? = nil, iatiOrganisation: String? = nil, optOut: OptOut? = nil, communes: [String]? = nil,
        createdAt: String? = nil, updatedAt: String? = nil
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
        self.iatiOrganisation = iatiOrganisation
        self.optOut = optOut
        self.communes = communes
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
