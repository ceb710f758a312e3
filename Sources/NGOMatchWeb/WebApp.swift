import Foundation
import Hummingbird
import HummingbirdAuth
import Logging
import NGOMatchCore
import NGOMatchService

/// How `ngomatch web` serves.
package struct WebOptions: Sendable {
    package var host: String
    package var port: Int
    /// Sign-in with a token required; otherwise the local user is trusted as the ministry.
    package var requiresAuth: Bool
    /// Cookies only over HTTPS, for a server behind a TLS proxy.
    package var secureCookies: Bool
    /// Sessions kept in memory at most (`SessionDriver`).
    package var sessionLimit: Int

    package init(
        host: String = "127.0.0.1", port: Int = 8080, requiresAuth: Bool = false, secureCookies: Bool = false,
        sessionLimit: Int = WebSession.limit
    ) {
        self.host = host
        self.port = port
        self.requiresAuth = requiresAuth
        self.secureCookies = secureCookies
        self.sessionLimit = sessionLimit
    }
}

/// The web app: pages for provincial planners and NGO offices over the same operations as
/// the CLI, the protocol and MCP. No SQL here; every read and write goes through `MatchService`.
package struct WebApp: Sendable {
    let service: MatchService
    let options: WebOptions
    let pages: Pages
    /// Sessions in memory, kept by hummingbird-auth under the id in each browser's cookie.
    let sessionDriver: SessionDriver
    /// The session cookie: only to this site's pages, never to a script, and over HTTPS only when asked.
    let sessionStorage: SessionStorage<WebSession>
    let visits = VisitLog()
    let signIns = SignInGuard()
    /// Sign-in mail: a few per address in any hour (each brings a code's 5 tries), and per
    /// client in any quarter of an hour.
    let mailRequestsByAddress = RequestLimiter(limit: 3, window: .seconds(60 * 60))
    let mailRequestsByClient = RequestLimiter(limit: 10, window: .seconds(15 * 60))

    package init(service: MatchService, options: WebOptions) throws {
        self.service = service
        self.options = options
        pages = try Pages()
        sessionDriver = SessionDriver(limit: options.sessionLimit) { ($0 as? WebSession)?.caller == .anonymous }
        sessionStorage = SessionStorage(
            sessionDriver,
            configuration: .init(
                sessionCookieParameters: .init(
                    name: "ngomatch_session", path: "/", secure: options.secureCookies, sameSite: .strict),
                keyPrefix: ""))
    }

    /// The application, a lifecycle service; `onRunning` hears the port it bound.
    package func application(logger: Logger, onRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        -> some ApplicationProtocol
    {
        Application(
            router: router(),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "ngomatch"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    func router() -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        router.add(
            middleware: SessionMiddleware(sessionStorage: sessionStorage, defaultSessionExpiration: WebSession.lifetime)
        )
        router.add(
            middleware: ReaderMiddleware(
                requiresAuth: options.requiresAuth, reference: service.reference,
                ngoName: { [service] id in try? service.ngo(NGOGetParams(ngo: id.rawValue)).name },
                unread: { [service] person in service.unreadCount(of: person) },
                current: { [service] caller in service.currentCaller(caller) }))
        router.add(middleware: ErrorPageMiddleware(pages: pages))
        if !options.requiresAuth { router.add(middleware: HostCheckMiddleware()) }
        StaticRoutes(pages: pages).add(to: router)
        AccountRoutes(app: self).add(to: router)
        EmailSignInRoutes(app: self).add(to: router)
        PeopleRoutes(app: self).add(to: router)
        InboxRoutes(app: self).add(to: router)
        InterestRoutes(app: self).add(to: router)
        PipelineRoutes(app: self).add(to: router)
        ReportRoutes(app: self).add(to: router)
        NeedRoutes(app: self).add(to: router)
        NeedFormRoutes(app: self).add(to: router)
        NGORoutes(app: self).add(to: router)
        NGOFormRoutes(app: self).add(to: router)
        DashboardRoutes(app: self).add(to: router)
        EventRoutes(app: self).add(to: router)
        AdminRoutes(app: self).add(to: router)
        RegistryFileRoutes(app: self).add(to: router)
        IATIRoutes(app: self).add(to: router)
        RuleRoutes(app: self).add(to: router)
        return router
    }

    func formatting(_ context: WebContext) -> Formatting {
        Formatting(language: context.language, reference: service.reference)
    }

    func text(_ key: String, _ context: WebContext, _ values: String...) -> String {
        WebText.text(key, context.language, values)
    }

    /// A submitted form whose CSRF token matches the session's.
    /// - Throws: `WebError.csrf` otherwise.
    func form(_ request: Request, _ context: WebContext) async throws -> FormData {
        let body = try await request.body.collect(upTo: 1 << 20)
        let form = FormData(String(buffer: body))
        try checkCSRF(form["csrf"], context)
        return form
    }

    /// The words for an edit form of `record` that someone saved since it was opened, nil when
    /// nobody did: the page then shows their change, keeps the reader's, and saves nothing.
    func staleness(of form: FormData, _ record: some RegisteredRecord, _ context: WebContext) -> String? {
        guard let seen = form["updatedAt"], let current = record.updatedAt, seen != current else { return nil }
        return text("staleForm", context, text("staleSaved", context, String(current.prefix(16))))
    }

    /// - Throws: `WebError.csrf` unless `token` is the session's CSRF token.
    func checkCSRF(_ token: String?, _ context: WebContext) throws {
        guard let session = context.session, let token, Secret.same(token, session.csrf) else {
            throw WebError(kind: .csrf, message: text("csrf", context))
        }
    }

    /// - Throws: a forbidden page unless the reader is the ministry (or the trusted local user).
    func ministryOnly(_ context: WebContext) throws {
        guard context.session?.isMinistry == true else {
            throw WebError(kind: .forbidden, message: text("ministryOnly", context))
        }
    }

    func query(_ request: Request) -> FormData { FormData(request.uri.query ?? "") }

    /// A one-time message for the next page the session sees ("Saved.").
    func notice(_ text: String, for context: WebContext) {
        context.sessions.withLockedSession { $0?.notice = text }
    }

    func takeNotice(_ context: WebContext) -> String? {
        context.sessions.withLockedSession { data in
            defer { if data?.notice != nil { data?.notice = nil } }
            return data?.notice
        }
    }

    /// Signs the browser in as `caller`, under a new session id so that one planted before
    /// cannot be ridden; hummingbird-auth sets the new cookie on the response.
    func signIn(_ caller: Caller, personName: String? = nil, _ request: Request, _ context: WebContext) async throws {
        if context.session != nil { _ = try? await sessionStorage.delete(request: request) }
        context.sessions.createSession(
            WebSession(caller: caller, personName: personName, notice: text("signedIn", context)),
            expiresIn: WebSession.lifetime)
    }

    /// Ends the session; hummingbird-auth forgets it and tells the browser to drop its cookie.
    func signOut(_ context: WebContext) { context.sessions.clearSession() }

    func render(
        _ template: String, title: String, _ values: PageRecord, _ request: Request, _ context: WebContext,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        pages.render(
            template, title: title, values, context: context, request: request, notice: takeNotice(context),
            status: status)
    }

    /// The 34 units by their Vietnamese names in alphabetical order, diacritics aside.
    var provincesByName: [Province] {
        service.reference.provinces.provinces.sorted { NameKey.fold($0.name.vi) < NameKey.fold($1.name.vi) }
    }

    /// An NGO's or a need's form page: its fields, with what the reader typed and each
    /// problem beside its field, and what changed since it was opened.
    func recordForm(
        _ form: FormView, _ page: RecordFormPage, updatedAt: String?, stale: String?, _ request: Request,
        _ context: WebContext, status: HTTPResponse.Status
    ) -> Response {
        var values = form.values(taxonomy: service.reference.taxonomy, language: context.language)
        values["heading"] = page.heading
        values["action"] = page.action
        values["submit"] = page.submit
        values["cancelHref"] = page.cancel
        values["updatedAt"] = updatedAt
        values["stale"] = stale
        values["sectorLegend"] = text(page.sectorLegendKey, context)
        values["sectorHint"] = text(page.sectorHintKey, context)
        return render("needform", title: page.heading, values, request, context, status: status)
    }

    /// "Any sector", then every top-level sector, for a filter.
    func sectorFilter(_ context: WebContext) -> [(value: String, label: String)] {
        [("", text("anySector", context))]
            + service.reference.taxonomy.topLevel.map { ($0.id.rawValue, $0.name.in(context.language)) }
    }

    /// "Any region", then every region, for a filter.
    func regionFilter(_ context: WebContext) -> [(value: String, label: String)] {
        [("", text("anyRegion", context))]
            + service.reference.provinces.regions.map { ($0.id.rawValue, $0.name.in(context.language)) }
    }

    /// A choice list for a `<select>`, with the current value selected.
    static func choices(_ pairs: [(value: String, label: String)], selected: String?) -> [PageRecord] {
        pairs.map { ["value": $0.value, "label": $0.label, "selected": $0.value == selected] }
    }
}
