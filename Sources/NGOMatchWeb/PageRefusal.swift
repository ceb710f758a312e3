import Hummingbird
import NGOMatchCore
import NGOMatchService

/// A failure as a page shows it: the service's one reading of the error (the same the
/// protocol turns into its codes), as an HTTP status, a heading and words in the reader's
/// language. The server's own failures say only "something went wrong"; their detail is logged.
struct PageRefusal {
    let status: HTTPResponse.Status
    /// A `WebText` key.
    let heading: String
    let message: String
    /// Problems by field, for a form to show beside its fields.
    let problems: [FieldProblem]
    /// Each record's problems with where it was, for an import's report.
    var records: [RecordProblems] = []

    init(_ error: any Error, language: Language, log: (String) -> Void) {
        switch error {
        case let error as WebError:
            self.init(status: error.status, heading: Self.heading(error.kind), message: error.message, problems: [])
        case let error as HTTPError where error.status == .notFound:
            self.init(
                status: .notFound, heading: "notFoundHeading", message: WebText.text("notFound", language), problems: []
            )
        default:
            let refusal = Refusal(error, language: language, log: log)
            let (status, heading) = Self.page(refusal.kind)
            let message = refusal.kind == .internal ? WebText.text("error", language) : refusal.message
            self.init(status: status, heading: heading, message: message, problems: refusal.problems)
            records = refusal.records
        }
    }

    private init(status: HTTPResponse.Status, heading: String, message: String, problems: [FieldProblem]) {
        self.status = status
        self.heading = heading
        self.message = message
        self.problems = problems
    }

    /// Whether the reader can put it right on the form they sent: its fields were checked.
    var isAboutFields: Bool { status == .unprocessableContent || (status == .badRequest && !problems.isEmpty) }

    static func page(_ kind: Refusal.Kind) -> (HTTPResponse.Status, String) {
        switch kind {
        case .recordMissing: (.notFound, "notFoundHeading")
        // A filter or cursor in the address that leads nowhere ("sector=helth"): what was asked is wrong.
        case .invalidParams, .nameUnknown: (.badRequest, "askedHeading")
        case .validationFailed: (.unprocessableContent, "askedHeading")
        case .forbidden, .unauthorized: (.forbidden, "forbiddenHeading")
        case .conflict: (.conflict, "askedHeading")
        case .internal: (.internalServerError, "errorHeading")
        }
    }

    private static func heading(_ kind: WebError.Kind) -> String {
        switch kind {
        case .notFound: "notFoundHeading"
        case .forbidden: "forbiddenHeading"
        case .csrf: "csrfHeading"
        case .host: "hostHeading"
        case .tooMany: "tooManyHeading"
        case .badRequest: "errorHeading"
        }
    }
}
