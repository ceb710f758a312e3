import Foundation
import NGOMatchCore
import NGOMatchIATI
import Testing

/// Files made for the test: the 1.0x forms, and every way a file can be refused.
@Suite struct IATIReaderTests {
    static func read(_ xml: String) throws -> [IATIActivity] {
        var read: [IATIActivity] = []
        try IATIReader.read(bytes: Array(xml.utf8), name: "test.xml") { read.append($0) }
        return read
    }

    static func refusal(_ xml: String) -> IATIReadError? {
        do {
            _ = try read(xml)
            return nil
        } catch let error as IATIReadError {
            return error
        } catch {
            Issue.record("not a read error: \(error)")
            return nil
        }
    }

    @Test func aVersion1FileIsReadInTheNumbersOf2() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <iati-activities version="1.05">
             <iati-activity default-currency="USD">
              <iati-identifier>GB-1-OLD</iati-identifier>
              <reporting-org ref="GB-1" type="21">Old NGO</reporting-org>
              <participating-org role="Implementing" ref="VN-PARTNER">Partner in Hà Giang</participating-org>
              <title>Clean water</title>
              <activity-status code="4">Completion</activity-status>
              <activity-date type="start-actual" iso-date="2012-01-01"/>
              <activity-date type="end-actual" iso-date="2014-06-30"/>
              <recipient-country code="VN"/>
              <sector vocabulary="DAC" code="14030" percentage="60"/>
              <sector vocabulary="DAC-3" code="140" percentage="40"/>
              <location>
               <name>Hà Giang</name>
               <coordinates latitude="22.82" longitude="104.98" precision="3"/>
              </location>
              <transaction>
               <transaction-type code="D"/>
               <value value-date="2012-02-01">2500.50</value>
              </transaction>
             </iati-activity>
            </iati-activities>
            """
        let activity = try #require(try Self.read(xml).first)
        #expect(activity.version == "1.05")
        #expect(activity.reporter?.name == "Old NGO")
        #expect(activity.participants.first?.role == "4")
        #expect(activity.participants.first?.name == "Partner in Hà Giang")
        #expect(activity.title == "Clean water")
        #expect(activity.dates == ["2": "2012-01-01", "4": "2014-06-30"])
        #expect(activity.sectors.map(\.vocabulary) == ["1", "2"])
        #expect(activity.locations.first?.name == "Hà Giang")
        #expect(activity.locations.first?.latitude == 22.82 && activity.locations.first?.longitude == 104.98)
        #expect(activity.transactions.first?.type == "3")
        #expect(activity.transactions.first?.value == .init(amount: 2500.5, currency: "USD", valueDate: "2012-02-01"))
    }

    @Test func aPointsPositionIsLatitudeThenLongitude() throws {
        let xml = """
            <iati-activities version="2.03"><iati-activity><iati-identifier>XM-1</iati-identifier>
            <location><name><narrative xml:lang="vi">Cao Bằng</narrative><narrative xml:lang="en">Cao Bang</narrative></name>
            <administrative vocabulary="G1" level="1" code="1586185"/>
            <point srsName="http://www.opengis.net/def/crs/EPSG/0/4326"><pos>22.6666 106.25</pos></point></location>
            </iati-activity></iati-activities>
            """
        let location = try #require(try Self.read(xml).first?.locations.first)
        #expect(location.name == "Cao Bang", "English first")
        #expect(location.latitude == 22.6666 && location.longitude == 106.25)
        #expect(location.administrative == [.init(vocabulary: "G1", level: "1", code: "1586185")])
    }

    @Test func aDocumentTypeDeclarationIsRefusedBeforeAnythingIsRead() throws {
        let xml = """
            <?xml version="1.0"?>
            <!-- a comment -->
            <!DOCTYPE iati-activities [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <iati-activities version="2.03"><iati-activity><iati-identifier>&secret;</iati-identifier></iati-activity></iati-activities>
            """
        var seen = 0
        do {
            try IATIReader.read(bytes: Array(xml.utf8), name: "xxe.xml") { _ in seen += 1 }
            Issue.record("a DTD was read")
        } catch let error as IATIReadError {
            #expect(error.line == 3)
            #expect(error.description.hasPrefix("xxe.xml line 3, column 1: a document type declaration"), "\(error)")
            #expect(!error.description.contains("root:"), "nothing of the server's file")
        }
        #expect(seen == 0)
    }

    @Test func aFileThatIsNotOneOfActivitiesSaysSo() throws {
        let error = try #require(Self.refusal("<iati-organisations version=\"2.03\"></iati-organisations>"))
        #expect(error.description.contains("<iati-activities>"), "\(error)")
    }

    @Test func brokenXMLIsToldWithItsLineColumnAndActivity() throws {
        let xml =
            "<iati-activities version=\"2.03\">\n<iati-activity>\n<iati-identifier>GB-1-X</iati-identifier>\n<title><narrative>ok</title>\n</iati-activity></iati-activities>"
        let error = try #require(Self.refusal(xml))
        #expect(error.line == 4, "\(error)")
        #expect(error.activity == "GB-1-X")
        #expect(error.description.contains("not well-formed XML (an end tag does not match"), "\(error)")
    }

    @Test func anAmountThatIsNotANumberNamesTheActivityAndElement() throws {
        let xml = """
            <iati-activities version="2.03"><iati-activity default-currency="EUR"><iati-identifier>NL-1-A</iati-identifier>
            <budget><period-start iso-date="2021-01-01"/><period-end iso-date="2021-12-31"/>
            <value value-date="2021-01-01">EUR 1,000</value></budget></iati-activity></iati-activities>
            """
        let error = try #require(Self.refusal(xml))
        #expect(error.activity == "NL-1-A")
        #expect(error.element == "value")
        #expect(error.description.contains("'EUR 1,000' is not an amount"), "\(error)")
        #expect(error.text(.vi).contains("không phải là số tiền"))
    }

    @Test func anActivityWithoutAnIdentifierIsRefused() throws {
        let error = try #require(
            Self.refusal(
                "<iati-activities version=\"2.03\">\n<iati-activity>\n<title/>\n</iati-activity></iati-activities>"))
        #expect(error.description.contains("line 2 has no <iati-identifier>"), "\(error)")
    }
}
