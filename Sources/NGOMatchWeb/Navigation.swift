import NGOMatchCore
import NGOMatchService

/// The links in the page header, by who is signed in.
enum Navigation {
    struct Link {
        let href: String
        let label: String
        let current: Bool
    }

    static func links(for session: WebSession?, language: Language, path: String) -> [Link] {
        func link(_ href: String, _ key: String) -> Link {
            Link(href: href, label: WebText.text(key, language), current: path == href)
        }
        guard let session else { return [link("/signin", "navSignIn")] }
        switch session.caller {
        case .anonymous: return [link("/signin", "navSignIn")]
        case .token(_, .province):
            return [link("/needs", "navMyNeeds"), link("/needs/new", "registerNeed"), link("/events", "navEvents")]
        case .token(_, .ngo(let id)):
            return [
                link("/ngos/\(id)", "navProfile"), link("/ngos/\(id)/needs", "navServe"),
                link("/ngos/\(id)/new", "navNew"), link("/events", "navEvents"),
            ]
        case .local, .token(_, .ministry):
            return [
                link("/dashboard", "navDashboard"), link("/needs", "navNeeds"), link("/ngos", "navNGOs"),
                link("/events", "navEvents"), link("/admin/import", "navImport"), link("/admin/tokens", "navAdmin"),
            ]
        }
    }

    static func who(
        _ caller: Caller, reference: ReferenceData, ngoName: (NGOID) -> String?, language: Language
    ) -> String? {
        switch caller {
        case .anonymous: nil
        case .local: WebText.text("whoMinistry", language)
        case .token(_, .ministry): WebText.text("whoMinistryToken", language)
        case .token(_, .province(let id)):
            WebText.text("whoProvince", language, reference.provinces[id]?.name.vi ?? id.rawValue)
        case .token(_, .ngo(let id)): WebText.text("whoNGO", language, ngoName(id) ?? id.rawValue)
        }
    }
}
