/// The people a need is for, or an NGO serves.
package enum TargetGroup: String, CaseIterable, Hashable, Sendable, Codable, Comparable {
    case ethnicMinorities = "ethnic-minorities"
    case children
    case youth
    case women
    case personsWithDisabilities = "persons-with-disabilities"
    case elderly
    case farmers
    case fishers
    case poorHouseholds = "poor-households"
    case migrants
    case teachers
    case healthWorkers = "health-workers"
    case localOfficials = "local-officials"
    case peopleLivingWithHIV = "people-living-with-hiv"
    case uxoSurvivors = "uxo-survivors"

    package var name: LocalizedName {
        switch self {
        case .ethnicMinorities: LocalizedName(vi: "Đồng bào dân tộc thiểu số", en: "Ethnic minorities")
        case .children: LocalizedName(vi: "Trẻ em", en: "Children")
        case .youth: LocalizedName(vi: "Thanh niên", en: "Youth")
        case .women: LocalizedName(vi: "Phụ nữ", en: "Women")
        case .personsWithDisabilities: LocalizedName(vi: "Người khuyết tật", en: "Persons with disabilities")
        case .elderly: LocalizedName(vi: "Người cao tuổi", en: "Elderly people")
        case .farmers: LocalizedName(vi: "Nông dân", en: "Farmers")
        case .fishers: LocalizedName(vi: "Ngư dân", en: "Fishers")
        case .poorHouseholds: LocalizedName(vi: "Hộ nghèo", en: "Poor households")
        case .migrants: LocalizedName(vi: "Người di cư", en: "Migrants")
        case .teachers: LocalizedName(vi: "Giáo viên", en: "Teachers")
        case .healthWorkers: LocalizedName(vi: "Nhân viên y tế", en: "Health workers")
        case .localOfficials: LocalizedName(vi: "Cán bộ địa phương", en: "Local officials")
        case .peopleLivingWithHIV: LocalizedName(vi: "Người sống chung với HIV", en: "People living with HIV")
        case .uxoSurvivors: LocalizedName(vi: "Nạn nhân bom mìn", en: "UXO survivors")
        }
    }

    /// Finds a group by id or by its name in either language, with or without diacritics.
    /// - Throws: `LookupError` with the closest ids.
    package static func resolve(_ text: String) throws(LookupError) -> TargetGroup {
        if let group = TargetGroup(rawValue: text.lowercased()) { return group }
        let key = NameKey.fold(text)
        for group in allCases
        where NameKey.fold(group.rawValue) == key || NameKey.fold(group.name.en) == key
            || NameKey.fold(group.name.vi) == key
        {
            return group
        }
        throw LookupError(
            kind: "target group", input: text,
            problem: .unknown(suggestions: Suggestions.closest(to: text, among: allCases.map(\.rawValue))))
    }

    package static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
