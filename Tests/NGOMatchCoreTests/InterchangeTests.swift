import NGOMatchCore
import Testing

@Suite(.timeLimit(.minutes(10)))
struct InterchangeTests {
    @Test func csvHandlesQuotesNewlinesAndCRLF() throws {
        let table = try CSVTable(parsing: "a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\r\nplain,\r\n")
        #expect(table.header == ["a", "b"])
        #expect(table.rows.map(\.fields) == [["x, \"y\"", "two\nlines"], ["plain", ""]])
        #expect(table.rows.map(\.line) == [2, 4])
    }

    @Test func csvReportsEveryMalformedRowWithItsLine() {
        do {
            _ = try CSVTable(parsing: "a,b\n1,2,3\nok,fine\n4\n")
            Issue.record("malformed CSV accepted")
        } catch {
            #expect(
                error.errors.map(\.description) == [
                    "line 2: expected 2 fields like the header, found 3",
                    "line 4: expected 2 fields like the header, found 1",
                ])
        }
    }

    @Test func csvWritesWhatItReads() throws {
        let fields = ["plain", "with, comma", "with \"quote\"", "two\nlines"]
        #expect(try CSVTable(parsing: "h1,h2,h3,h4\n" + CSVTable.line(fields)).rows[0].fields == fields)
    }

    @Test func refusesFilesThatAreNotUTF8() {
        let latin1: [UInt8] = Array("province,title\n".utf8) + [0x43, 0x61, 0x6F, 0x20, 0x42, 0xE0, 0x6E, 0x67]
        do {
            _ = try ImportDocument(bytes: latin1, fileName: "needs.csv")
            Issue.record("Latin-1 accepted")
        } catch {
            #expect(error.description.contains("is not UTF-8 text (invalid byte at offset 20)"))
        }
    }

    @Test func stripsAByteOrderMarkAndNestsDottedColumns() throws {
        let csv = [0xEF, 0xBB, 0xBF] + Array("type,province,timeframe.start\nneed,Cao Bằng,2026-01-01\n".utf8)
        let records = try ImportDocument(bytes: csv, fileName: "needs.csv").records
        #expect(records.count == 1)
        #expect(records[0].location.description == "needs.csv line 2")
        #expect(records[0].value["timeframe"]?["start"] == .string("2026-01-01"))
        #expect(ImportDocument.kind(of: records[0].value) == .need)
    }

    @Test func jsonLinesReportsEveryBadLine() {
        do {
            _ = try ImportDocument(bytes: Array("{\"a\":1}\nnot json\n\n{\"b\":\n".utf8), fileName: "x.jsonl").records
            Issue.record("accepted")
        } catch {
            #expect(error.messages.count == 2)
            #expect(error.messages[0].description.hasPrefix("line 2: not valid JSON"))
            #expect(error.messages[1].description.hasPrefix("line 4: not valid JSON"))
        }
    }

    @Test func jsonAcceptsGroupedRecords() throws {
        let text = #"{"ngos": [{"name": "A", "country": "X"}], "needs": [{"province": "Huế"}]}"#
        let records = try ImportDocument(bytes: Array(text.utf8), fileName: "all.json").records
        #expect(records.map { ImportDocument.kind(of: $0.value) } == [.ngo, .need])
    }

    @Test func datesAreDays() {
        #expect(CalendarDate("2024-02-29") != nil)
        #expect(CalendarDate("2025-02-29") == nil)
        #expect(CalendarDate("2024-02-29")!.adding(years: 1).description == "2025-02-28")
        #expect(CalendarDate("2025-01-01")!.dayNumber - CalendarDate("2024-01-01")!.dayNumber == 366)
    }

    @Test func onlyWholeDatesInDigitsAreDates() {
        #expect(CalendarDate("2026-12-06") == CalendarDate(year: 2026, month: 12, day: 6))
        for text in [
            "2025-13-01", "2025-00-10", "2025-04-31", "1899-12-31", "2201-01-01", "2025-1-01", "2025-01-1",
            "2025/01/01", "20250101", "2025-01-01 ", " 2025-01-01", "2025-01-0x", "٢٠٢٥-01-01", "", "2025--1-01",
        ] {
            #expect(CalendarDate(text) == nil, "\(text)")
        }
    }
}
