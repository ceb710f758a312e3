import NGOMatchCore
import NGOMatchService

/// The links in the page header, by who is signed in.
enum Navigation {
    struct Link: PageConvertible {
        let href: String
        let label: String
        let current: Bool

        var pageValue: PageValue { .record(["href": .text(href), "label": .text(label), "current": .flag(current)]) }
    }

    static func links(for session: WebSession?, language: Language, path: String, unread: Int? = nil) -> [Link] {
        let all = links(session, language: language, path: path)
        // A person signed in by e-mail has an inbox, its unread count in the header.
        guard let unread, session?.caller.personID != nil else { return all }
        let label =
            unread > 0 ? WebText.text("navInboxUnread", language, "\(unread)") : WebText.text("navInbox", language)
        return all + [Link(href: "/inbox", label: label, current: path == "/inbox")]
    }

    private static func links(_ session: WebSession?, language: Language, path: String) -> [Link] {
        func link(_ href: String, _ key: String) -> Link {
            Link(href: href, label: WebText.text(key, language), current: path == href)
        }
        guard let session else { return [link("/signin", "navSignIn")] }
        if case .anonymous = session.caller { return [link("/signin", "navSignIn")] }
        switch session.caller.role {
        case .province?:
            return [
                link("/needs", "navMyNeeds"), link("/needs/new", "registerNeed"), link("/interest", "navInterest"),
                link("/pipeline", "navPipeline"), link("/reports", "navReports"), link("/events", "navEvents"),
                link("/people", "navPeople"),
            ]
        case .ngo(let id)?:
            return [
                link("/ngos/\(id)", "navProfile"), link("/ngos/\(id)/needs", "navServe"),
                link("/ngos/\(id)/new", "navNew"), link("/interest", "navInterest"), link("/pipeline", "navPipeline"),
                link("/reports", "navReports"), link("/events", "navEvents"), link("/people", "navPeople"),
            ]
        case .ministry?, nil:
            return [
                link("/dashboard", "navDashboard"), link("/needs", "navNeeds"), link("/ngos", "navNGOs"),
                link("/pipeline", "navPipeline"), link("/reports", "navReports"), link("/interest", "navInterest"),
                link("/events", "navEvents"), link("/people", "navPeople"), link("/admin/import", "navImport"),
                link("/admin/tokens", "navAdmin"),
            ]
        }
    }

    static func who(
        _ caller: Caller, personName: String? = nil, reference: ReferenceData, ngoName: (NGOID) -> String?,
        language: Language
    ) -> String? {
        switch caller {
        case .anonymous: nil
        case .person(_, let role, _):
            switch role {
            case .ministry: WebText.text("whoPersonMinistry", language, personName ?? "")
            case .province(let id):
                WebText.text(
                    "whoPerson", language, personName ?? "", reference.provinces[id]?.name.vi ?? id.rawValue)
            case .ngo(let id): WebText.text("whoPerson", language, personName ?? "", ngoName(id) ?? id.rawValue)
            }
        case .local: WebText.text("whoMinistry", language)
        case .token(_, .ministry): WebText.text("whoMinistryToken", language)
        case .token(_, .province(let id)):
            WebText.text("whoProvince", language, reference.provinces[id]?.name.vi ?? id.rawValue)
        case .token(_, .ngo(let id)): WebText.text("whoNGO", language, ngoName(id) ?? id.rawValue)
        }
    }
}
