import NGOMatchCore
import NGOMatchIATI
import NGOMatchStore

/// Activities NGOs already publish in IATI, read into their track records.
extension MatchService {
    /// Reads every activity of every file and stores those that count for a registry NGO, all
    /// or nothing: a file that cannot be read stops the import and nothing is written.
    /// The ministry imports anyone's; an NGO only its own, the rest reported as not its own.
    /// - Throws: `IATIReadError` for a file that is not a readable IATI activity file.
    package func importIATI(_ sources: [IATISource], checkOnly: Bool, caller: Caller, language: Language = .en)
        throws -> IATIImportReport
    {
        let own: NGOID?
        switch try caller.writer("iati.import") {
        case nil, .ministry: own = nil
        case .ngo(let id): own = id
        case let role?: throw ServiceError.forbidden(.key("forbidden.iati", "iati.import", role.description))
        }
        let mapping = IATIMapping(
            reference: reference, boundaries: ReferenceData.embeddedBoundaries, ngos: try registry.ngos())
        var lines: [IATIImportReport.Activity] = []
        var kept: [String: (record: IATITrackRecord, source: String, line: Int)] = [:]
        func say(_ phrase: Phrase) -> String { phrase.text(language) }
        for source in sources {
            func take(_ activity: IATIActivity) {
                var outcome = "skipped"
                var reason: String?
                var record: IATITrackRecord?
                switch mapping.map(activity) {
                case .success(let mapped) where own == nil || mapped.ngo == own:
                    record = mapped
                    outcome = "counted"
                case .success(let mapped):
                    reason = say(.key("iati.skip.notYours", mapped.ngo.rawValue))
                case .failure(let skip):
                    reason = say(skip.phrase)
                }
                if let record {
                    // A later file's version replaces an earlier one: never counted twice.
                    if let earlier = kept[record.identifier],
                        let index = lines.lastIndex(where: {
                            $0.identifier == record.identifier && $0.outcome == "counted"
                        })
                    {
                        lines[index] = Self.line(
                            activity.identifier, earlier.source, earlier.line, "replaced", earlier.record,
                            reason: say(.key("iati.replaced", source.name, activity.line)))
                    }
                    kept[record.identifier] = (record, source.name, activity.line)
                }
                lines.append(
                    Self.line(activity.identifier, source.name, activity.line, outcome, record, reason: reason))
            }
            switch source.content {
            case .path(let path): try IATIReader.read(path: path, name: source.name, take)
            case .bytes(let bytes): try IATIReader.read(bytes: bytes, name: source.name, take)
            }
        }
        let stored = try registry.storeIATIRecords(
            kept.values.sorted { $0.record.identifier < $1.record.identifier }.map { ($0.record, $0.source) },
            checkOnly: checkOnly, audit: caller.audit("iati.import"))
        let activities = lines.map { line in
            guard line.outcome == "counted", let outcome = stored[line.identifier] else { return line }
            return IATIImportReport.Activity(
                identifier: line.identifier, file: line.file, line: line.line, outcome: outcome.rawValue,
                ngo: line.ngo, role: line.role, sectors: line.sectors, provinces: line.provinces, reason: nil)
        }
        return IATIImportReport(checkOnly: checkOnly, activities: activities)
    }

    private static func line(
        _ identifier: String, _ file: String, _ line: Int, _ outcome: String, _ record: IATITrackRecord?,
        reason: String?
    ) -> IATIImportReport.Activity {
        IATIImportReport.Activity(
            identifier: identifier, file: file, line: line, outcome: outcome, ngo: record?.ngo.rawValue,
            role: record?.role.rawValue, sectors: record?.sectors.map(\.sector.rawValue) ?? [],
            provinces: record.map { $0.national ? ["national"] : $0.provinces.map(\.rawValue) } ?? [],
            reason: reason)
    }

    /// The IATI activities counted for an NGO.
    package func iatiRecords(of ngo: NGOID) throws -> [IATITrackRecord] {
        try registry.iatiRecords(of: ngo)
    }

    /// An NGO's published activities in a line for its profile, or nil when it has none.
    package func iatiProfileLine(of ngo: NGOID, language: Language) -> String? {
        guard let records = try? registry.iatiRecords(of: ngo) else { return nil }
        return IATISummary(records).phrase(reference: reference, language: language)?.text(language)
    }
}
