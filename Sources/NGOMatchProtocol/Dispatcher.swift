import Foundation
import NGOMatchCore
import NGOMatchService
import NGOMatchStore

/// Turns one framed line into at most one reply line, whatever the line holds:
/// every malformed message gets an error reply and nothing else changes.
package struct Dispatcher: Sendable {
    package let service: MatchService
    package let hub: SubscriptionHub
    let authThrottle: AuthThrottle
    let replies = KeptReplies()
    package let log: @Sendable (String) -> Void
    /// What time it is for the token back-off and a token's look-up again: the system's clock,
    /// or one a test moves by hand.
    let authClock: @Sendable () -> ContinuousClock.Instant

    package init(
        service: MatchService, hub: SubscriptionHub = SubscriptionHub(),
        log: @escaping @Sendable (String) -> Void = { _ in },
        authClock: @escaping @Sendable () -> ContinuousClock.Instant = { .now }
    ) {
        self.service = service
        self.hub = hub
        self.log = log
        self.authClock = authClock
        authThrottle = AuthThrottle(now: authClock())
        // Subscribers hear of needs registered by any client of this service.
        service.observeRegisteredNeeds { [weak service] id in
            guard let service else { return }
            hub.needRegistered(id, service: service, log: log)
        }
        service.observeEventChanges { change in hub.eventChanged(change, log: log) }
    }

    /// How many replies are kept, for tests and benchmarks of what a write drops.
    package var keptReplyCount: Int { replies.count }

    /// Deeper than any request needs; the parser stops there rather than recursing on.
    static let maximumDepth = 64

    /// OperationTable handled here rather than in the operation table: they concern the connection.
    package static let connectionMethods = [
        "auth", "needs.subscribe", "needs.unsubscribe", "events.subscribe", "notices.subscribe",
    ]

    /// What the quick path made of a frame.
    package enum QuickOutcome: Sendable {
        /// The reply (nil for a notification), ready to send.
        case answered(Data?)
        /// The parsed message needs a thread that may wait: pass it to `handle(message:session:)`.
        case needsWork(JSONParser.Message)
    }

    /// The reply to a frame, or nil for a notification (or a batch of them).
    package func handle(_ frame: LineFramer.Frame, session: Session) -> Data? {
        switch handleQuickly(frame, session: session) {
        case .answered(let reply): reply
        case .needsWork(let message): handle(message: message, session: session)
        }
    }

    /// Answers what needs neither the registry nor much CPU: malformed lines, pings,
    /// and reads whose result is cached at a revision that can be trusted. A server
    /// calls this on its network thread and sends the rest to its workers.
    package func handleQuickly(_ frame: LineFramer.Frame, session: Session) -> QuickOutcome {
        let bytes: [UInt8]
        switch frame {
        case .tooLong:
            return .answered(
                Envelope.error(
                    id: .null,
                    RPCError(
                        code: RPCError.invalidRequest,
                        message:
                            "invalid request: the line is longer than the server's limit; it was discarded up to its newline"
                    )))
        case .line(let line): bytes = line
        }
        let message: JSONParser.Message
        do {
            message = try JSONParser.parseMessage(bytes, maximumDepth: Self.maximumDepth)
        } catch {
            return .answered(
                Envelope.error(
                    id: .null,
                    RPCError(
                        code: RPCError.parseError, message: "parse error: not valid JSON: \(error.reason)",
                        data: .object(["column": .number(Double(error.column))]))))
        }
        do throws(WouldWait) {
            return .answered(try reply(to: message, session: session, waiting: false))
        } catch {
            return .needsWork(message)
        }
    }

    /// Whether the message is a single call of a quick write (`Method.isQuickWrite`): a server
    /// runs those apart from the reads, so a write never waits behind every read queued before it.
    package func isQuickWrite(_ message: JSONParser.Message) -> Bool {
        guard case .object(let fields) = message.value, case .string(let name)? = fields["method"] else { return false }
        return OperationTable.byName[name]?.isQuickWrite ?? false
    }

    /// The reply to a parsed message, running whatever it asks.
    package func handle(message: JSONParser.Message, session: Session) -> Data? {
        do throws(WouldWait) {
            return try reply(to: message, session: session, waiting: true)
        } catch {
            preconditionFailure("a call that may wait never reports that it would")
        }
    }

    /// Thrown on the quick path when the answer needs the registry or real work.
    struct WouldWait: Error {}

    private func reply(to message: JSONParser.Message, session: Session, waiting: Bool) throws(WouldWait) -> Data? {
        switch message.value {
        case .array(let batch):
            guard !batch.isEmpty else {
                return Envelope.error(
                    id: .null, RPCError(code: RPCError.invalidRequest, message: "invalid request: empty batch"))
            }
            guard waiting else { throw WouldWait() }
            let replies = batch.enumerated().compactMap {
                try? request(.init($0.element, idText: message.numberIDs[$0.offset]), session: session, waiting: true)
            }
            guard !replies.isEmpty else { return nil }
            var line = Data("[".utf8)
            for (index, reply) in replies.enumerated() {
                if index > 0 { line.append(UInt8(ascii: ",")) }
                line.append(reply)
            }
            line.append(UInt8(ascii: "]"))
            return line
        case .object:
            return try request(.init(message.value, idText: message.numberIDs[0]), session: session, waiting: waiting)
        default:
            return Envelope.error(
                id: .null,
                RPCError(
                    code: RPCError.invalidRequest,
                    message: "invalid request: a message must be a JSON object or an array of them"))
        }
    }

    private struct Request {
        let value: JSONValue
        /// The exact text of a number id.
        let idText: String?
        init(_ value: JSONValue, idText: String?) {
            self.value = value
            self.idText = idText
        }
    }

    private func request(_ request: Request, session: Session, waiting: Bool) throws(WouldWait) -> Data? {
        guard case .object(let fields) = request.value else {
            return Envelope.error(
                id: .null, RPCError(code: RPCError.invalidRequest, message: "invalid request: not an object"))
        }
        let isNotification = fields["id"] == nil
        guard let id = RequestID(fields["id"], numberText: request.idText) else {
            return Envelope.error(
                id: .null,
                RPCError(
                    code: RPCError.invalidRequest, message: "invalid request: 'id' must be a string, a number or null"))
        }
        func fail(_ error: RPCError) -> Data? { isNotification ? nil : Envelope.error(id: id, error) }
        // Without "jsonrpc" and a method it is no request at all, so not a notification either: it gets its error.
        guard fields["jsonrpc"] == .string("2.0") else {
            return Envelope.error(
                id: id, RPCError(code: RPCError.invalidRequest, message: "invalid request: 'jsonrpc' must be \"2.0\""))
        }
        guard case .string(let name)? = fields["method"] else {
            return Envelope.error(
                id: id, RPCError(code: RPCError.invalidRequest, message: "invalid request: 'method' must be a string"))
        }
        let params = fields["params"]
        if let params {
            switch params {
            case .object: break
            case .null:
                return fail(
                    RPCError(
                        code: RPCError.invalidRequest,
                        message: "invalid request: 'params' is null; leave it out, or give an object",
                        data: .object(["field": .string("params"), "expected": .string("an object")])))
            case .array:
                return fail(
                    RPCError(
                        code: RPCError.invalidParams, message: "invalid params: give params by name, as an object",
                        data: .object(["field": .string("params"), "expected": .string("an object")])))
            default:
                return fail(
                    RPCError(code: RPCError.invalidRequest, message: "invalid request: 'params' must be an object"))
            }
        }
        // Errors speak the request's language when it names one; codes and data never change.
        var language = Language.en
        if case .string(let lang)? = params?["lang"], let chosen = Language(rawValue: lang) { language = chosen }
        // A token revoked since `auth` stops working within a second; the look-up is a read,
        // so it waits off the event loop.
        if session.needsVerifying(now: authClock()), name != "ping", name != "auth" {
            guard waiting else { throw WouldWait() }
            session.verified(service.currentCaller(session.caller), now: authClock())
        }
        if session.requiresAuth, session.caller == .anonymous, name != "ping", name != "auth" {
            return fail(RPCError.from(ServiceError.unauthorized, language: language))
        }
        do {
            let result: Data
            if Self.connectionMethods.contains(name) {
                guard waiting else { throw WouldWait() }
                result = try connectionMethod(name, params, session: session)
            } else if let method = OperationTable.byName[name] {
                if method.isWrite, session.caller == .anonymous { throw ServiceError.unauthorized }
                result = try run(method, params, caller: session.caller, waiting: waiting)
            } else {
                let known = OperationTable.all.map(\.name) + Self.connectionMethods
                return fail(
                    RPCError(
                        code: RPCError.methodNotFound,
                        message: Phrase.sequence([
                            .key("rpc.methodNotFound", name), Suggestions.phrase(for: name, among: known),
                        ]).text(language),
                        data: .object(["method": .string(name)])))
            }
            return isNotification ? nil : Envelope.result(id: id, result)
        } catch let wait as WouldWait {
            throw wait
        } catch {
            return fail(RPCError.from(error, language: language, log: log))
        }
    }

    /// Runs a method, or answers a read from the replies kept at the registry's revision. On
    /// the quick path (not `waiting`) only what needs neither the registry nor real work.
    private func run(_ method: OperationEntry, _ params: JSONValue?, caller: Caller, waiting: Bool) throws -> Data {
        switch method.cost {
        case .immediate:
            return try method.call(service, params, caller)
        case .uncached, .lengthy:
            guard waiting else { throw WouldWait() }
            return try method.call(service, params, caller)
        case .cached:
            guard let key = KeptReplies.key(method.name, params) else {
                guard waiting else { throw WouldWait() }
                return try method.call(service, params, caller)
            }
            guard waiting else {
                guard let revision = service.trustedRevision(),
                    let kept = replies.result(for: key, at: revision, service: service)
                else {
                    throw WouldWait()
                }
                return kept
            }
            let revision = try service.revision()
            if let kept = replies.result(for: key, at: revision, service: service) { return kept }
            let result = try method.call(service, params, caller)
            replies.store(result, for: key, scope: method.replyScope(params), at: revision, service: service)
            return result
        }
    }

    private static func tooSoon(_ wait: Duration, _ why: String) -> RPCError {
        let milliseconds = Int((wait / .milliseconds(1)).rounded(.up))
        return RPCError(
            code: RPCError.unauthorized, message: "unauthorized: \(why); try again in \(milliseconds) ms",
            data: .object(["retryAfterMs": .number(Double(milliseconds))]))
    }

    private func connectionMethod(_ name: String, _ params: JSONValue?, session: Session) throws -> Data {
        switch name {
        case "auth":
            let params = try AuthParams.decode(params)
            let now = authClock()
            if let wait = session.authWait(now: now) {
                throw Self.tooSoon(wait, "after a wrong token this connection must wait before trying again")
            }
            if let wait = authThrottle.mayCheck(now: now) {
                throw Self.tooSoon(wait, "the server has refused many wrong tokens just now")
            }
            guard let (id, role) = try service.role(ofToken: params.token) else {
                session.authFailed(now: now)
                authThrottle.failed()
                throw ServiceError.unauthorized
            }
            session.authenticate(as: .token(id: id, role: role), now: now)
            return Envelope.encode(.object(["role": .string(role.description), "token": .string(id)]))
        case "needs.subscribe":
            let params = try SubscribeParams.decode(params)
            let ngo = try service.ngo(NGOGetParams(ngo: params.ngo))
            if case .ngo(let own)? = session.caller.role, own != ngo.id {
                throw ServiceError.forbidden(.key("forbidden.subscribe", own.rawValue))
            }
            let minScore = params.minScore ?? 50
            guard minScore.isFinite, (0...100).contains(minScore) else {
                throw ServiceError.invalidParams(field: "minScore", expected: .key("params.zeroToHundred"))
            }
            if let rules = params.rules { _ = try service.rules(rules) }
            let id = hub.subscribe(session: session, ngo: ngo.id, minScore: minScore, rules: params.rules)
            return try StreamingJSONEncoder.encode(
                SubscribeResult(subscription: id, ngo: ngo.id.rawValue, minScore: minScore))
        case "events.subscribe":
            let params = try EventParams.decode(params)
            // Only those who may read the event follow it.
            _ = try service.event(params.event, caller: session.caller)
            let id = hub.follow(event: params.event, session: session)
            return Envelope.encode(.object(["subscription": .string(id), "event": .string(params.event)]))
        case "notices.subscribe":
            let params = try NoticesSubscribeParams.decode(params)
            // A province's or NGO's client hears its own people's notices; the ministry any organisation's.
            let asked = try params.for.map { try service.organisationRole(named: $0).description }
            let organisation: String?
            switch session.caller.role {
            case nil, .ministry?:
                if case .anonymous = session.caller { throw ServiceError.unauthorized }
                organisation = asked
            case let role?:
                if let asked, asked != role.description {
                    throw ServiceError.forbidden(.key("people.organisationOnly", "notices.subscribe", role.description))
                }
                organisation = role.description
            }
            let id = hub.followNotices(
                organisation: organisation, after: try service.registry.latestNoticeID(), session: session)
            return Envelope.encode(
                .object(["subscription": .string(id), "for": organisation.map(JSONValue.string) ?? .null]))
        default:
            let params = try UnsubscribeParams.decode(params)
            return Envelope.encode(
                .object(["unsubscribed": .bool(hub.unsubscribe(params.subscription, session: session))]))
        }
    }
}

struct AuthParams: OperationParams {
    static let parameters = [Parameter("token", .text, required: true, "A token from ngomatch tokens create.")]
    let token: String
}

struct SubscribeParams: OperationParams {
    static let parameters = [
        Parameter.ngo, Parameter("minScore", .number, "Notify of needs scoring at least this, 0–100 (default 50)."),
        Parameter.rules,
    ]
    let ngo: String
    let minScore: Double?
    let rules: String?
}

struct NoticesSubscribeParams: OperationParams {
    static let parameters = [
        Parameter(
            "for", .text,
            "Whose people's notices: ministry, province:UNIT or ngo:NGO (default: the token's own; the ministry: everyone's)."
        )
    ]
    let `for`: String?
}

struct UnsubscribeParams: OperationParams {
    static let parameters = [Parameter("subscription", .text, required: true, "The id needs.subscribe returned.")]
    let subscription: String
}

struct SubscribeResult: Encodable {
    let subscription: String
    let ngo: String
    let minScore: Double
}
