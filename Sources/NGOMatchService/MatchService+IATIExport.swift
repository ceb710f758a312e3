import NGOMatchCore
import NGOMatchIATI
import NGOMatchStore

/// The registry's partnerships as an IATI 2.03 activity file.
extension MatchService {
    /// Every partnership not declined (of one NGO with `ngo`) as an IATI activity, reported by
    /// that NGO (its IATI identifier) or, for the whole registry, by the organisation `reporter` names.
    /// Identifiers are made from the reporter, the need and the NGO, so each export gives the same ones.
    /// - Throws: `ServiceError.invalidParams` when the reporter has no IATI identifier.
    package func exportIATI(ngo: String?, reporter: String?, reporterName: String?, caller: Caller) throws -> String {
        let own: NGOID?
        switch try caller.writer("iati.export") {
        case nil, .ministry: own = nil
        case .ngo(let id): own = id
        case let role?: throw ServiceError.forbidden(.key("forbidden.iati", "iati.export", role.description))
        }
        let chosen = try ngo.map { try registry.ngo(named: $0) }
        if let own, chosen?.id != own {
            throw ServiceError.forbidden(.key("forbidden.ngo", "iati.export", "ngo:\(own)", chosen?.id.rawValue ?? "—"))
        }
        let publisher: IATIWriter.Organisation
        if let chosen {
            guard let ref = chosen.iatiOrganisation else {
                throw ServiceError.invalidParams(
                    field: "ngo", expected: .key("iati.export.noIdentifier", chosen.id.rawValue))
            }
            publisher = .init(ref: ref, type: "21", name: chosen.name)
        } else {
            guard let reporter, reporter.contains("-"), !reporter.contains(" ") else {
                throw ServiceError.invalidParams(field: "reporter", expected: .key("iati.export.noReporter"))
            }
            publisher = .init(ref: reporter, type: "10", name: reporterName ?? reporter)
        }
        let partnerships = try registry.partnerships(ngo: chosen?.id.rawValue).filter { $0.status != .declined }
        let needs = Dictionary(
            try registry.needs(ids: Set(partnerships.map(\.need))).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let ngos = Dictionary(
            try registry.ngos(ids: Set(partnerships.map(\.ngo))).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let activities = partnerships.compactMap { partnership -> IATIWriter.Activity? in
            guard let need = needs[partnership.need], let partner = ngos[partnership.ngo] else { return nil }
            return iatiActivity(partnership, need: need, ngo: partner, publisher: publisher)
        }
        // IATI has no file of no activities: its schema asks for one at least.
        guard !activities.isEmpty else {
            throw ServiceError.invalidParams(
                field: chosen == nil ? "reporter" : "ngo", expected: .key("iati.export.nothing"))
        }
        return IATIWriter.document(activities)
    }

    private func iatiActivity(
        _ partnership: Partnership, need: Need, ngo: NGO, publisher: IATIWriter.Organisation
    ) -> IATIWriter.Activity {
        let status =
            switch partnership.status {
            case .proposed, .agreed: "1"
            case .active: "2"
            case .completed, .declined: "4"
            }
        let province = reference.provinces[need.province]
        var codes: [String] = []
        for code in need.sectors.compactMap({ reference.taxonomy[$0.sector]?.dacCodes.first })
        where !codes.contains(code) {
            codes.append(code)
        }
        // Equal shares in hundredths, the last taking what rounding left, so that they sum to 100.
        let share = (10_000 / Double(max(1, codes.count))).rounded(.down) / 100
        let shares = codes.enumerated().map { index, code in
            (
                code: code,
                percentage: index == codes.count - 1 ? ((100 - share * Double(index)) * 100).rounded() / 100 : share
            )
        }
        return IATIWriter.Activity(
            identifier: "\(publisher.ref ?? "")\(IATIMapping.exportMark)\(need.id)-\(ngo.id)", reporter: publisher,
            title: need.title, description: need.description.isEmpty ? need.title : need.description,
            participants: [.init(ref: ngo.iatiOrganisation, type: "21", role: "4", name: ngo.name)],
            status: status,
            dates: [("1", need.timeframe.start.description), ("3", need.timeframe.end.description)],
            locations: province.map { [($0.name.vi, $0.latitude, $0.longitude)] } ?? [], sectors: shares)
    }
}
