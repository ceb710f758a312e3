/// A node of the sector taxonomy: a top-level sector or one of its subsectors.
public struct Sector: Hashable, Sendable, Codable {
    public let id: SectorID
    public let name: LocalizedName
    /// The parent of a subsector; nil for a top-level sector.
    public let parent: SectorID?
    /// OECD DAC CRS 5-digit purpose codes this node corresponds to.
    public let dacCodes: [String]
    /// IATI policy markers, for themes DAC has no purpose code for (climate adaptation).
    public let policyMarkers: [String]

    public init(
        id: SectorID, name: LocalizedName, parent: SectorID?, dacCodes: [String], policyMarkers: [String] = []
    ) {
        self.id = id
        self.name = name
        self.parent = parent
        self.dacCodes = dacCodes
        self.policyMarkers = policyMarkers
    }

    /// The top-level sector this node belongs to (itself when top-level).
    public var topLevel: SectorID { parent ?? id }
}
