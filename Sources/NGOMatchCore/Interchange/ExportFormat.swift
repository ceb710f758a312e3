import Foundation

/// The files `ngomatch export` writes and `ngomatch import` reads back, whichever door asks.
package enum ExportFormat: String, Sendable, CaseIterable {
    case json, jsonl, csv

    package var mediaType: String {
        switch self {
        case .json: "application/json; charset=utf-8"
        case .jsonl: "application/jsonl; charset=utf-8"
        case .csv: "text/csv; charset=utf-8"
        }
    }

    /// The records in this format: one JSON array, one object a line, or CSV rows under
    /// `ExportRecord.csvColumns` ending in CRLF.
    package func text(_ records: [JSONValue]) throws -> String {
        let encoder = JSONEncoder()
        switch self {
        case .json:
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(records), as: UTF8.self) + "\n"
        case .jsonl:
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return try records.map { String(decoding: try encoder.encode($0), as: UTF8.self) + "\n" }.joined()
        case .csv:
            return ExportRecord.csvLines(records).map { $0 + CSVTable.lineEnd }.joined()
        }
    }
}
