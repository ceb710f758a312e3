import Foundation
import NGOMatchCore
import NGOMatchIATI
import Testing

/// The 13 activities international NGOs published for Vietnam (`../shared/reference/iati/vietnam`),
/// read as the file gives them; the values below were read off the file by hand.
@Suite struct RealVietnamFileTests {
    static let file = SharedReference.path("iati/vietnam/vn-ingo-2.03.xml")

    static func activities() throws -> [IATIActivity] {
        var read: [IATIActivity] = []
        try IATIReader.read(path: file, name: "vn-ingo-2.03.xml") { read.append($0) }
        return read
    }

    /// The identifiers SOURCES.csv lists for the file, read with a plain split (no quoted field precedes them).
    static func listedIdentifiers() throws -> [String] {
        let csv = try String(contentsOfFile: SharedReference.path("iati/vietnam/SOURCES.csv"), encoding: .utf8)
        return csv.split(whereSeparator: \.isNewline).dropFirst().compactMap { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            return fields.first == "vn-ingo-2.03.xml" ? String(fields[1]) : nil
        }
    }

    @Test func everyActivityIsReadInFileOrder() throws {
        #expect(FileManager.default.fileExists(atPath: Self.file), "../shared/reference must be beside the repository")
        let activities = try Self.activities()
        let listed = try Self.listedIdentifiers()
        #expect(listed.count == 13)
        #expect(activities.map(\.identifier) == listed)
        #expect(activities.allSatisfy { $0.countries.contains { $0.code == "VN" } })
        #expect(activities.allSatisfy { $0.reporter?.type == "21" && $0.version == "2.03" })
    }

    @Test func anOxfamNovibActivityKeepsItsOrganisationsDatesSectorsAndBudget() throws {
        let activity = try #require(try Self.activities().first { $0.identifier == "NL-KVK-27108436-A-05001-22:VN" })
        #expect(activity.reporter?.ref == "NL-KVK-27108436")
        #expect(activity.reporter?.name == "Oxfam Novib")
        #expect(activity.title == "Fair Finance Asia - CEPEW - Vietnam")
        #expect(activity.status == "2")
        #expect(activity.dates == ["1": "2021-03-01", "2": "2021-03-01", "3": "2021-07-31"])
        #expect(activity.start == "2021-03-01" && activity.end == "2021-07-31")
        #expect(activity.defaultCurrency == "EUR")
        let implementer = try #require(activity.participants.first { $0.role == "4" })
        #expect(implementer.ref == nil && implementer.type == "90")
        #expect(implementer.name == "Center for Education Promotion and CEPEW", "the first English narrative")
        #expect(activity.participants.map(\.role) == ["4", "2", "3", "1"])
        #expect(activity.participants.last?.ref == "SE-0")
        #expect(
            activity.sectors == [
                .init(vocabulary: "99", code: "4", percentage: 100),
                .init(vocabulary: "1", code: "15150", percentage: 100),
            ])
        #expect(activity.countries == [.init(code: "VN", percentage: 100)])
        #expect(
            activity.budgets == [
                .init(
                    periodStart: "2021-03-01", periodEnd: "2021-07-31",
                    value: .init(amount: 15916, currency: "EUR", valueDate: "2021-06-12"))
            ])
        #expect(activity.transactions.first?.type == "3")
        #expect(activity.transactions.first?.value?.amount == 14324)
    }

    /// Counted by hand with Python's ElementTree: 70 expenditures, one DAC 3-digit sector each.
    @Test func worldVisionsSectorsAreOnItsTransactions() throws {
        let activity = try #require(try Self.activities().first { $0.identifier == "US-EIN-95-3202116-VN" })
        #expect(activity.sectors.isEmpty)
        #expect(activity.transactions.count == 70)
        #expect(activity.transactions.allSatisfy { $0.type == "4" && $0.sectors.count == 1 })
        #expect(activity.transactions.allSatisfy { $0.sectors.allSatisfy { $0.vocabulary == "2" } })
        #expect(
            Set(activity.transactions.flatMap(\.sectors).map(\.code)) == [
                "112", "122", "140", "151", "160", "430", "720",
            ])
        #expect(activity.transactions.prefix(2).compactMap(\.value?.amount) == [1_213_515, 3_725_849])
        let spent = activity.transactions.compactMap(\.value).reduce(0) { $0 + $1.amount }
        #expect(abs(spent - 68_045_451.63) < 0.01)
        #expect(activity.transactions.allSatisfy { $0.value?.currency == "USD" })
        #expect(activity.dates == ["2": "2017-10-01"])
    }

    @Test func helpAgesMultiCountryActivityKeepsVietnamsShare() throws {
        let activity = try #require(try Self.activities().first { $0.identifier == "GB-COH-1762840-GID650-AG15-01" })
        #expect(activity.countries.first { $0.code == "VN" }?.percentage == 5)
        #expect(activity.countries.count > 5)
        #expect(activity.sectors.map(\.code) == ["72010", "72010"])
        #expect(activity.sectors.allSatisfy { $0.vocabulary == "1" && $0.percentage == 50 })
        #expect(activity.budgets.map(\.value.amount) == [300_000, -150_000])
        #expect(activity.budgets.allSatisfy { $0.value.currency == "GBP" })
        #expect(activity.dates == ["1": "2020-03-23", "2": "2020-03-23", "3": "2020-09-22", "4": "2020-09-22"])
    }
}
