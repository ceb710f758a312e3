/// A node of the sector taxonomy: a top-level sector or one of its subsectors.
package struct Sector: Hashable, Sendable, Codable {
    package let id: SectorID
    package let name: LocalizedName
    /// The parent of a subsector; nil for a top-level sector.
    package let parent: SectorID?
    /// OECD DAC CRS 5-digit purpose codes this node corresponds to.
    package let dacCodes: [String]
    /// IATI policy markers, for themes DAC has no purpose code for (climate adaptation).
    package let policyMarkers: [String]

    package init(
        id: SectorID, name: LocalizedName, parent: SectorID?, dacCodes: [String], policyMarkers: [String] = []
    ) {
        self.id = id
        self.name = name
        self.parent = parent
        self.dacCodes = dacCodes
        self.policyMarkers = policyMarkers
    }

    /// The top-level sector this node belongs to (itself when top-level).
    package var topLevel: SectorID { parent ?? id }
}
