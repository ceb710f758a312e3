import NGOMatchCore

/// What stops a copy of the registry from one store to another. Every case leaves the target
/// as it was.
package enum RegistryCopyError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The target already holds records: a copy never merges.
    case targetNotEmpty(target: String, table: String, rows: Int)
    /// A cell whose type is not its column's: the source was written by something else.
    case unexpectedValue(table: String, column: String, rowid: Int64, expected: String, found: String)
    /// The two stores do not hold the same tables or columns.
    case shapesDiffer(table: String, detail: String)
    /// The source database holds no ngomatch registry.
    case noRegistry(source: String)
    /// The rows read back from the target are not the rows sent.
    case checksumMismatch(table: String, source: String, target: String)

    package var description: String { text(.en) }
}

extension RegistryCopyError: Readable {
    package var phrase: Phrase {
        switch self {
        case .targetNotEmpty(let target, let table, let rows): .key("copy.targetNotEmpty", target, table, rows)
        case .unexpectedValue(let table, let column, let rowid, let expected, let found):
            .key("copy.unexpectedValue", table, column, Int(rowid), expected, found)
        case .shapesDiffer(let table, let detail): .key("copy.shapesDiffer", table, detail)
        case .noRegistry(let source): .key("copy.noRegistry", source)
        case .checksumMismatch(let table, let source, let target): .key("copy.checksumMismatch", table, source, target)
        }
    }
}
