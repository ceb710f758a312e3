import Foundation
import FoundationXML
import NGOMatchCore

/// The XML parser's delegate: builds one activity from the elements inside an
/// `iati-activity`, hands it on at its end tag, and forgets it.
final class IATIActivityBuilder: NSObject, XMLParserDelegate {
    let file: String
    let each: (IATIActivity) throws -> Void
    private(set) var failure: IATIReadError?
    private(set) var sawRoot = false
    private(set) var path: [String] = []
    private(set) var activity: IATIActivity?

    private var rootVersion = "2.03"
    private var text = ""
    /// The narratives of the element whose name or title is being read, with their languages.
    private var narratives: [(language: String?, text: String)] = []
    private var organisation = IATIActivity.Organisation()
    private var location = IATIActivity.Location()
    private var budget: (start: String?, end: String?)?
    private var transaction: IATIActivity.Transaction?
    private var money: IATIActivity.Money?

    init(file: String, each: @escaping (IATIActivity) throws -> Void) {
        self.file = file
        self.each = each
    }

    private var version1: Bool { IATICodes.isVersion1(activity?.version ?? rootVersion) }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        path.append(name)
        text = ""
        if path.count == 1 {
            guard name == "iati-activities" else {
                fail(parser, .key("iati.notActivities"))
                return
            }
            sawRoot = true
            rootVersion = attributes["version"] ?? rootVersion
            return
        }
        if name == "iati-activity" {
            guard path.count == 2 else { return }
            // d-portal notes the version the activity was first published in.
            let version = attributes["iati-activities:version"] ?? rootVersion
            var started = IATIActivity(identifier: "", version: version, line: parser.lineNumber)
            started.defaultCurrency = attributes["default-currency"]
            activity = started
            return
        }
        guard activity != nil else { return }
        start(name, attributes, parser)
    }

    private func start(_ name: String, _ attributes: [String: String], _ parser: XMLParser) {
        let parent = path.count >= 2 ? path[path.count - 2] : ""
        switch name {
        case "reporting-org", "participating-org":
            narratives = []
            organisation = IATIActivity.Organisation(
                ref: nonEmpty(attributes["ref"]), type: nonEmpty(attributes["type"]),
                role: IATICodes.organisationRole(nonEmpty(attributes["role"])),
                secondaryReporter: attributes["secondary-reporter"] == "1" || attributes["secondary-reporter"] == "true"
            )
        case "title" where parent == "iati-activity", "name" where parent == "location":
            narratives = []
        case "narrative":
            break
        case "activity-status":
            activity?.status = nonEmpty(attributes["code"])
        case "activity-date":
            if let type = IATICodes.activityDateType(nonEmpty(attributes["type"])),
                let date = nonEmpty(attributes["iso-date"])
            {
                activity?.dates[type] = date
            }
        case "sector" where parent == "iati-activity" || parent == "transaction":
            guard let code = nonEmpty(attributes["code"]) else { return }
            let sector = IATIActivity.Sector(
                vocabulary: IATICodes.sectorVocabulary(nonEmpty(attributes["vocabulary"]), version1: version1),
                code: code, percentage: attributes["percentage"].flatMap(Double.init))
            if parent == "transaction" { transaction?.sectors.append(sector) } else { activity?.sectors.append(sector) }
        case "recipient-country" where parent == "iati-activity":
            guard let code = nonEmpty(attributes["code"]) else { return }
            activity?.countries.append(.init(code: code, percentage: attributes["percentage"].flatMap(Double.init)))
        case "location" where parent == "iati-activity":
            location = IATIActivity.Location()
        case "administrative" where parent == "location":
            // 1.0x gives the country and first level as attributes of their own.
            location.administrative.append(
                .init(
                    vocabulary: nonEmpty(attributes["vocabulary"]), level: nonEmpty(attributes["level"]),
                    code: nonEmpty(attributes["code"]) ?? nonEmpty(attributes["adm1"])))
        case "coordinates" where parent == "location":
            location.latitude = attributes["latitude"].flatMap(Double.init)
            location.longitude = attributes["longitude"].flatMap(Double.init)
        case "budget" where parent == "iati-activity":
            budget = (nil, nil)
            money = nil
        case "period-start" where parent == "budget":
            budget?.start = nonEmpty(attributes["iso-date"])
        case "period-end" where parent == "budget":
            budget?.end = nonEmpty(attributes["iso-date"])
        case "transaction" where parent == "iati-activity":
            transaction = IATIActivity.Transaction()
            money = nil
        case "transaction-type" where parent == "transaction":
            transaction?.type = IATICodes.transactionType(nonEmpty(attributes["code"]))
        case "transaction-date" where parent == "transaction":
            transaction?.date = nonEmpty(attributes["iso-date"])
        case "value" where parent == "budget" || parent == "transaction":
            money = IATIActivity.Money(
                amount: 0, currency: nonEmpty(attributes["currency"]) ?? activity?.defaultCurrency,
                valueDate: nonEmpty(attributes["value-date"]))
        default:
            break
        }
        if name == "narrative" { narrativeLanguage = attributes["xml:lang"] }
    }

    private var narrativeLanguage: String?

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        defer {
            path.removeLast()
            text = ""
        }
        guard failure == nil, activity != nil else { return }
        let parent = path.count >= 2 ? path[path.count - 2] : ""
        let content = text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch name {
        case "iati-activity" where path.count == 2:
            finish(parser)
        case "iati-identifier" where parent == "iati-activity":
            activity?.identifier = content
        case "narrative":
            if !content.isEmpty { narratives.append((narrativeLanguage, content)) }
        case "reporting-org" where parent == "iati-activity":
            organisation.name = chosenName(own: content)
            activity?.reporter = organisation
        case "participating-org" where parent == "iati-activity":
            organisation.name = chosenName(own: content)
            activity?.participants.append(organisation)
        case "title" where parent == "iati-activity":
            activity?.title = chosenName(own: content)
        case "name" where parent == "location":
            location.name = chosenName(own: content)
        case "pos" where parent == "point":
            let parts = content.split(whereSeparator: \.isWhitespace).compactMap { Double($0) }
            if parts.count == 2 {
                location.latitude = parts[0]
                location.longitude = parts[1]
            }
        case "location" where parent == "iati-activity":
            activity?.locations.append(location)
        case "value" where parent == "budget" || parent == "transaction":
            guard let amount = Double(content) else {
                fail(parser, .key("iati.badAmount", content))
                return
            }
            money?.amount = amount
            if parent == "transaction" { transaction?.value = money }
        case "budget" where parent == "iati-activity":
            if let money, let budget {
                activity?.budgets.append(.init(periodStart: budget.start, periodEnd: budget.end, value: money))
            }
            budget = nil
        case "transaction" where parent == "iati-activity":
            if let transaction { activity?.transactions.append(transaction) }
            transaction = nil
        default:
            break
        }
    }

    /// The first fault libxml2 reports (on Linux `parse()` may still return true after one).
    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        fail(parser, .key("iati.malformed", Self.fault((parseError as NSError).code)))
    }

    /// libxml2's names for the faults a hand-edited file most often has (`xmlParserErrors`).
    private static func fault(_ code: Int) -> Phrase {
        switch code {
        case 4: .key("iati.fault.empty")
        case 5: .key("iati.fault.afterRoot")
        case 9: .key("iati.fault.character")
        case 41: .key("iati.fault.attributeValue")
        case 73, 77: .key("iati.fault.unclosedTag")
        case 76: .key("iati.fault.mismatch")
        default: .key("iati.fault.other", code)
        }
    }

    private func finish(_ parser: XMLParser) {
        guard let finished = activity else { return }
        activity = nil
        guard !finished.identifier.isEmpty else {
            fail(parser, .key("iati.noIdentifier", finished.line))
            return
        }
        do {
            try each(finished)
        } catch let error as IATIReadError {
            failure = error
            parser.abortParsing()
        } catch {
            failure = IATIReadError(
                file: file, line: finished.line, column: 1, activity: finished.identifier, problem: .of(error))
            parser.abortParsing()
        }
    }

    /// English when the element has a narrative in it, else its first narrative; a 1.0x
    /// element's own text when it has none.
    private func chosenName(own: String) -> String? {
        defer { narratives = [] }
        if let english = narratives.first(where: { $0.language?.lowercased().hasPrefix("en") == true }) {
            return english.text
        }
        return narratives.first?.text ?? nonEmpty(own)
    }

    private func nonEmpty(_ value: String?) -> String? {
        guard let value = value?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    private func fail(_ parser: XMLParser, _ problem: Phrase) {
        guard failure == nil else { return }
        failure = IATIReadError(
            file: file, line: parser.lineNumber, column: parser.columnNumber, activity: activity?.identifier,
            element: path.last, problem: problem)
        parser.abortParsing()
    }
}
