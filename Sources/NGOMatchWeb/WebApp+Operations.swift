import Foundation
import Hummingbird
import Logging
import NGOMatchCore
import NGOMatchService

/// Every change a page makes is an operation of the one table, run as the signed-in reader:
/// the same parameters, validation, audit name and refusals as the CLI, the protocol and MCP.
extension WebApp {
    /// Runs `operation` with `params` in its protocol form (a form's fields, named as the
    /// operation names them).
    func perform<Operation: ServiceOperation>(
        _ operation: Operation.Type, _ params: JSONValue, _ context: WebContext
    ) throws -> Operation.Result {
        try Operation.run(service, Operation.Params.decode(params), caller: context.caller)
    }

    /// Runs a form's operation. When it refuses what was entered, by field, `redisplay` draws
    /// the form again with the problems; any other refusal is the error page's.
    func submit<Operation: ServiceOperation>(
        _ operation: Operation.Type, _ params: JSONValue, _ context: WebContext,
        redisplay: (PageRefusal) throws -> Response, done: (Operation.Result) throws -> Response
    ) throws -> Response {
        try submit(context, { try perform(operation, params, context) }, redisplay: redisplay, done: done)
    }

    /// `submit` for a change that is not one of the table's operations (an upload of files).
    func submit<Value>(
        _ context: WebContext, _ change: () throws -> Value, redisplay: (PageRefusal) throws -> Response,
        done: (Value) throws -> Response
    ) throws -> Response {
        let result: Value
        do {
            result = try change()
        } catch {
            let refusal = PageRefusal(error, language: context.language) { _ in }
            guard refusal.isAboutFields else { throw error }
            return try redisplay(refusal)
        }
        return try done(result)
    }

    /// Runs an action's operation and goes back to `page` with what happened, or why not, as
    /// the notice at its top. A reader who may not act gets the forbidden page instead: going
    /// back would offer the same button again.
    func act<Operation: ServiceOperation>(
        _ operation: Operation.Type, _ params: JSONValue, _ context: WebContext, back page: String,
        done: (Operation.Result) throws -> String
    ) throws -> Response {
        switch try attempt(operation, params, context, back: page) {
        case .done(let result):
            do { notice(try done(result), for: context) } catch { refuse(error, context, back: page) }
            return Pages.redirect(page)
        case .refused(let response): return response
        }
    }

    /// What an operation gave, or the way back to `page` with why not as its notice.
    enum Attempt<Value> {
        case done(Value)
        case refused(Response)
    }

    func attempt<Operation: ServiceOperation>(
        _ operation: Operation.Type, _ params: JSONValue, _ context: WebContext, back page: String
    ) throws -> Attempt<Operation.Result> {
        do {
            return .done(try perform(operation, params, context))
        } catch {
            let kind = Refusal(error).kind
            if kind == .forbidden || kind == .unauthorized { throw error }
            refuse(error, context, back: page)
            return .refused(Pages.redirect(page))
        }
    }

    private func refuse(_ error: any Error, _ context: WebContext, back page: String) {
        let refusal = PageRefusal(error, language: context.language) { detail in
            context.logger.error("action failed", metadata: ["error": "\(detail)", "page": "\(page)"])
        }
        notice(text("eventNotDone", context, refusal.message), for: context)
    }
}

extension WebContext {
    /// Who the reader acts as; anonymous before signing in.
    var caller: Caller { session?.caller ?? .anonymous }

    /// The reader's session: every page but the static files has one (`SessionMiddleware`).
    /// - Throws: the forbidden page, that says to sign in, for a request that came without.
    func signedIn() throws -> WebSession {
        guard let session else { throw WebError(kind: .forbidden, message: WebText.text("signInAgain", language)) }
        return session
    }
}

extension WebApp {
    /// A filter of a listing read from its address: its value, or, when it leads nowhere
    /// ("sector=helth"), nil and what is wrong with "did you mean", for the page to show above
    /// what it can still list.
    func filter<Value>(_ context: WebContext, _ read: () throws -> Value) -> (value: Value?, problem: String?) {
        do {
            return (try read(), nil)
        } catch {
            let refusal = PageRefusal(error, language: context.language) { detail in
                context.logger.error("filter failed", metadata: ["error": "\(detail)"])
            }
            return (nil, refusal.message)
        }
    }
}

extension WebApp {
    /// The record the address names (`/rules/NAME`): a name that leads nowhere is a page that
    /// is not there (404), where the same name in a filter is a question asked wrong (400).
    func addressed<Value>(_ context: WebContext, _ read: () throws -> Value) throws -> Value {
        do {
            return try read()
        } catch {
            let refusal = Refusal(error, language: context.language)
            guard refusal.kind == .nameUnknown else { throw error }
            throw Refusal(kind: .recordMissing, message: refusal.message, data: refusal.data)
        }
    }
}
