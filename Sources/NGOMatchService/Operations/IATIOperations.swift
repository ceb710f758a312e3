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
    package var lang: String?

    package init(files: [File], checkOnly: Bool? = nil, lang: String? = nil) {
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
            language: params.lang.flatMap(Language.init(rawValue:)) ?? .en)
    }
}
