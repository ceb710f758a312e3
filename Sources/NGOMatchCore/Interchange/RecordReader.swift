import Foundation

/// Turns JSON objects into needs and NGOs, resolving names leniently and
/// reporting every problem of a record at once.
package struct RecordReader: Sendable {
    package let reference: ReferenceData

    package init(reference: ReferenceData) { self.reference = reference }

    package static let needFields = [
        "type", "id", "province", "title", "description", "sectors", "targetGroups", "localities", "communes",
        "fundingGapUSD", "timeframe", "status", "contact", "source", "createdAt", "updatedAt",
    ]
    package static let ngoFields = [
        "type", "id", "name", "acronym", "country", "registration", "sectors", "provinces", "targetGroups",
        "grantRange", "capacity", "languages", "contact", "website", "iatiOrganisation", "optOut", "communes",
        "createdAt", "updatedAt",
    ]

    /// Reads a partnership; `resolveNeed` and `resolveNGO` find the records it links.
    package func partnership(
        from value: JSONValue, resolveNeed: (String) -> NeedID?, resolveNGO: (String) throws(LookupError) -> NGOID
    ) -> Result<Partnership, InvalidRecord> {
        var reader = FieldReader(value)
        reader.rejectUnknownFields(known: ["type", "need", "ngo", "status", "note", "recordedAt"])
        var need: NeedID?
        if let text = reader.string("need", required: true) {
            need = resolveNeed(text)
            if need == nil { reader.report("need", .key("problem.noSuchNeed", text)) }
        }
        var ngo: NGOID?
        if let text = reader.string("ngo", required: true) {
            do throws(LookupError) {
                ngo = try resolveNGO(text)
            } catch {
                reader.report("ngo", error.phrase)
            }
        }
        let status = readEnum(&reader, "status", Partnership.Status.self, required: true)
        let note = reader.string("note")
        let recordedAt = reader.string("recordedAt")
        guard reader.problems.isEmpty, let need, let ngo, let status else {
            return .failure(InvalidRecord(problems: reader.problems))
        }
        return .success(Partnership(need: need, ngo: ngo, status: status, note: note, recordedAt: recordedAt))
    }

    /// Reads a need. `makeID` names a need that comes without an id.
    package func need(from value: JSONValue, makeID: (ProvinceID) -> NeedID) -> Result<Need, InvalidRecord> {
        var reader = FieldReader(value)
        reader.rejectUnknownFields(known: Self.needFields)
        let id = readID(&reader, NeedID.self)
        let province = reader.string("province", required: true).flatMap { resolveProvince($0, "province", &reader) }
        let title = reader.string("title", required: true)
        let description = reader.string("description") ?? ""
        let sectorPairs = reader.pairs("sectors", nameKey: "sector", levelKey: "priority")
        if sectorPairs.isEmpty, reader.problems.allSatisfy({ !$0.field.hasPrefix("sectors") }) {
            reader.report("sectors", .key("problem.needSectorRequired"))
        }
        var sectors: [Need.SectorPriority] = []
        for pair in sectorPairs {
            guard let sector = resolveSector(pair.name, &reader, field: { _ in pair.field }) else { continue }
            guard let priority = pair.level else {
                reader.appendProblem(
                    FieldProblem(field: pair.field + ".priority", .key("problem.priorityRequired")))
                continue
            }
            guard (1...5).contains(priority) else {
                reader.appendProblem(
                    FieldProblem(field: pair.field + ".priority", .key("problem.outOfRange", 1, 5, priority)))
                continue
            }
            if sectors.contains(where: { $0.sector == sector }) {
                reader.appendProblem(FieldProblem(field: pair.field, .key("problem.sectorTwice", sector.rawValue)))
                continue
            }
            sectors.append(Need.SectorPriority(sector: sector, priority: priority))
        }
        let targetGroups = readTargetGroups(&reader)
        let localities = reader.list("localities")
        let communes = province.map { readCommunes(&reader, in: $0) } ?? []
        let fundingGap = reader.number("fundingGapUSD", required: true)
        if let fundingGap, fundingGap < 0 { reader.report("fundingGapUSD", .key("problem.negative", fundingGap)) }
        let timeframe: Need.Timeframe? = reader.nested("timeframe", required: true) { inner in
            inner.rejectUnknownFields(known: ["start", "end"])
            let start = inner.date("start", required: true)
            let end = inner.date("end", required: true)
            guard let start, let end else { return nil }
            guard start <= end else {
                inner.report("end", .key("problem.endsBeforeStart", end.description, start.description))
                return nil
            }
            return Need.Timeframe(start: start, end: end)
        }
        let status = readEnum(&reader, "status", Need.Status.self) ?? .open
        let contact = readContact(&reader)
        let source = reader.string("source")
        let createdAt = reader.string("createdAt")
        let updatedAt = reader.string("updatedAt")

        guard reader.problems.isEmpty, let province, let title, let fundingGap, let timeframe else {
            return .failure(InvalidRecord(problems: reader.problems))
        }
        return .success(
            Need(
                id: id ?? makeID(province), province: province, title: title, description: description,
                sectors: sectors, targetGroups: targetGroups, localities: localities,
                communes: communes.isEmpty ? nil : communes, fundingGapUSD: fundingGap,
                timeframe: timeframe, status: status, contact: contact, source: source,
                createdAt: createdAt, updatedAt: updatedAt))
    }

    /// Communes by code or by any name (a former commune with its district, say), within the
    /// record's province when it has one; a name used in several places is refused with the choices.
    func readCommunes(_ reader: inout FieldReader, in province: ProvinceID?) -> [String] {
        let texts = reader.list("communes")
        // Read only when a record names communes: loading them costs a few hundred milliseconds.
        guard !texts.isEmpty else { return [] }
        let directory = reference.communes
        var codes: [String] = []
        for (index, text) in texts.enumerated() {
            let field = "communes[\(index)]"
            if let commune = directory.commune(code: CommuneDirectory.code(in: text)) {
                if let province, commune.province != province {
                    reader.report(field, .key("problem.communeElsewhere", text, commune.name, provinceName(province)))
                    continue
                }
                codes.append(commune.code)
                continue
            }
            do {
                let match = try directory.resolve(text, in: province)
                if !codes.contains(match.commune.code) { codes.append(match.commune.code) }
            } catch {
                reader.report(field, error.phrase)
            }
        }
        return codes
    }

    /// Reads an NGO. Without an id, one is made from the acronym or the name.
    package func ngo(from value: JSONValue) -> Result<NGO, InvalidRecord> {
        var reader = FieldReader(value)
        reader.rejectUnknownFields(known: Self.ngoFields)
        let name = reader.string("name", required: true)
        let acronym = reader.string("acronym")
        let id = readID(&reader, NGOID.self) ?? (name.map { NGOID(Slug.make(from: acronym ?? $0)) })
        let country = reader.string("country", required: true)
        let registration: Registration? = reader.nested("registration") { readRegistration(&$0) }
        var sectors: [NGO.SectorExpertise] = []
        let pairs = reader.pairs("sectors", nameKey: "sector", levelKey: "expertise")
        if pairs.isEmpty, reader.problems.allSatisfy({ !$0.field.hasPrefix("sectors") }) {
            reader.report("sectors", .key("problem.ngoSectorRequired"))
        }
        for pair in pairs {
            guard let sector = resolveSector(pair.name, &reader, field: { _ in pair.field }) else { continue }
            let expertise = pair.level ?? 3
            guard (1...5).contains(expertise) else {
                reader.appendProblem(
                    FieldProblem(field: pair.field + ".expertise", .key("problem.outOfRange", 1, 5, expertise)))
                continue
            }
            if sectors.contains(where: { $0.sector == sector }) {
                reader.appendProblem(FieldProblem(field: pair.field, .key("problem.sectorTwice", sector.rawValue)))
                continue
            }
            sectors.append(NGO.SectorExpertise(sector: sector, expertise: expertise))
        }
        let presence =
            reader.nested("provinces") { inner -> NGO.Presence? in
                inner.rejectUnknownFields(known: ["current", "past", "nationwide"])
                let current = resolveProvinces(inner.list("current"), "current", &inner)
                let past = resolveProvinces(inner.list("past"), "past", &inner)
                return NGO.Presence(current: current, past: past, nationwide: inner.bool("nationwide") ?? false)
            } ?? NGO.Presence()
        let targetGroups = readTargetGroups(&reader)
        let grantRange: NGO.GrantRange? = reader.nested("grantRange") { inner in
            inner.rejectUnknownFields(known: ["min", "max"])
            let low = inner.number("min", required: true)
            let high = inner.number("max", required: true)
            guard let low, let high else { return nil }
            if low < 0 { inner.report("min", .key("problem.negative", low)) }
            if high < low { inner.report("max", .key("problem.maxBelowMin", high, low)) }
            return NGO.GrantRange(min: low, max: high)
        }
        let capacity = reader.integer("capacity", in: 0...1000) ?? 1
        let languages = reader.list("languages").map { $0.lowercased() }
        let contact = readContact(&reader)
        let website = reader.string("website")
        let iatiOrganisation = readIATIOrganisation(&reader)
        let optOut: NGO.OptOut? = reader.nested("optOut") { inner in
            inner.rejectUnknownFields(known: ["provinces", "sectors"])
            let provinces = resolveProvinces(inner.list("provinces"), "provinces", &inner)
            let sectors = inner.list("sectors").enumerated().compactMap { index, text in
                resolveSector(text, &inner, field: { $0.fieldPath("sectors[\(index)]") })
            }
            let optOut = NGO.OptOut(provinces: provinces, sectors: sectors)
            return optOut.isEmpty ? nil : optOut
        }
        let createdAt = reader.string("createdAt")
        let updatedAt = reader.string("updatedAt")

        let communes = readCommunes(&reader, in: nil)
        guard reader.problems.isEmpty, let id, let name, let country else {
            return .failure(InvalidRecord(problems: reader.problems))
        }
        return .success(
            NGO(
                id: id, name: name, acronym: acronym, country: country, registration: registration, sectors: sectors,
                provinces: presence, targetGroups: targetGroups, grantRange: grantRange, capacity: capacity,
                languages: languages, contact: contact, website: website, iatiOrganisation: iatiOrganisation,
                optOut: optOut,
                communes: communes.isEmpty ? nil : communes, createdAt: createdAt, updatedAt: updatedAt))
    }

    /// An IATI organisation identifier is a registration agency's code, a hyphen and the number
    /// that agency gave (`GB-COH-1762840`, `XM-DAC-41114`): no spaces, as IATI activities write it.
    private func readIATIOrganisation(_ reader: inout FieldReader) -> String? {
        guard let text = reader.string("iatiOrganisation") else { return nil }
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._:/")
        guard text.count <= 100, text.contains("-"), text.first != "-", text.allSatisfy(allowed.contains) else {
            reader.report("iatiOrganisation", .key("problem.iatiOrganisation", text))
            return nil
        }
        return text
    }

    private func readRegistration(_ reader: inout FieldReader) -> Registration? {
        reader.rejectUnknownFields(known: ["kind", "number", "issued", "expires", "areas", "fields"])
        let kind = readEnum(&reader, "kind", Registration.Kind.self, required: true)
        let number = reader.string("number")
        let issued = reader.date("issued", required: true)
        let expires = reader.date("expires", required: true)
        let areas = reader.list("areas")
        for (index, area) in areas.enumerated() {
            do throws(LookupError) {
                _ = try reference.provinces.resolve(area)
            } catch {
                reader.report("areas[\(index)]", error.phrase)
            }
        }
        let fields = reader.list("fields").enumerated().compactMap { index, text in
            resolveSector(text, &reader, field: { $0.fieldPath("fields[\(index)]") })
        }
        guard let kind, let issued, let expires else { return nil }
        if expires < issued {
            reader.report("expires", .key("problem.expiresBeforeIssued", expires.description, issued.description))
        } else if expires > issued.adding(years: kind.maximumYears) {
            reader.report(
                "expires",
                .key(
                    "problem.certificateTooLong", kind.rawValue, kind.maximumYears, issued.description,
                    issued.adding(years: kind.maximumYears).description, expires.description))
        }
        return Registration(kind: kind, number: number, issued: issued, expires: expires, areas: areas, fields: fields)
    }

    private func readID<Tag>(_ reader: inout FieldReader, _: Identifier<Tag>.Type) -> Identifier<Tag>? {
        guard let text = reader.string("id") else { return nil }
        guard Slug.isValid(text) else {
            reader.report("id", .key("problem.badID", text, Slug.make(from: text)))
            return nil
        }
        return Identifier(text)
    }

    private func readEnum<E: RawRepresentable & CaseIterable>(
        _ reader: inout FieldReader, _ key: String, _: E.Type, required: Bool = false
    ) -> E? where E.RawValue == String {
        guard let text = reader.string(key, required: required) else { return nil }
        if let value = E(rawValue: text.lowercased()) { return value }
        let choices = E.allCases.map(\.rawValue)
        reader.report(key, .notOneOf(text, choices))
        return nil
    }

    private func readTargetGroups(_ reader: inout FieldReader) -> [TargetGroup] {
        var groups: [TargetGroup] = []
        for (index, text) in reader.list("targetGroups").enumerated() {
            do throws(LookupError) {
                let group = try TargetGroup.resolve(text)
                if !groups.contains(group) { groups.append(group) }
            } catch {
                reader.report("targetGroups[\(index)]", error.phrase)
            }
        }
        return groups
    }

    private func readContact(_ reader: inout FieldReader) -> Contact? {
        reader.nested("contact") { inner in
            inner.rejectUnknownFields(known: ["name", "email", "phone"])
            let contact = Contact(
                name: inner.string("name"), email: inner.string("email"), phone: inner.string("phone"))
            if let email = contact.email, !email.contains("@") {
                inner.report("email", .key("problem.badEmail", email))
            }
            return contact.isEmpty ? nil : contact
        }
    }

    /// A province's name as people write it, for messages.
    private func provinceName(_ id: ProvinceID) -> String { reference.provinces[id]?.name.vi ?? id.rawValue }

    /// `key` is made only for a problem: most names resolve, and a record has many.
    private func resolveProvince(_ text: String, _ key: @autoclosure () -> String, _ reader: inout FieldReader)
        -> ProvinceID?
    {
        do throws(LookupError) {
            return try reference.provinces.resolve(text).province.id
        } catch {
            reader.report(key(), error.phrase)
            return nil
        }
    }

    private func resolveProvinces(_ names: [String], _ key: String, _ reader: inout FieldReader) -> [ProvinceID] {
        var ids: [ProvinceID] = []
        for (index, name) in names.enumerated() {
            if let id = resolveProvince(name, "\(key)[\(index)]", &reader), !ids.contains(id) { ids.append(id) }
        }
        return ids
    }

    /// `field` gives the full path of the field the name came from, made only for a problem:
    /// most names resolve, and a record has many.
    private func resolveSector(_ text: String, _ reader: inout FieldReader, field: (FieldReader) -> String)
        -> SectorID?
    {
        do throws(LookupError) {
            return try reference.taxonomy.resolve(text).id
        } catch {
            reader.appendProblem(FieldProblem(field: field(reader), error.phrase))
            return nil
        }
    }
}
