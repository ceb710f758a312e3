/// One `iati-activity` as its file tells it, in IATI's own terms: codes are kept as the
/// standard's 2.0x numbers (a 1.0x file's words are translated when read), text as written.
/// What it means for ngomatch (which NGO, which provinces and sectors) is decided later.
package struct IATIActivity: Hashable, Sendable, Codable {
    package struct Organisation: Hashable, Sendable, Codable {
        /// The organisation identifier (`GB-COH-1762840`), often missing for local partners.
        package var ref: String?
        /// OrganisationType: 21 international NGO, 22 national NGO, 10 government…
        package var type: String?
        /// OrganisationRole for a participating organisation: 1 funding … 4 implementing.
        package var role: String?
        package var name: String?
        /// Whether it reports someone else's activity (`@secondary-reporter="1"`).
        package var secondaryReporter = false
    }

    package struct Sector: Hashable, Sendable, Codable {
        /// SectorVocabulary: 1 DAC 5-digit (also when absent), 2 DAC 3-digit, 98/99 the publisher's own…
        package var vocabulary: String
        package var code: String
        package var percentage: Double?

        package init(vocabulary: String, code: String, percentage: Double? = nil) {
            self.vocabulary = vocabulary
            self.code = code
            self.percentage = percentage
        }
    }

    package struct Country: Hashable, Sendable, Codable {
        package var code: String
        package var percentage: Double?

        package init(code: String, percentage: Double? = nil) {
            self.code = code
            self.percentage = percentage
        }
    }

    package struct Administrative: Hashable, Sendable, Codable {
        /// GeographicVocabulary: A1 GAUL … G1 GeoNames.
        package var vocabulary: String?
        package var level: String?
        package var code: String?

        package init(vocabulary: String?, level: String?, code: String?) {
            self.vocabulary = vocabulary
            self.level = level
            self.code = code
        }
    }

    package struct Location: Hashable, Sendable, Codable {
        package var name: String?
        package var administrative: [Administrative] = []
        /// WGS 84 degrees, from `point/pos` ("latitude longitude") or 1.0x `coordinates`.
        package var latitude: Double?
        package var longitude: Double?
    }

    package struct Money: Hashable, Sendable, Codable {
        package var amount: Double
        /// ISO 4217; the activity's default currency when the value names none.
        package var currency: String?
        /// The date the publisher says a conversion should use.
        package var valueDate: String?

        package init(amount: Double, currency: String?, valueDate: String?) {
            self.amount = amount
            self.currency = currency
            self.valueDate = valueDate
        }
    }

    package struct Budget: Hashable, Sendable, Codable {
        package var periodStart: String?
        package var periodEnd: String?
        package var value: Money

        package init(periodStart: String?, periodEnd: String?, value: Money) {
            self.periodStart = periodStart
            self.periodEnd = periodEnd
            self.value = value
        }
    }

    package struct Transaction: Hashable, Sendable, Codable {
        /// TransactionType: 1 incoming funds, 2 outgoing commitment, 3 disbursement, 4 expenditure…
        package var type: String?
        package var date: String?
        package var value: Money?
        /// Set when the publisher gives sectors per transaction instead of per activity.
        package var sectors: [Sector] = []
    }

    package var identifier: String
    /// The version of the standard the activity was published in (the file's, or d-portal's note of the original).
    package var version: String
    /// Where the activity begins in its file, for messages.
    package var line: Int
    package var defaultCurrency: String?
    package var reporter: Organisation?
    package var participants: [Organisation] = []
    package var title: String?
    /// ActivityStatus: 1 pipeline, 2 implementation, 3 finalisation, 4 closed, 5 cancelled, 6 suspended.
    package var status: String?
    /// ActivityDateType ("1" planned start … "4" actual end) to the ISO date given for it.
    package var dates: [String: String] = [:]
    package var sectors: [Sector] = []
    package var countries: [Country] = []
    package var locations: [Location] = []
    package var budgets: [Budget] = []
    package var transactions: [Transaction] = []

    package init(identifier: String, version: String, line: Int) {
        self.identifier = identifier
        self.version = version
        self.line = line
    }

    /// The earliest start it gives (actual before planned), and the latest end.
    package var start: String? { dates["2"] ?? dates["1"] }
    package var end: String? { dates["4"] ?? dates["3"] }
}
