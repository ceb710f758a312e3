import NGOMatchCore

/// How needs and NGOs look in tables and detail views.
struct RecordViews {
    let reference: ReferenceData
    let language: Language

    /// As the registry holds it, diacritics included in English too (ids stay ASCII).
    func provinceName(_ id: ProvinceID) -> String {
        reference.provinces[id]?.name.vi ?? id.rawValue
    }

    func sectorName(_ id: SectorID) -> String {
        reference.taxonomy[id]?.name.in(language) ?? id.rawValue
    }

    static func usd(_ amount: Double) -> String { Explanation.usd(amount) }

    func needsTable(_ needs: [Need]) -> String {
        var table = Table(["id", "province", "title", "sectors (priority)", "gap (USD)", "from", "to", "status"])
        for need in needs {
            table.add([
                need.id.rawValue, provinceName(need.province), need.title,
                need.sectors.map { "\($0.sector):\($0.priority)" }.joined(separator: " "),
                Self.usd(need.fundingGapUSD), need.timeframe.start.description, need.timeframe.end.description,
                need.status.rawValue,
            ])
        }
        return table.render()
    }

    func needDetails(_ need: Need) -> String {
        var details = Details()
        details.add("id", need.id.rawValue)
        details.add("province", provinceName(need.province))
        details.add("title", need.title)
        details.add("description", need.description)
        for (index, entry) in need.sectors.enumerated() {
            details.add(
                index == 0 ? "sectors" : "",
                "\(sectorName(entry.sector)) [\(entry.sector)] — priority \(entry.priority)/5")
        }
        details.add("target groups", need.targetGroups.map { $0.name.in(language) }.joined(separator: ", "))
        details.add("localities", need.localities.joined(separator: ", "))
        // Communes are loaded only for a need that names some.
        details.add(
            "communes",
            (need.communes ?? []).map { code in
                reference.communes.commune(code: code).map { "\($0.name) (\(code))" } ?? code
            }.joined(separator: ", "))
        details.add("funding gap", Self.usd(need.fundingGapUSD))
        details.add("timeframe", "\(need.timeframe.start) to \(need.timeframe.end)")
        details.add("status", need.status.rawValue)
        details.add("source", need.source)
        details.add("contact", contact(need.contact))
        details.add("registered", need.createdAt)
        details.add("updated", need.updatedAt)
        return details.render()
    }

    func ngosTable(_ ngos: [NGO]) -> String {
        var table = Table([
            "id", "name", "country", "sectors (expertise)", "works in", "grants (USD)", "certificate until",
        ])
        for ngo in ngos {
            table.add([
                ngo.id.rawValue, ngo.name, ngo.country,
                ngo.sectors.map { "\($0.sector):\($0.expertise)" }.joined(separator: " "),
                ngo.provinces.nationwide
                    ? "nationwide" : ngo.provinces.current.map(provinceName).joined(separator: ", "),
                ngo.grantRange.map { "\(Self.usd($0.min))–\(Self.usd($0.max))" } ?? "",
                ngo.registration.map { $0.expires.description } ?? "none",
            ])
        }
        return table.render()
    }

    func ngoDetails(_ ngo: NGO, today: CalendarDate) -> String {
        var details = Details()
        details.add("id", ngo.id.rawValue)
        details.add("name", ngo.name + (ngo.acronym.map { " (\($0))" } ?? ""))
        details.add("country of origin", ngo.country)
        if let registration = ngo.registration {
            let state =
                registration.isValid(on: today) ? "valid" : (registration.expires < today ? "EXPIRED" : "not yet valid")
            details.add(
                "certificate",
                "\(registration.kind.rawValue) \(registration.number ?? "") — \(registration.issued) to \(registration.expires) (\(state))"
            )
            details.add(
                "  areas",
                registration.areas.map { area in
                    guard let match = try? reference.provinces.resolve(area) else { return area }
                    return match.province.name.vi == area ? area : "\(area) → \(match.province.name.vi)"
                }.joined(separator: ", "))
            details.add("  fields", registration.fields.map(sectorName).joined(separator: ", "))
        } else {
            details.add("certificate", "none registered")
        }
        for (index, entry) in ngo.sectors.enumerated() {
            details.add(
                index == 0 ? "sectors" : "",
                "\(sectorName(entry.sector)) [\(entry.sector)] — expertise \(entry.expertise)/5")
        }
        details.add(
            "works in",
            ngo.provinces.nationwide ? "nationwide" : ngo.provinces.current.map(provinceName).joined(separator: ", "))
        details.add("worked in", ngo.provinces.past.map(provinceName).joined(separator: ", "))
        details.add("target groups", ngo.targetGroups.map { $0.name.in(language) }.joined(separator: ", "))
        details.add("typical grant", ngo.grantRange.map { "\(Self.usd($0.min)) – \(Self.usd($0.max))" })
        details.add("capacity", "\(ngo.capacity) new partnerships a year")
        details.add("languages", ngo.languages.joined(separator: ", "))
        if let optOut = ngo.optOut {
            details.add(
                "not interested in",
                (optOut.provinces.map(provinceName) + optOut.sectors.map(sectorName)).joined(separator: ", "))
        }
        details.add("contact", contact(ngo.contact))
        details.add("website", ngo.website)
        return details.render()
    }

    private func contact(_ contact: Contact?) -> String? {
        guard let contact else { return nil }
        return [contact.name, contact.email, contact.phone].compactMap { $0 }.joined(separator: ", ")
    }

    /// Records flattened to CSV lines under the export columns.
    static func csv(_ records: [JSONValue]) -> [String] {
        [CSVTable.line(ExportRecord.csvColumns)] + records.map { CSVTable.line(ExportRecord.csvRow($0)) }
    }
}
