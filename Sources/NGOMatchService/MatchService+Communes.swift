import NGOMatchCore

public struct CommunesListParams: OperationParams {
    public static let parameters = [
        Parameter.province.asRequired(),
        Parameter(
            "kind", .choice(["commune", "ward", "special administrative region"]),
            "Only communes, wards or special zones."),
    ]
    public var province: String
    public var kind: String?
    public init(province: String, kind: String? = nil) {
        self.province = province
        self.kind = kind
    }
}

public struct CommuneGetParams: OperationParams {
    public static let parameters = [
        Parameter(
            "name", .text, required: true,
            "A commune, ward or special zone, now or before 1 July 2025, with or without diacritics and the words xã, phường…; add the former district and province after commas: 'Trường Hà, Hà Quảng, Cao Bằng'."
        ),
        Parameter("province", .text, "Look only in this province (any name, former ones too)."),
    ]
    public var name: String
    public var province: String?
    public init(name: String, province: String? = nil) {
        self.name = name
        self.province = province
    }
}

/// A commune found by a name, and what it was before the 2025 merger.
public struct CommuneFound: Encodable, Sendable {
    public let commune: Commune
    public let provinceName: String
    /// The former commune the name given was, when it was one.
    public let matchedFormer: FormerCommune?
    /// Every commune before 1 July 2025 that became this one.
    public let formerCommunes: [FormerCommune]
    /// E.g. "Trường Hà (Hà Quảng district, Cao Bằng) became the commune of Hà Quảng on 1 July 2025."
    public let notes: [String]
}

extension MatchService {
    public func communes(_ params: CommunesListParams) throws -> [Commune] {
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

    public func commune(_ params: CommuneGetParams) throws -> CommuneFound {
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
