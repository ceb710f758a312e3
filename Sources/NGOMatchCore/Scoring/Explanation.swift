import Foundation

/// Scores and filters told in words, in Vietnamese or English.
package struct Explanation: Sendable {
    package let reference: ReferenceData
    package let language: Language

    package init(reference: ReferenceData, language: Language) {
        self.reference = reference
        self.language = language
    }

    /// Two or three reasons: the contributions that added the most points.
    package func reasons(_ assessment: Assessment, count: Int = 3) -> [String] {
        Self.reasons(assessment.contributions, count: count).map { describe(assessment.contributions[$0]) }
    }

    /// Which contributions are the reasons, by position: those that gave points, the most first
    /// (in the rule set's order where they gave as many), so that a caller that has described
    /// every contribution already picks its reasons from those words.
    package static func reasons(_ contributions: [Contribution], count: Int = 3) -> [Int] {
        Array(
            contributions.indices.filter { contributions[$0].points > 0 }
                .sorted { contributions[$0].points > contributions[$1].points }
                .prefix(count))
    }

    /// One contribution in a sentence.
    package func describe(_ contribution: Contribution) -> String {
        switch contribution.evidence {
        case .sector(let needSector, let ngoSector, let tier, let expertise, let priority):
            guard let needSector, let ngoSector else {
                return say("reason.noSector")
            }
            let offered = sector(ngoSector)
            let wanted = sector(needSector)
            switch tier {
            case .exact:
                return say("reason.sectorExact", expertise, offered, priority)
            case .sameParent, .sibling:
                return say("reason.sectorRelated", expertise, offered, wanted, priority)
            case .none:
                return say("reason.noSharedSector")
            }
        case .geography(let tier, let province, let via):
            let here = provinceName(province)
            switch tier {
            case .current: return say("reason.worksHere", here)
            case .past: return say("reason.workedHere", here)
            case .nearby:
                return say("reason.nearby", via.map(provinceName) ?? "")
            case .nationwide: return say("reason.nationwide")
            case .elsewhere(_, let km):
                return say("reason.elsewhere", via.map(provinceName) ?? "", LocalFormat.whole(Int(km), language))
            case .unknown: return say("reason.noProvinces")
            }
        case .targetGroups(let shared, let wanted):
            if wanted == 0 { return say("reason.noTargetGroup") }
            let names = shared.map { $0.name.in(language) }.joined(separator: ", ")
            return say("reason.targetGroups", "\(shared.count)", "\(wanted)", names.isEmpty ? "" : ": " + names)
        case .funding(let relation, let gap, let min, let max):
            let range = "\(money(min ?? 0))–\(money(max ?? 0))"
            switch relation {
            case .within:
                return say("reason.fundingWithin", range, money(gap))
            case .aboveRange:
                let share = Int((contribution.value * 100).rounded())
                return say("reason.fundingAbove", money(max ?? 0), "\(share)", money(gap))
            case .belowRange:
                return say("reason.fundingBelow", money(gap), money(min ?? 0))
            case .unknown: return say("reason.noGrantRange")
            }
        case .timeframe(let share, let expires):
            let percent = Int((share * 100).rounded())
            return expires.map { say("reason.timeframeUntil", "\(percent)", day($0)) }
                ?? say("reason.timeframe", "\(percent)")
        case .trackRecord(let tally, let province):
            return trackRecord(tally, in: province)
        case .load(let open, let capacity):
            return say("reason.load", "\(open)", "\(capacity)")
        case .underserved(let count):
            return Messages.counted("reason.underserved", language, count)
        case .sectorEmphasis(let share):
            let percent = Int((share * 100).rounded())
            return say("reason.emphasis", "\(percent)")
        }
    }

    /// Partnerships completed here, and what the NGO published, each said only when there is some.
    private func trackRecord(_ tally: TrackRecord.Tally, in province: ProvinceID) -> String {
        let recorded = Messages.counted("reason.trackRecord", language, tally.completed)
        guard tally.published > 0, let since = tally.publishedSince else { return recorded }
        let here = provinceName(province)
        let year = "\(since)"
        let published =
            switch (tally.publishedInProvince, tally.publishedInSector) {
            case (let inProvince, 0):
                Messages.counted("reason.publishedInProvince", language, inProvince, here, year)
            case (0, let inSector):
                Messages.counted("reason.publishedInSector", language, inSector, year)
            case (let inProvince, let inSector):
                Messages.counted("reason.publishedInBoth", language, inProvince, here, "\(inSector)", year)
            }
        return tally.completed > 0 ? recorded + "; " + published : published
    }

    /// Why a filter removed the pair, and what would change that.
    package func describe(_ failure: FilterFailure) -> (reason: String, remedy: String?) {
        switch failure.detail {
        case .needNotOpen(let status):
            return (say("filter.needNotOpen", Messages.text("needStatus." + status.rawValue, language)), nil)
        case .noSharedSector:
            return (say("reason.noSector"), nil)
        case .noCertificate:
            return (
                say("filter.noCertificate"),
                say("filter.noCertificateFix")
            )
        case .certificateExpired(let expires, let start):
            return (
                say("filter.expired", day(expires), day(start)),
                say("filter.expiredFix", day(start))
            )
        case .certificateNotYetValid(let issued, let start):
            return (
                say("filter.notYetValid", day(issued), day(start)),
                say("filter.notYetValidFix", day(issued))
            )
        case .areaMissing(let province):
            let name = provinceName(province)
            return (
                say("filter.areaMissing", name),
                say("filter.areaMissingFix", name)
            )
        case .fieldsMissing(let sectors):
            let names = sectors.map(sector).joined(separator: ", ")
            return (
                say("filter.fieldsMissing", names),
                say("filter.fieldsMissingFix", names)
            )
        case .optedOutOfProvince(let province):
            return (
                say("filter.optedOutProvince", provinceName(province)), nil
            )
        case .optedOutOfSector(let id):
            return (say("filter.optedOutSector", sector(id)), nil)
        case .declinedBefore:
            return (
                say("filter.declined"),
                say("filter.declinedFix")
            )
        case .belowMinimum(let score, let minimum):
            return (
                say("filter.belowMinimum", points(score), points(minimum)),
                nil
            )
        }
    }

    /// Points in the machine form (`74.1`), for JSON, CSV and logs.
    package static func points(_ value: Double) -> String { String(format: "%.1f", value) }

    /// Points as the reader's language writes them (`74,1` in Vietnamese).
    package func points(_ value: Double) -> String { LocalFormat.decimal(value, digits: 1, language) }

    private func money(_ amount: Double) -> String { LocalFormat.usd(amount, language) }

    private func say(_ key: String, _ values: any PhraseValue...) -> String {
        Phrase.text(key, values, in: language)
    }
    private func day(_ date: CalendarDate) -> String { LocalFormat.date(date, language) }
    private func sector(_ id: SectorID) -> String { reference.taxonomy[id]?.name.in(language) ?? id.rawValue }
    /// A proper name as the registry holds it, diacritics included, in English too: "Cao Bang"
    /// could be several places, "Cao Bằng" is one.
    private func provinceName(_ id: ProvinceID) -> String { reference.provinces[id]?.name.vi ?? id.rawValue }
}
