/// Writes IATI 2.03 activity files: elements in the order the schema binds, text escaped for
/// XML, characters XML 1.0 cannot hold left out. No timestamp is written, so that the same
/// registry always gives the same bytes.
package enum IATIWriter {
    package struct Organisation: Sendable {
        package var ref: String?
        package var type: String?
        package var role: String?
        package var name: String

        package init(ref: String?, type: String?, role: String? = nil, name: String) {
            self.ref = ref
            self.type = type
            self.role = role
            self.name = name
        }
    }

    package struct Activity: Sendable {
        package var identifier: String
        package var reporter: Organisation
        package var title: String
        package var description: String
        package var participants: [Organisation]
        /// ActivityStatus code.
        package var status: String
        /// ActivityDateType code and ISO date, in order.
        package var dates: [(type: String, date: String)]
        /// Province names and their centres.
        package var locations: [(name: String, latitude: Double, longitude: Double)]
        /// DAC 5-digit codes and their shares (summing to 100).
        package var sectors: [(code: String, percentage: Double)]

        package init(
            identifier: String, reporter: Organisation, title: String, description: String,
            participants: [Organisation], status: String, dates: [(type: String, date: String)],
            locations: [(name: String, latitude: Double, longitude: Double)],
            sectors: [(code: String, percentage: Double)]
        ) {
            self.identifier = identifier
            self.reporter = reporter
            self.title = title
            self.description = description
            self.participants = participants
            self.status = status
            self.dates = dates
            self.locations = locations
            self.sectors = sectors
        }
    }

    package static func document(_ activities: [Activity]) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<iati-activities version=\"2.03\">\n"
        for activity in activities { write(activity, into: &out) }
        out += "</iati-activities>\n"
        return out
    }

    private static func write(_ activity: Activity, into out: inout String) {
        out += " <iati-activity xml:lang=\"en\" default-currency=\"USD\">\n"
        out += "  <iati-identifier>\(text(activity.identifier))</iati-identifier>\n"
        organisation("reporting-org", activity.reporter, into: &out)
        out += "  <title>\(narrative(activity.title))</title>\n"
        out += "  <description type=\"1\">\(narrative(activity.description))</description>\n"
        for participant in activity.participants { organisation("participating-org", participant, into: &out) }
        out += "  <activity-status code=\"\(attribute(activity.status))\"/>\n"
        for date in activity.dates {
            out += "  <activity-date type=\"\(attribute(date.type))\" iso-date=\"\(attribute(date.date))\"/>\n"
        }
        out += "  <recipient-country code=\"VN\" percentage=\"100\"/>\n"
        for location in activity.locations {
            out += "  <location>\n   <name>\(narrative(location.name))</name>\n"
            out += "   <point srsName=\"http://www.opengis.net/def/crs/EPSG/0/4326\">"
            out += "<pos>\(location.latitude) \(location.longitude)</pos></point>\n  </location>\n"
        }
        for sector in activity.sectors {
            out +=
                "  <sector vocabulary=\"1\" code=\"\(attribute(sector.code))\" percentage=\"\(number(sector.percentage))\"/>\n"
        }
        out += " </iati-activity>\n"
    }

    private static func organisation(_ element: String, _ organisation: Organisation, into out: inout String) {
        out += "  <\(element)"
        if let ref = organisation.ref { out += " ref=\"\(attribute(ref))\"" }
        if let role = organisation.role { out += " role=\"\(attribute(role))\"" }
        if let type = organisation.type { out += " type=\"\(attribute(type))\"" }
        out += ">\(narrative(organisation.name))</\(element)>\n"
    }

    private static func narrative(_ value: String) -> String { "<narrative>\(text(value))</narrative>" }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// Text content: markup escaped; a CR kept as a reference (a parser would make a CR LF of it).
    static func text(_ value: String) -> String { escaped(value, inAttribute: false) }

    /// An attribute's value: quotes escaped too, and line ends and tabs as references (a parser
    /// would make spaces of them).
    static func attribute(_ value: String) -> String { escaped(value, inAttribute: true) }

    private static func escaped(_ value: String, inAttribute: Bool) -> String {
        var out = ""
        for scalar in value.unicodeScalars where allowed(scalar) {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "&#13;"
            case "\"" where inAttribute: out += "&quot;"
            case "\n" where inAttribute: out += "&#10;"
            case "\t" where inAttribute: out += "&#9;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// XML 1.0's characters: tab, line ends, and everything from space up except the surrogates
    /// (Swift has none) and U+FFFE, U+FFFF.
    private static func allowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
