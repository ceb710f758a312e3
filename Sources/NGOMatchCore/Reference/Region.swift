/// One of Vietnam's six socio-economic regions.
package struct Region: Hashable, Sendable, Codable {
    package let id: RegionID
    package let name: LocalizedName

    package init(id: RegionID, name: LocalizedName) {
        self.id = id
        self.name = name
    }
}
