import Foundation
import MCP
import NGOMatchCore
import NGOMatchMCP
import NGOMatchProtocol
import NGOMatchService
import NGOMatchStore
import Testing

/// One operation, every door: for each operation of the table, its example through the
/// protocol, the CLI's `--format json` and an MCP tool call gives the same result.
@Suite(.timeLimit(.minutes(10)))
struct ThreeDoorsTests {
    /// When a change was made, by whom and through which door (`addedBy`, `madeBy`, a pipeline
    /// move's `at`, `by` and `door`) differ by door and by moment; nothing else may.
    static func normalised(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let fields):
            var kept: [String: JSONValue] = [:]
            for (key, inner) in fields
            where !key.hasSuffix("At")
                && !["addedBy", "madeBy", "invitedBy", "at", "since", "by", "door", "answeredBy", "doneBy"].contains(
                    key)
            {
                kept[key] = normalised(inner)
            }
            return .object(kept)
        case .array(let items): return .array(items.map(normalised))
        default: return value
        }
    }

    /// An operation's example as run here: the demo token's id where the example names one.
    struct Example {
        let method: OperationEntry
        let params: String
        let command: [String]

        init(_ method: OperationEntry, tokenID: String) {
            self.method = method
            params = method.example.replacingOccurrences(of: "AbC123xy", with: tokenID)
            command = method.commandExample.map { $0 == "AbC123xy" ? tokenID : $0 }
        }
    }

    static func viaProtocol(_ example: Example, registry path: String) throws -> JSONValue {
        let method = example.method
        let dispatcher = Dispatcher(service: MatchService(registry: try Registry.open(at: path).registry))
        let session = Session(id: 1, caller: .local("stdio"), requiresAuth: false) { _ in }
        let line = #"{"jsonrpc":"2.0","id":1,"method":"\#(method.name)","params":\#(example.params)}"#
        let reply = try #require(dispatcher.handle(.line(Array(line.utf8)), session: session))
        let message = try JSONParser.parse([UInt8](reply))
        return try #require(message["result"], "\(method.name): \(message)")
    }

    static func viaCLI(_ given: Example, registry path: String, cli: CLI) throws -> JSONValue {
        let method = given.method
        let example = try JSONParser.parse(given.params)
        var file = ""
        if given.command.contains("{file}") {
            // A rule set's text, an IATI file's, or the whole event.
            if case .string(let text)? = example["text"] {
                file = try cli.file("\(method.name).yaml", text)
            } else if case .array(let files)? = example["files"], case .string(let name)? = files.first?["name"],
                case .string(let content)? = files.first?["content"]
            {
                file = try cli.file(name, content)
            } else {
                file = try cli.file("\(method.name).json", method.example)
            }
        }
        var arguments = given.command.map { $0 == "{file}" ? file : $0 } + ["--db", path]
        if !arguments.contains("--format") { arguments += ["--format", "json"] }
        let result = try cli.run(arguments: arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return try JSONParser.parse(result.stdout.trimmingCharacters(in: .newlines))
    }

    static func viaMCP(_ example: Example, registry path: String) async throws -> JSONValue {
        let method = example.method
        let service = MatchService(registry: try Registry.open(at: path).registry)
        let server = await AssistantDoor(service: service, writes: true, caller: .local("mcp")).makeServer()
        let (clientSide, serverSide) = await InMemoryTransport.createConnectedPair()
        try await server.start(transport: serverSide)
        let client = Client(name: "three-doors", version: "1")
        _ = try await client.connect(transport: clientSide)
        defer { Task { await server.stop() } }
        guard case .object(let arguments) = try JSONParser.parse(example.params) else { return .null }
        let result = try await client.send(
            CallTool.request(.init(name: method.name, arguments: arguments.mapValues(JSONValue.toMCP)))
        ).value
        #expect(result.isError != true, "\(method.name): \(result.content)")
        let structured = JSONValue.fromMCP(try #require(result.structuredContent))
        // A list comes wrapped, as structured content must be an object.
        return method.resultIsList ? (structured["items"] ?? .null) : structured
    }

    @Test func everyOperationGivesTheSameResultThroughEveryDoor() async throws {
        let cli = try CLI()
        #expect(try cli.run("init").status == 0)
        let template = try Registry.open(at: cli.database).registry
        // The demo event's examples that read or change a schedule need one published.
        _ = try MatchService(registry: template).planEvent(
            EventPlanParams(event: "gap-go-2026", publish: "preliminary"), caller: .local("t"))
        // tokens.list lists it, tokens.revoke revokes it: every copy holds the same one.
        let token = try MatchService(registry: template).createToken(
            TokenCreateParams(role: "ministry", note: "three doors"), caller: .local("t"))
        // people.show, update and remove find her; outbox.retry tries her invitation again.
        _ = try MatchService(registry: template).invite(
            PersonInviteParams(
                email: "lan.nguyen@caobang.example.vn", name: "Nguyễn Thị Lan", for: "province:Cao Bằng"),
            caller: .local("t"))
        try template.recordFailure(1, reason: "550 5.1.1 no such mailbox here", retryAt: nil)
        // interest.answer, show and message find request 1; the pipeline's examples, its pair.
        _ = try MatchService(registry: template).expressInterest(
            InterestExpressParams(need: "cao-bang-1", ngo: "MCNV", message: "We can help.", from: .ngo),
            caller: .local("t"))
        // iati.export writes the partnerships, and IATI has no file of none.
        _ = try MatchService(registry: template).recordPartnership(
            PartnershipRecordParams(need: "cao-bang-2", ngo: "wwf-vietnam", status: "active"), caller: .local("t"))
        var compared = 0
        for method in OperationTable.all where !method.commandExample.isEmpty {
            // Reads share the registry; each door writes to a copy of its own.
            var paths = [cli.database, cli.database, cli.database]
            if method.isWrite {
                paths = try ["protocol", "cli", "mcp"].map { door in
                    let path = cli.folder.appendingPathComponent("\(method.name)-\(door).sqlite").path
                    try template.backup(to: path)
                    if method.name == "rules.remove" {
                        let service = MatchService(registry: try Registry.open(at: path).registry)
                        let text = RuleSetSource.shippedText("default")!
                        _ = try service.addRuleSet(
                            RuleSetAddParams(name: "water-first", text: text), caller: .local("t"))
                    }
                    return path
                }
            }
            let example = Example(method, tokenID: token.id)
            var results = [
                Self.normalised(try Self.viaProtocol(example, registry: paths[0])),
                Self.normalised(try Self.viaCLI(example, registry: paths[1], cli: cli)),
                Self.normalised(try await Self.viaMCP(example, registry: paths[2])),
            ]
            if method.name == "people.invite" {
                // A new person's id is made at each door.
                results = results.map { result in
                    guard case .object(var fields) = result else { return result }
                    #expect(fields.removeValue(forKey: "id") != nil)
                    return .object(fields)
                }
            }
            if method.name == "tokens.create" {
                // A new token is new at every door: the same role and note, never the same secret.
                results = results.map { result in
                    guard case .object(var fields) = result else { return result }
                    let secret = fields.removeValue(forKey: "token")
                    if case .string(let text)? = secret {
                        #expect(text.hasPrefix("ngm_"))
                    } else {
                        Issue.record("no token")
                    }
                    #expect(fields.removeValue(forKey: "id") != nil)
                    return .object(fields)
                }
            }
            #expect(results[0] != .null, "\(method.name) gave no result")
            #expect(results[0] == results[1], "\(method.name): the CLI's JSON differs from the protocol's result")
            #expect(results[0] == results[2], "\(method.name): the MCP tool's result differs from the protocol's")
            compared += 1
        }
        #expect(compared == OperationTable.all.count - 1, "every operation but ping has a command")
    }
}

extension JSONValue {
    static func toMCP(_ value: JSONValue) -> MCP.Value {
        switch value {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .number(let number): number.rounded() == number ? .int(Int(number)) : .double(number)
        case .string(let text): .string(text)
        case .array(let items): .array(items.map(toMCP))
        case .object(let fields): .object(fields.mapValues(toMCP))
        }
    }

    static func fromMCP(_ value: MCP.Value) -> JSONValue {
        switch value {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .int(let number): .number(Double(number))
        case .double(let number): .number(number)
        case .string(let text): .string(text)
        case .data(_, let data): .string(data.base64EncodedString())
        case .array(let items): .array(items.map(fromMCP))
        case .object(let fields): .object(fields.mapValues(fromMCP))
        }
    }
}
