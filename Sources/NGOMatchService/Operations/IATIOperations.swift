import NGOMatchCore

package struct IATIImportParams: OperationParams {
    package struct File: Codable, Sendable {
        package let name: String
        /// The file's XML text.
        package let content: String

        package init(name: String, content: String) {
            self.name = name
            self.content = content
        }
    }

    package static let parameters = [
        Parameter("files", .objectList, required: true, "The IATI activity files, each {name, content: its XML}."),
        Parameter("checkOnly", .boolean, "Say what importing would do, and write nothing."),
    ]
    package var files: [File]
    package var checkOnly: Bool?
    /// The reasons' language, as every door takes it.
    package var lang: Language?

    package init(files: [File], checkOnly: Bool? = nil, lang: Language? = nil) {
        self.files = files
        self.checkOnly = checkOnly
        self.lang = lang
    }
}

package enum IATIImportOperation: ServiceOperation {
    package static let name = "iati.import"
    package static let command = "iati import"
    package static let access = Access.write("the ministry; an NGO for the activities it published or implemented")
    package static let cost = OperationEntry.Cost.lengthy
    package static let summary = "Reads IATI activity files into NGOs' track records."
    package static let guidance =
        "Reads IATI activity files (1.0x to 2.03), all or nothing: each activity in Viet Nam published by an NGO becomes the track record of the registry NGO whose IATI organisation identifier (iatiOrganisation) publishes or implements it, with its sectors (DAC codes), provinces (points and names, former names included), years and amounts; the report says what each activity became, or why it was skipped. A later version of an activity replaces the earlier."
    package static let example =
        #"{"files":[{"name":"mcnv.xml","content":"<iati-activities version=\"2.03\"><iati-activity><iati-identifier>NL-KVK-41149486-VN1</iati-identifier><reporting-org ref=\"NL-KVK-41149486\" type=\"21\"><narrative>MCNV</narrative></reporting-org><recipient-country code=\"VN\"/><sector vocabulary=\"1\" code=\"12220\"/></iati-activity></iati-activities>"}],"checkOnly":true}"#
    package static let commandExample = ["iati", "import", "{file}", "--check"]
    package static func run(_ service: MatchService, _ params: IATIImportParams, caller: Caller) throws
        -> IATIImportReport
    {
        try service.importIATI(
            params.files.map { IATISource(name: $0.name, content: .bytes(Array($0.content.utf8))) },
            checkOnly: params.checkOnly ?? false, caller: caller,
            language: params.lang ?? .en)
    }
}

package struct IATIExportParams: OperationParams {
    package static let parameters = [
        Parameter("ngo", .text, "Only this NGO's partnerships, reported by it (its IATI identifier)."),
        Parameter("reporter", .text, "The reporting organisation's IATI identifier, for the whole registry."),
        Parameter("reporterName", .text, "Its name (default: the identifier)."),
    ]
    package var ngo: String?
    package var reporter: String?
    package var reporterName: String?

    package init(ngo: String? = nil, reporter: String? = nil, reporterName: String? = nil) {
        self.ngo = ngo
        self.reporter = reporter
        self.reporterName = reporterName
    }
}

/// An IATI activity file, as text.
package struct IATIExport: Encodable, Sendable {
    package let xml: String
}

package enum IATIExportOperation: ServiceOperation {
    package static let name = "iati.export"
    package static let command = "iati export"
    package static let access = Access.read
    package static let summary = "The registry's partnerships as an IATI 2.03 activity file."
    package static let guidance =
        "Writes every partnership that was not declined as an IATI 2.03 activity (the need's title, province, sectors as DAC codes and timeframe; the NGO as implementer; the status), reported by one NGO (ngo, with its IATI identifier) or, for the whole registry, by the organisation reporter names. The identifiers are the same at every export; importing the file back changes nothing."
    package static let example = #"{"reporter":"XM-EXAMPLE-1","reporterName":"Example ministry"}"#
    package static let commandExample = [
        "iati", "export", "--reporter", "XM-EXAMPLE-1", "--reporter-name", "Example ministry", "--format", "json",
    ]
    package static func run(_ service: MatchService, _ params: IATIExportParams, caller: Caller) throws -> IATIExport {
        IATIExport(
            xml: try service.exportIATI(
                ngo: params.ngo, reporter: params.reporter, reporterName: params.reporterName, caller: caller))
    }
}
