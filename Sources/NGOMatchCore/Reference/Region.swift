/// One of Vietnam's six socio-economic regions.
public struct Region: Hashable, Sendable, Codable {
    public let id: RegionID
    public let name: LocalizedName

    public init(id: RegionID, name: LocalizedName) {
        self.id = id
        self.name = name
    }
}
