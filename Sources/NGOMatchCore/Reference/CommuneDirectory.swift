import Foundation

/// The 3,321 communes, wards and special zones, and the 10,972 communes before the 2025
/// merger, found by any name a person types: with or without diacritics or the words
/// "xã", "phường", "huyện", "tỉnh"…, former district and province names included, parts
/// in any order ("Trường Hà, Hà Quảng, Cao Bằng").
package struct CommuneDirectory: Sendable {
    package let communes: [Commune]
    package let former: [FormerCommune]
    private let byCode: [String: Int]
    private let byKey: [String: [Int]]
    private let formerByKey: [String: [Int]]
    private let formerByCode: [String: [Int]]
    /// Each former commune's district as it may be typed, folded once here rather than per lookup.
    private let formerDistrictKeys: [Set<String>]
    /// Each commune's name folded, for suggestions, and the communes by the first two letters of it.
    private let foldedNames: [String]
    private let byOpening: [Substring: [Int]]
    private let provinces: ProvinceDirectory

    /// How a name was found.
    package struct Match: Hashable, Sendable {
        package let commune: Commune
        /// The former commune the name was, when it was one.
        package let former: FormerCommune?
    }

    /// - Parameters:
    ///   - communes: `seeds/admin/communes.tsv` (unit code, code, name, English name, kind).
    ///   - former: `seeds/admin/former-communes.tsv` (old code, name, district, province, new code, unit code, how).
    package init(communes communeText: String, former formerText: String, provinces: ProvinceDirectory) {
        self.provinces = provinces
        let unitByCode = Dictionary(provinces.provinces.map { ($0.code, $0.id) }, uniquingKeysWith: { a, _ in a })
        var communes: [Commune] = []
        for fields in Self.rows(communeText) where fields.count >= 5 {
            guard let unit = unitByCode[fields[0]], let kind = Commune.Kind(rawValue: fields[4]) else { continue }
            communes.append(Commune(code: fields[1], name: fields[2], nameEn: fields[3], kind: kind, province: unit))
        }
        var former: [FormerCommune] = []
        for fields in Self.rows(formerText) where fields.count >= 7 {
            guard let unit = unitByCode[fields[5]] else { continue }
            former.append(
                FormerCommune(
                    code: fields[0], name: fields[1], district: fields[2], province: fields[3], became: fields[4],
                    unit: unit))
        }
        self.communes = communes
        self.former = former
        byCode = Dictionary(communes.enumerated().map { ($0.element.code, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var byKey: [String: [Int]] = [:]
        for (index, commune) in communes.enumerated() {
            for key in Set(Self.keys(commune.name)) { byKey[key, default: []].append(index) }
        }
        var formerByKey: [String: [Int]] = [:]
        var formerByCode: [String: [Int]] = [:]
        for (index, old) in former.enumerated() {
            for key in Set(Self.keys(old.name)) { formerByKey[key, default: []].append(index) }
            formerByCode[old.became, default: []].append(index)
        }
        self.byKey = byKey
        let foldedNames = communes.map { NameKey.fold($0.name) }
        self.foldedNames = foldedNames
        byOpening = Dictionary(grouping: foldedNames.indices, by: { foldedNames[$0].prefix(2) })
        formerDistrictKeys = former.map { Set(Self.keys($0.district)) }
        self.formerByKey = formerByKey
        self.formerByCode = formerByCode
    }

    package func commune(code: String) -> Commune? { byCode[code].map { communes[$0] } }

    /// A commune as forms show it, "Trường Hà (01392)": its name for people, its code so that
    /// saving the form again names the same commune however many share the name.
    package func label(code: String) -> String {
        commune(code: code).map { "\($0.name) (\($0.code))" } ?? code
    }

    /// The code a text gives: the whole text, or the digits in brackets that end a `label`.
    package static func code(in text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "(") else { return trimmed }
        let inside = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
        return inside.allSatisfy(\.isASCII) && inside.allSatisfy(\.isNumber) ? String(inside) : trimmed
    }

    package func communes(in province: ProvinceID) -> [Commune] { communes.filter { $0.province == province } }

    /// The communes before 2025 that became this one.
    package func formerNames(of commune: Commune) -> [FormerCommune] {
        (formerByCode[commune.code] ?? []).map { former[$0] }
    }

    /// The one commune a text names.
    /// - Throws: `LookupError` listing the choices (each with its unit) when several fit, or
    ///   the closest names when none does; never a guess.
    package func resolve(_ text: String, in hint: ProvinceID? = nil) throws(LookupError) -> Match {
        // The code an ambiguity offers as the way to choose ("Tân Lập (12345)", or the digits alone).
        if let commune = commune(code: Self.code(in: text)), hint == nil || commune.province == hint {
            return Match(commune: commune, former: nil)
        }
        let parts = text.split(whereSeparator: { $0 == "," || $0 == ";" }).map { String($0) }
            .filter { !NameKey.fold($0).isEmpty }
        guard !parts.isEmpty else {
            throw LookupError(kind: "commune", input: text, problem: .unknown(suggestions: []))
        }
        var best = bestMatches(parts, hint: hint)
        // Typed without commas ("xa vinh thanh huyen giong rieng"): the words "xã", "huyện",
        // "tỉnh"… then mark where the commune's name ends and its district's or province's begins.
        if best.isEmpty && parts.count == 1 {
            for split in Self.splitsAtAdministrativeWords(parts[0]) {
                let found = bestMatches(split, hint: hint)
                if !found.isEmpty && (best.isEmpty || found.count < best.count) { best = found }
            }
        }
        let distinct = Dictionary(best.map { ($0.commune.code, $0) }, uniquingKeysWith: { a, _ in a })
        if distinct.count == 1 { return distinct.values.first! }
        if distinct.isEmpty {
            let key = NameKey.fold(Self.stripped(parts[0]))
            // Suggestions from the province named, or from names sharing the first letters: a
            // comparison with all 3,321 names would cost more than every other lookup together.
            let named = parts.lazy.compactMap { provinces.find(Self.stripped($0)) ?? provinces.find($0) }.first?.id
            let pool =
                (hint ?? named).map { id in communes.indices.filter { communes[$0].province == id } }
                ?? byOpening[key.prefix(2)] ?? []
            let close = Suggestions.closest(to: key, among: pool.map { foldedNames[$0] })
            let suggestions = close.compactMap { name in
                pool.first { foldedNames[$0] == name }.map { index in
                    "\(communes[index].name) (\(provinces[communes[index].province]?.name.vi ?? communes[index].province.rawValue))"
                }
            }
            throw LookupError(kind: "commune", input: text, problem: .unknown(suggestions: suggestions))
        }
        let matches = distinct.values.sorted { $0.commune.code < $1.commune.code }
        let fix = Self.fix(telling: matches, apart: parts, hint: hint, provinces: provinces)
        let choices = matches.map { match in
            let unit = provinces[match.commune.province]?.name.vi ?? match.commune.province.rawValue
            return fix == .code
                ? "\(match.commune.name) (\(match.commune.code), \(unit))" : "\(match.commune.name) (\(unit))"
        }
        throw LookupError(kind: "commune", input: text, problem: .ambiguous(candidates: choices), fix: fix)
    }

    /// What would tell the communes apart, never what was already given: the province when they
    /// lie in several and none was named, the former district when they were in several, the
    /// diacritics when their spellings differ only there, and the code when nothing else does.
    static func fix(
        telling matches: [Match], apart parts: [String], hint: ProvinceID?, provinces: ProvinceDirectory
    ) -> LookupError.Fix {
        let provinceParts = parts.count { provinces.find(stripped($0)) != nil || provinces.find($0) != nil }
        if hint == nil, provinceParts == 0, Set(matches.map(\.commune.province)).count > 1 { return .province }
        let districts = Set(matches.map { $0.former.map { NameKey.fold(stripped($0.district)) } ?? "" })
        let districtNamed = parts.count - 1 - provinceParts > 0
        if !districtNamed, districts.count > 1, !districts.contains("") { return .district }
        let spellings = Set(matches.map { NameKey.spelled(stripped($0.former?.name ?? $0.commune.name)) })
        if !parts.contains(where: NameKey.hasDiacritics), spellings.count == matches.count { return .diacritics }
        return .code
    }

    /// The fewest communes the parts may name, taking each part in turn as the commune and the
    /// others as where it is (a district, a province).
    private func bestMatches(_ parts: [String], hint: ProvinceID?) -> [Match] {
        // Each part read once: the names it may stand for, and the province it names, if any.
        let read = parts.map { part in
            Part(
                keys: Self.keys(part), province: provinces.find(Self.stripped(part)) ?? provinces.find(part),
                spellings: NameKey.hasDiacritics(part) ? Spellings(part) : nil)
        }
        var best: [Match] = []
        for position in read.indices {
            let places = read.indices.filter { $0 != position }.map { read[$0] }
            let found = matches(commune: read[position], places: places, hint: hint)
            if !found.isEmpty && (best.isEmpty || found.count < best.count) { best = found }
        }
        return best
    }

    /// The ways to cut a text typed without commas into two or three parts, each cut just
    /// before an administrative word ("xa", "huyen", "thanh pho"…), folded.
    static func splitsAtAdministrativeWords(_ text: String) -> [[String]] {
        let words = NameKey.fold(text).split(separator: " ").map(String.init)
        guard words.count > 2, words.count <= 16 else { return [] }
        let cuts = (1..<words.count).filter { index in
            foldedPrefixWords.contains { prefix in
                index + prefix.count < words.count && Array(words[index..<index + prefix.count]) == prefix
            }
        }
        func part(_ range: Range<Int>) -> String { words[range].joined(separator: " ") }
        var splits: [[String]] = []
        for (n, first) in cuts.enumerated() {
            splits.append([part(0..<first), part(first..<words.count)])
            for second in cuts[(n + 1)...] {
                splits.append([part(0..<first), part(first..<second), part(second..<words.count)])
            }
        }
        return splits
    }

    private static let foldedPrefixWords: [[String]] = prefixes.map {
        NameKey.fold($0).split(separator: " ").map(String.init)
    }

    /// A part of what was typed, read once.
    private struct Part {
        let keys: [String]
        let province: Province?
        /// How the part is spelled, when it was typed with diacritics: a name spelled so wins
        /// over names that are the same only once folded ("Châu Bính" is not "Châu Bình").
        let spellings: Spellings?

        /// The same words read as a former district: several districts bore a province's name
        /// (huyện Quảng Ninh was in Quảng Bình).
        var asDistrict: Part { Part(keys: keys, province: nil, spellings: spellings) }
    }

    /// How a part was typed, from the closest to the loosest spelling that still keeps diacritics.
    /// Case and tone placement aside: the mapping spells one ward split in two "Phường Yên Hoà"
    /// in one row and "Phường Yên Hòa" in the other ("Ia RVê" and "Ia Rvê" likewise).
    struct Spellings {
        /// With its administrative word ("Xã Quang Huy" is not "Thị trấn Quang Huy").
        let whole: String
        let bare: String

        init(_ text: String) {
            whole = NameKey.spelled(text)
            bare = NameKey.spelled(CommuneDirectory.stripped(text))
        }
    }

    /// The matches spelled most like what was typed; all of them when none is spelled so.
    static func closestSpelled(_ found: [Match], _ typed: Spellings) -> [Match] {
        func name(_ match: Match) -> String { match.former?.name ?? match.commune.name }
        let tiers: [(Match) -> Bool] = [
            { NameKey.spelled(name($0)) == typed.whole },
            { NameKey.spelled(stripped(name($0))) == typed.bare },
        ]
        for tier in tiers {
            let closest = found.filter(tier)
            if !closest.isEmpty { return closest }
        }
        return found
    }

    /// The communes `part` may name, narrowed by the other parts (a province, a former district).
    private func matches(commune part: Part, places: [Part], hint: ProvinceID?) -> [Match] {
        var found = matches(commune: part, narrowedBy: places, hint: hint)
        let provinceParts = places.indices.filter { places[$0].province != nil }
        guard !provinceParts.isEmpty else { return found }
        // Many districts bore their province's name, or one folding to another's ("Thành phố
        // Bạc Liêu, Tỉnh Bạc Liêu"; "Huyện Thạnh Hóa, Tỉnh Long An"): each such part read as the
        // district instead, the fewest communes win.
        for position in provinceParts {
            var variant = places
            variant[position] = variant[position].asDistrict
            let narrowed = matches(commune: part, narrowedBy: variant, hint: hint)
            if !narrowed.isEmpty && (found.isEmpty || narrowed.count < found.count) { found = narrowed }
        }
        guard found.isEmpty else { return found }
        return matches(commune: part, narrowedBy: places.map(\.asDistrict), hint: hint)
    }

    private func matches(commune part: Part, narrowedBy places: [Part], hint: ProvinceID?) -> [Match] {
        var units: Set<ProvinceID>? = hint.map { [$0] }
        var districtKeys: [Set<String>] = []
        for place in places {
            if let province = place.province {
                units = (units ?? [province.id]).intersection([province.id])
            } else {
                districtKeys.append(Set(place.keys))
            }
        }
        var found: [Match] = []
        let partKeys = part.keys
        if districtKeys.isEmpty {
            for key in partKeys {
                for index in byKey[key] ?? [] where units?.contains(communes[index].province) ?? true {
                    found.append(Match(commune: communes[index], former: nil))
                }
            }
        }
        for key in partKeys {
            for index in formerByKey[key] ?? [] {
                let old = former[index]
                guard units?.contains(old.unit) ?? true else { continue }
                if !districtKeys.isEmpty {
                    let district = formerDistrictKeys[index]
                    guard districtKeys.allSatisfy({ !$0.isDisjoint(with: district) }) else { continue }
                }
                guard let commune = commune(code: old.became) else { continue }
                found.append(Match(commune: commune, former: old))
            }
        }
        // Several former units of one district shared a name ("Xã Quang Huy", "Thị trấn Quang
        // Huy"), and several districts of one new unit a district name (Châu Thành in Sóc Trăng and
        // in Hậu Giang, both now Cần Thơ): the former province typed narrows them.
        let provincePlaces = places.filter { $0.province != nil }
        if !provincePlaces.isEmpty, found.allSatisfy({ $0.former != nil }) {
            let inProvinceTyped = found.filter { match in
                let province = Set(Self.keys(match.former!.province))
                return provincePlaces.contains { !province.isDisjoint(with: $0.keys) }
            }
            if !inProvinceTyped.isEmpty { found = inProvinceTyped }
        }
        if let typed = part.spellings {
            found = Self.closestSpelled(found, typed)
        }
        // A name still in use is what a person means before a former one of the same commune.
        var seen: Set<String> = []
        return found.filter { seen.insert($0.commune.code).inserted }
    }

    /// The ways a name may be typed: as written, and without an administrative word before it
    /// ("Xã Trường Hà" and "Trường Hà"), folded (no diacritics, so tone placement does not matter).
    static func keys(_ name: String) -> [String] {
        let whole = NameKey.fold(name)
        let bare = NameKey.fold(stripped(name))
        return (whole == bare ? [whole] : [whole, bare]).filter { !$0.isEmpty }
    }

    static let prefixes = [
        "thành phố", "tỉnh", "thị trấn", "thị xã", "xã", "phường", "đặc khu", "quận", "huyện", "tp.", "tp",
    ]

    /// Each prefix as written and without diacritics, with a space after it, ready to compare.
    private static let prefixForms: [(written: String, folded: String)] = prefixes.map {
        ($0 + " ", NameKey.fold($0) + ($0.hasSuffix(".") ? ". " : " "))
    }

    /// The name without its leading administrative word; "Xa" alone is kept, as a name may begin with it.
    static func stripped(_ name: String) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        let lower = trimmed.lowercased()
        for (written, folded) in prefixForms where lower.hasPrefix(written) || lower.hasPrefix(folded) {
            let length = lower.hasPrefix(written) ? written.count : folded.count
            return String(trimmed.dropFirst(length)).trimmingCharacters(in: .whitespaces)
        }
        return trimmed
    }

    private static func rows(_ text: String) -> [[String]] {
        text.split(separator: "\n").dropFirst().map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
    }
}
