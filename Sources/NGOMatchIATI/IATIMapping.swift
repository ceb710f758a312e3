import NGOMatchCore

/// Turns activities into track records of registry NGOs, with the reference data: who (by
/// IATI organisation identifier only; a name is a suggestion, never a match), what (DAC codes to
/// sectors), where (points in the boundaries, names through the province directory, former
/// names included) and when.
package struct IATIMapping: Sendable {
    /// The OrganisationType codes of NGOs: international, national, regional, partner-country.
    static let ngoTypes: Set<String> = ["21", "22", "23", "24"]

    let reference: ReferenceData
    let boundaries: ProvinceBoundaries
    /// Registry NGOs by their IATI organisation identifier.
    let byIdentifier: [String: NGOID]
    /// Every registry NGO, for the suggestion when an identifier is unknown.
    let directory: NGODirectory
    private let sectorsByCode: [String: SectorID]
    private let sectorsByGroup: [String: SectorID]
    private let provinceByCode: [String: ProvinceID]

    package init(reference: ReferenceData, boundaries: ProvinceBoundaries, ngos: [NGO]) {
        self.reference = reference
        self.boundaries = boundaries
        var byIdentifier: [String: NGOID] = [:]
        for ngo in ngos { if let identifier = ngo.iatiOrganisation { byIdentifier[identifier] = ngo.id } }
        self.byIdentifier = byIdentifier
        directory = NGODirectory(ngos.map { NGODirectory.Entry(id: $0.id, name: $0.name, acronym: $0.acronym) })
        // A code to the top-level sector most of its listings fall under (more than half), and to
        // the subsector when it is the only one there to list it; a 3-digit group the same way
        // over all its codes' listings. DAC 430 (other multisector) belongs to no one sector.
        var listings: [String: [(sector: SectorID, top: SectorID)]] = [:]
        for sector in reference.taxonomy.sectors {
            for code in sector.dacCodes { listings[code, default: []].append((sector.id, sector.parent ?? sector.id)) }
        }
        func majority(_ tops: [SectorID]) -> SectorID? {
            let counts = Dictionary(tops.map { ($0, 1) }, uniquingKeysWith: +)
            guard let (top, count) = counts.max(by: { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }),
                count * 2 > tops.count
            else { return nil }
            return top
        }
        var byCode: [String: SectorID] = [:]
        var byGroup: [String: [SectorID]] = [:]
        for (code, listed) in listings {
            byGroup[String(code.prefix(3)), default: []] += listed.map(\.top)
            guard let top = majority(listed.map(\.top)) else { continue }
            let within = listed.filter { $0.top == top && $0.sector != top }
            byCode[code] = within.count == 1 ? within[0].sector : top
        }
        sectorsByCode = byCode
        sectorsByGroup = byGroup.compactMapValues(majority)
        provinceByCode = Dictionary(
            reference.provinces.provinces.map { ($0.code, $0.id) }, uniquingKeysWith: { first, _ in first })
    }

    /// What `iati export` puts between the reporter's identifier and the pair it was made from.
    package static let exportMark = "-ngomatch-"

    package func map(_ activity: IATIActivity) -> Result<IATITrackRecord, IATISkip> {
        // A partnership exported from here and read back: it is counted as a partnership already.
        guard !activity.identifier.contains(Self.exportMark) else { return .failure(.ownExport) }
        guard let vietnam = activity.countries.first(where: { $0.code.uppercased() == "VN" }) else {
            return .failure(.noVietnam)
        }
        let reporter = activity.reporter
        guard let type = reporter?.type, Self.ngoTypes.contains(type) else {
            return .failure(.notAnNGO(type: reporter?.type, name: reporter?.name))
        }
        guard let (ngo, role) = organisation(activity) else {
            let suggestion = reporter?.name.flatMap { directory.find($0) }.map { "\($0.name) (\($0.id))" }
            return .failure(.unknownOrganisation(ref: reporter?.ref, name: reporter?.name, suggestion: suggestion))
        }
        let sectors: [IATITrackRecord.SectorShare]
        switch self.sectors(activity) {
        case .success(let mapped): sectors = mapped
        case .failure(let skip): return .failure(skip)
        }
        var provinces: [ProvinceID] = []
        for location in activity.locations {
            switch place(location) {
            case .success(let province?): if !provinces.contains(province) { provinces.append(province) }
            case .success(nil): break
            case .failure(let skip): return .failure(skip)
            }
        }
        return .success(
            IATITrackRecord(
                identifier: activity.identifier, ngo: ngo, role: role, title: activity.title, status: activity.status,
                start: activity.start, end: activity.end, provinces: provinces, national: provinces.isEmpty,
                sectors: sectors, amounts: amounts(activity), vietnamShare: vietnam.percentage))
    }

    /// The publisher when it is a registry NGO, else the first implementer that is.
    private func organisation(_ activity: IATIActivity) -> (NGOID, IATITrackRecord.Role)? {
        if let ref = activity.reporter?.ref, let ngo = byIdentifier[ref] { return (ngo, .reporter) }
        for participant in activity.participants where participant.role == "4" {
            if let ref = participant.ref, let ngo = byIdentifier[ref] { return (ngo, .implementer) }
        }
        return nil
    }

    /// The activity's sectors, or its transactions' when it gives none of its own (IATI allows
    /// one or the other), in DAC 5-digit (vocabulary 1) and 3-digit (2) codes.
    private func sectors(_ activity: IATIActivity) -> Result<[IATITrackRecord.SectorShare], IATISkip> {
        // Transactions' sectors carry no shares of the activity: only its own sectors do.
        let fromTransactions = activity.sectors.isEmpty
        let given = fromTransactions ? activity.transactions.flatMap(\.sectors) : activity.sectors
        var shares: [IATITrackRecord.SectorShare] = []
        for sector in given {
            let id: SectorID? =
                switch sector.vocabulary {
                case "1": sectorsByCode[sector.code] ?? sectorsByGroup[String(sector.code.prefix(3))]
                case "2": sectorsByGroup[sector.code]
                default: nil
                }
            guard let id else { continue }
            let percentage = fromTransactions ? nil : sector.percentage
            if let index = shares.firstIndex(where: { $0.sector == id }) {
                if let percentage { shares[index].percentage = (shares[index].percentage ?? 0) + percentage }
            } else {
                shares.append(.init(sector: id, percentage: percentage))
            }
        }
        guard !shares.isEmpty else {
            var seen: [String] = []
            for sector in given where !seen.contains("\(sector.vocabulary):\(sector.code)") {
                seen.append("\(sector.vocabulary):\(sector.code)")
            }
            return .failure(.sectorsUnmapped(seen: seen))
        }
        return .success(shares)
    }

    /// The unit a location lies in: its point first, else its name; nil for a location that
    /// gives neither (it adds no place).
    private func place(_ location: IATIActivity.Location) -> Result<ProvinceID?, IATISkip> {
        if let latitude = location.latitude, let longitude = location.longitude,
            let code = boundaries.unit(latitude: latitude, longitude: longitude), let province = provinceByCode[code]
        {
            return .success(province)
        }
        guard let name = location.name else { return .success(nil) }
        do {
            return .success(try reference.provinces.resolve(name).province.id)
        } catch {
            if case .unknown(let suggestions) = error.problem {
                return .failure(.placeNotFound(name: name, suggestions: suggestions))
            }
            return .failure(.placeNotFound(name: name, suggestions: []))
        }
    }

    /// Budgets when the file gives any, else disbursements and expenditures, by currency.
    private func amounts(_ activity: IATIActivity) -> [String: Double] {
        var sums: [String: Double] = [:]
        let currency = { (money: IATIActivity.Money) in money.currency ?? activity.defaultCurrency ?? "?" }
        if !activity.budgets.isEmpty {
            for budget in activity.budgets { sums[currency(budget.value), default: 0] += budget.value.amount }
            return sums
        }
        for transaction in activity.transactions where transaction.type == "3" || transaction.type == "4" {
            if let value = transaction.value { sums[currency(value), default: 0] += value.amount }
        }
        return sums
    }
}
