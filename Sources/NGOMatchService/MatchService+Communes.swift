import NGOMatchCore

package struct CommunesListParams: OperationParams {
    package static let parameters = [
        Parameter.province.asRequired(),
        Parameter(
            "kind", .choice(["commune", "ward", "special administrative region"]),
            "Only communes, wards or special zones."),
    ]
    package var province: String
    package var kind: String?
    package init(province: String, kind: String? = nil) {
        self.province = province
        self.kind = kind
    }
}

package struct CommuneGetParams: OperationParams {
    package static let parameters = [
        Parameter(
            "name", .text, required: true,
            "A commune, ward or special zone, now or before 1 July 2025, with or without diacritics and the words xã, phường…; add the former district and province after commas: 'Trường Hà, Hà Quảng, Cao Bằng'."
        ),
        Parameter("province", .text, "Look only in this province (any name, former ones too)."),
    ]
    package var name: String
    package var province: String?
    package init(name: String, province: String? = nil) {
        self.name = name
        self.province = province
    }
}

/// A commune found by a name, and what it was before the 2025 merger.
package struct CommuneFound: Encodable, Sendable {
    package let commune: Commune
    package let provinceName: String
    /// The former commune the name given was, when it was one.
    package let matchedFormer: FormerCommune?
    /// Every commune before 1 July 2025 that became this one.
    package let formerCommunes: [FormerCommune]
    /// E.g. "Trường Hà (Hà Quảng district, Cao Bằng) became the commune of Hà Quảng on 1 July 2025."
    package let notes: [String]
}

extension MatchService {
    package func communes(_ params: CommunesListParams) throws -> [Commune] {
        let province = try reference.provinces.resolve(params.province).province.id
        let kind = try params.kind.map { text in
            guard let kind = Commune.Kind(rawValue: text) else {
                throw ServiceError.invalidParams(
                    field: "kind", expected: .notOneOf(text, Commune.Kind.allCases.map(\.rawValue)))
            }
            return kind
        }
        return communes().communes(in: province).filter { kind == nil || $0.kind == kind }
    }

    package func commune(_ params: CommuneGetParams) throws -> CommuneFound {
        let hint = try params.province.map { try reference.provinces.resolve($0).province.id }
        let directory = communes()
        let match = try directory.resolve(params.name, in: hint)
        let provinceName = reference.provinces[match.commune.province]?.name.vi ?? match.commune.province.rawValue
        var notes: [String] = []
        if let former = match.former {
            notes.append(
                "\(former.name) (\(former.district), \(former.province)) became \(match.commune.name), \(provinceName), on 1 July 2025."
            )
        }
        return CommuneFound(
            commune: match.commune, provinceName: provinceName, matchedFormer: match.former,
            formerCommunes: directory.formerNames(of: match.commune), notes: notes)
    }
}
