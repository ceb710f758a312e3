import NGOMatchCore
import NGOMatchStore

/// Who is calling an operation, and so what they may change.
package enum Caller: Sendable, Hashable, Codable {
    /// The local user: the CLI, or a client on stdio. Trusted.
    case local(String)
    /// A client that presented a token: it may write what its role may.
    case token(id: String, role: Role)
    /// A person signed in by e-mail: their organisation's role, within their rights.
    case person(id: String, role: Role, rights: PersonRights)
    /// A client on a server that requires tokens, before it authenticated.
    case anonymous

    /// Who to name in the audit trail.
    package var actor: String {
        switch self {
        case .local(let name): name
        case .token(let id, let role): "token:\(id) (\(role))"
        case .person(let id, let role, _): "person:\(id) (\(role))"
        case .anonymous: "anonymous"
        }
    }

    /// The organisation the caller acts for; nil for the local user and before signing in.
    package var role: Role? {
        switch self {
        case .token(_, let role), .person(_, let role, _): role
        case .local, .anonymous: nil
        }
    }

    /// The local user, or anyone acting for the ministry: they see everything.
    package var seesEverything: Bool {
        switch self {
        case .local: true
        default: role == .ministry
        }
    }

    /// The door a change came through, for the pipeline's history: the local user's name for
    /// it (`cli`, `stdio`, `tcp`, `mcp`, `web`), `web` for a person (people sign in there),
    /// `token` for a client that presented one.
    package var door: String {
        switch self {
        case .local(let name): name
        case .person: "web"
        case .token: "token"
        case .anonymous: "anonymous"
        }
    }

    func audit(_ method: String) -> AuditEntry { AuditEntry(actor: actor, method: method) }

    /// The role a write is judged by: nil for the local user, who may write anything.
    /// - Throws: `unauthorized` before signing in; `forbidden` for a person who may only read.
    func writer(_ method: String) throws -> Role? {
        switch self {
        case .local: return nil
        case .token(_, let role): return role
        case .person(_, let role, let rights):
            guard rights >= .edit else {
                throw ServiceError.forbidden(.key("people.readOnly", method, role.description))
            }
            return role
        case .anonymous: throw ServiceError.unauthorized
        }
    }

    /// Whether the caller may write at all: signed in, with more than the right to read.
    package var mayWrite: Bool {
        do {
            _ = try writer("")
            return true
        } catch {
            return false
        }
    }

    /// - Throws: `ServiceError.forbidden` unless the caller may write needs of `province`.
    func mayWriteNeed(of province: ProvinceID, _ method: String) throws {
        switch try writer(method) {
        case nil, .ministry: return
        case .province(let own) where own == province: return
        case let role?:
            throw ServiceError.forbidden(.key("forbidden.needsOf", method, role.description, province.rawValue))
        }
    }

    /// - Throws: `ServiceError.forbidden` unless the caller may write the profile of `ngo`.
    func mayWriteNGO(_ ngo: NGOID?, _ method: String) throws {
        switch try writer(method) {
        case nil, .ministry: return
        case .ngo(let own) where ngo == nil || own == ngo: return
        case let role?:
            throw ServiceError.forbidden(.key("forbidden.ngo", method, role.description, ngo?.rawValue ?? "—"))
        }
    }

    /// - Throws: `ServiceError.forbidden` unless the caller is the ministry (or the local user).
    func mayHandle(_ matter: MinistryMatter, _ method: String) throws {
        switch try writer(method) {
        case nil, .ministry: return
        case let role?: throw ServiceError.forbidden(.key(matter.rawValue, method, role.description))
        }
    }

    /// Partnerships concern a need and an NGO: the province or the NGO may record them.
    func mayRecordPartnership(province: ProvinceID, ngo: NGOID, _ method: String) throws {
        switch try writer(method) {
        case nil, .ministry: return
        case .province(let own) where own == province: return
        case .ngo(let own) where own == ngo: return
        case let role?:
            throw ServiceError.forbidden(
                .key("forbidden.partnership", method, role.description, province.rawValue, ngo.rawValue))
        }
    }
}

/// What only the ministry does, each refused in words of its own.
enum MinistryMatter: String {
    /// Rule sets change how everyone is ranked.
    case ruleSets = "forbidden.rules"
    /// Imports, exports and backups cross every province and NGO.
    case wholeRegistry = "forbidden.registry"
    /// Tokens decide who may write anything.
    case tokens = "forbidden.tokens"
    /// The audit trail names every token and what it did.
    case auditTrail = "forbidden.audit"
    /// The outbox holds every address told anything.
    case outbox = "forbidden.outbox"
    /// How long requests wait and how many may be open: the same for every organisation.
    case interestSettings = "forbidden.interestSettings"
    /// The approval checklist decides what every pair must show.
    case checklist = "forbidden.checklist"
    /// From when reports count as late: the same for every NGO.
    case reporting = "forbidden.reportingSince"
}

extension MatchService {
    /// The token's id and role, or nil when no such token is in use.
    package func role(ofToken token: String) throws -> (id: String, role: Role)? {
        try registry.role(ofToken: token)
    }
}

/// Errors of the operations layer itself.
package enum ServiceError: Error, Hashable, Sendable, CustomStringConvertible {
    case unauthorized
    case forbidden(Phrase)
    /// Parameters of the wrong shape: the field and what was expected.
    case invalidParams(field: String, expected: Phrase)

    package var description: String { text(.en) }
}

extension ServiceError: Readable {
    package var phrase: Phrase {
        switch self {
        case .unauthorized: .key("service.unauthorized")
        case .forbidden(let phrase): phrase
        case .invalidParams(let field, let expected):
            field.isEmpty ? expected : .sequence([.verbatim(field + ": "), expected])
        }
    }
}
