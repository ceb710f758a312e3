import Foundation

/// The sector taxonomy: top-level sectors, each with subsectors.
package struct Taxonomy: Sendable {
    /// Every node, parents before their children, in the order of the seed file.
    package let sectors: [Sector]
    private let indexByID: [SectorID: Int]
    private let idByKey: [String: SectorID]

    package init(sectors: [Sector]) {
        self.sectors = sectors
        var indexByID: [SectorID: Int] = [:]
        var idByKey: [String: SectorID] = [:]
        for (index, sector) in sectors.enumerated() {
            indexByID[sector.id] = index
            for name in [sector.name.vi, sector.name.en] {
                let key = NameKey.fold(name)
                if idByKey[key] == nil { idByKey[key] = sector.id }
            }
        }
        self.indexByID = indexByID
        self.idByKey = idByKey
    }

    package subscript(id: SectorID) -> Sector? { indexByID[id].map { sectors[$0] } }

    package var topLevel: [Sector] { sectors.filter { $0.parent == nil } }

    package func children(of id: SectorID) -> [Sector] { sectors.filter { $0.parent == id } }

    /// Whether `id` is `ancestor` or one of its subsectors.
    package func isWithin(_ id: SectorID, _ ancestor: SectorID) -> Bool {
        id == ancestor || self[id]?.parent == ancestor
    }

    /// Finds a sector by id (`health.maternal-child`), by the part after the dot
    /// when that is unique (`maternal-child`), or by its Vietnamese or English name.
    /// - Throws: `LookupError` with the closest ids when nothing matches.
    package func resolve(_ text: String) throws(LookupError) -> Sector {
        // Most callers give an exact id: find it before trimming and folding the text.
        if let index = indexByID[SectorID(text)] { return sectors[index] }
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let index = indexByID[SectorID(trimmed)] { return sectors[index] }
        let tails = sectors.filter { $0.id.rawValue.hasSuffix("." + trimmed) }
        if tails.count == 1 { return tails[0] }
        if let id = idByKey[NameKey.fold(text)], let sector = self[id] { return sector }
        let ids = sectors.map(\.id.rawValue)
        throw LookupError(
            kind: "sector", input: text, problem: .unknown(suggestions: Suggestions.closest(to: text, among: ids)))
    }
}
