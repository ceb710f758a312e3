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

    func usd(_ amount: Double) -> String { LocalFormat.usd(amount, language) }
    func day(_ date: CalendarDate) -> String { LocalFormat.date(date, language) }

    func say(_ key: String, _ values: String...) -> String { Messages.text(key, language, values) }

    func headers(_ keys: String...) -> [String] { keys.map { Messages.text($0, language) } }

    func needsTable(_ needs: [Need]) -> String {
        var table = Table(
            headers(
                "rec.id", "rec.province", "rec.title", "rec.sectorsPriority", "rec.gap", "rec.from", "rec.to",
                "rec.status"))
        for need in needs {
            table.add([
                need.id.rawValue, provinceName(need.province), need.title,
                need.sectors.map { "\($0.sector):\($0.priority)" }.joined(separator: " "),
                usd(need.fundingGapUSD), day(need.timeframe.start), day(need.timeframe.end),
                need.status.rawValue,
            ])
        }
        return table.render()
    }

    func needDetails(_ need: Need) -> String {
        var details = Details()
        details.add(say("rec.id"), need.id.rawValue)
        details.add(say("rec.province"), provinceName(need.province))
        details.add(say("rec.title"), need.title)
        details.add(say("rec.description"), need.description)
        for (index, entry) in need.sectors.enumerated() {
            details.add(
                index == 0 ? say("rec.sectors") : "",
                say("rec.sectorPriority", sectorName(entry.sector), entry.sector.rawValue, "\(entry.priority)"))
        }
        details.add(say("rec.targetGroups"), need.targetGroups.map { $0.name.in(language) }.joined(separator: ", "))
        details.add(say("rec.localities"), need.localities.joined(separator: ", "))
        // Communes are loaded only for a need that names some.
        details.add(
            say("rec.communes"),
            (need.communes ?? []).map { code in
                reference.communes.commune(code: code).map { "\($0.name) (\(code))" } ?? code
            }.joined(separator: ", "))
        details.add(say("rec.fundingGap"), usd(need.fundingGapUSD))
        details.add(
            say("rec.timeframe"), say("rec.fromTo", day(need.timeframe.start), day(need.timeframe.end)))
        details.add(say("rec.status"), need.status.rawValue)
        details.add(say("rec.source"), need.source)
        details.add(say("rec.contact"), contact(need.contact))
        details.add(say("rec.registered"), need.createdAt)
        details.add(say("rec.updated"), need.updatedAt)
        return details.render()
    }

    func ngosTable(_ ngos: [NGO]) -> String {
        var table = Table(
            headers(
                "rec.id", "rec.name", "rec.countryShort", "rec.sectorsExpertise", "rec.worksIn", "rec.grants",
                "rec.certificateUntil"))
        for ngo in ngos {
            table.add([
                ngo.id.rawValue, ngo.name, ngo.country,
                ngo.sectors.map { "\($0.sector):\($0.expertise)" }.joined(separator: " "),
                ngo.provinces.nationwide
                    ? say("rec.nationwide") : ngo.provinces.current.map(provinceName).joined(separator: ", "),
                ngo.grantRange.map { "\(usd($0.min))–\(usd($0.max))" } ?? "",
                ngo.registration.map { day($0.expires) } ?? say("cli.none"),
            ])
        }
        return table.render()
    }

    /// - Parameter published: the line that sums up its IATI activities, if it has any.
    func ngoDetails(_ ngo: NGO, today: CalendarDate, published: String? = nil) -> String {
        var details = Details()
        details.add(say("rec.id"), ngo.id.rawValue)
        details.add(say("rec.name"), ngo.name + (ngo.acronym.map { " (\($0))" } ?? ""))
        details.add(say("rec.country"), ngo.country)
        if let registration = ngo.registration {
            let state =
                say(
                    registration.isValid(on: today)
                        ? "rec.valid" : (registration.expires < today ? "rec.expired" : "rec.notYetValid"))
            details.add(
                say("rec.certificate"),
                say(
                    "rec.certificateText", say("registrationKind." + registration.kind.rawValue),
                    registration.number ?? "",
                    day(registration.issued), day(registration.expires), state)
            )
            details.add(
                say("rec.areas"),
                registration.areas.map { area in
                    guard let match = try? reference.provinces.resolve(area) else { return area }
                    return match.province.name.vi == area ? area : "\(area) → \(match.province.name.vi)"
                }.joined(separator: ", "))
            details.add(say("rec.fields"), registration.fields.map(sectorName).joined(separator: ", "))
        } else {
            details.add(say("rec.certificate"), say("rec.noneRegistered"))
        }
        for (index, entry) in ngo.sectors.enumerated() {
            details.add(
                index == 0 ? say("rec.sectors") : "",
                say("rec.sectorExpertise", sectorName(entry.sector), entry.sector.rawValue, "\(entry.expertise)"))
        }
        details.add(
            say("rec.worksIn"),
            ngo.provinces.nationwide
                ? say("rec.nationwide") : ngo.provinces.current.map(provinceName).joined(separator: ", "))
        details.add(say("rec.workedIn"), ngo.provinces.past.map(provinceName).joined(separator: ", "))
        details.add(say("rec.targetGroups"), ngo.targetGroups.map { $0.name.in(language) }.joined(separator: ", "))
        details.add(say("rec.typicalGrant"), ngo.grantRange.map { "\(usd($0.min)) – \(usd($0.max))" })
        details.add(say("rec.capacity"), say("rec.capacityText", "\(ngo.capacity)"))
        details.add(say("rec.languages"), ngo.languages.joined(separator: ", "))
        if let optOut = ngo.optOut {
            details.add(
                say("rec.notInterested"),
                (optOut.provinces.map(provinceName) + optOut.sectors.map(sectorName)).joined(separator: ", "))
        }
        details.add(say("rec.contact"), contact(ngo.contact))
        details.add(say("rec.website"), ngo.website)
        details.add(say("rec.iatiOrganisation"), ngo.iatiOrganisation)
        details.add(say("rec.iatiTrackRecord"), published)
        return details.render()
    }

    private func contact(_ contact: Contact?) -> String? {
        guard let contact else { return nil }
        return [contact.name, contact.email, contact.phone].compactMap { $0 }.joined(separator: ", ")
    }
}
