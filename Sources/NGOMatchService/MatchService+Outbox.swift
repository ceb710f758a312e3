import NGOMatchCore
import NGOMatchStore

extension MatchService {
    package func outbox(_ params: OutboxListParams, caller: Caller) throws -> [OutboxEntry] {
        try caller.mayHandle(.outbox, OutboxListOperation.name)
        let limit = params.limit ?? 200
        guard (1...10_000).contains(limit) else {
            throw ServiceError.invalidParams(field: "limit", expected: .key("params.range", "1", "10000"))
        }
        return try registry.outbox(states: params.state.map { [$0] } ?? [], limit: limit)
    }

    package func retryOutbox(_ params: OutboxRetryParams, caller: Caller) throws -> OutboxEntry {
        try caller.mayHandle(.outbox, OutboxRetryOperation.name)
        return try registry.retryOutbox(params.id, audit: caller.audit(OutboxRetryOperation.name))
    }
}
