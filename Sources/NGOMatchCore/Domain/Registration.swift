/// An NGO's certificate to work in Vietnam under Decree 58/2022/ND-CP.
///
/// The certificate names the areas (provinces, often by their names before the
/// 2025 merger) and the fields the NGO may work in.
package struct Registration: Hashable, Sendable, Codable {
    package enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
        /// Giấy đăng ký hoạt động: valid at most 3 years.
        case operationRegistration = "operation-registration"
        /// Giấy đăng ký lập văn phòng đại diện: valid at most 5 years.
        case representativeOffice = "representative-office"

        package var maximumYears: Int {
            switch self {
            case .operationRegistration: 3
            case .representativeOffice: 5
            }
        }
    }

    package var kind: Kind
    package var number: String?
    package var issued: CalendarDate
    package var expires: CalendarDate
    /// Province names as written on the certificate; each resolves to a current province.
    package var areas: [String]
    /// Sectors the certificate covers (top-level or subsectors).
    package var fields: [SectorID]

    package init(
        kind: Kind, number: String? = nil, issued: CalendarDate, expires: CalendarDate, areas: [String],
        fields: [SectorID]
    ) {
        self.kind = kind
        self.number = number
        self.issued = issued
        self.expires = expires
        self.areas = areas
        self.fields = fields
    }

    package func isValid(on day: CalendarDate) -> Bool { issued <= day && day <= expires }
}
