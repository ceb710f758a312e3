import NGOMatchCore

/// What can go wrong with the registry itself, in words a user can act on.
public enum RegistryError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No record with that id; the closest ids.
    case notFound(kind: String, id: String, suggestions: [String])
    /// The write would break a rule of the registry (a duplicate id, say).
    case conflict(String)
    /// The file was written by a newer ngomatch.
    case newerSchema(path: String)
    case cannotOpen(path: String, reason: String)
    /// A file given as a registry (to restore, say) is not one.
    case notARegistry(path: String, reason: String)
    /// A write that the disk or the file refused (full, read-only, locked too long); nothing was changed.
    case cannotWrite(path: String, reason: String)
    /// A database failure that is not the user's doing.
    case database(String)

    public var description: String {
        switch self {
        case .notFound(let kind, let id, let suggestions):
            return "no \(kind) with id '\(id)'" + Suggestions.didYouMean(suggestions)
        case .conflict(let message):
            return message
        case .newerSchema(let path):
            return "the registry at \(path) was written by a newer version of ngomatch; upgrade ngomatch to open it"
        case .cannotOpen(let path, let reason):
            return "cannot open the registry at \(path): \(reason)"
        case .notARegistry(let path, let reason):
            return "\(path) is not an ngomatch registry backup: \(reason)"
        case .cannotWrite(let path, let reason):
            return "cannot write to the registry at \(path): \(reason). Nothing was changed."
        case .database(let message):
            return "database error: \(message)"
        }
    }
}

extension RegistryError {
    /// The message for a remote client, who must not learn where the server keeps its files.
    public var descriptionWithoutPath: String {
        switch self {
        case .newerSchema: "the registry was written by a newer version of ngomatch"
        case .cannotOpen(_, let reason): "cannot open the registry: \(reason)"
        case .notARegistry(_, let reason): "not an ngomatch registry backup: \(reason)"
        case .cannotWrite(_, let reason): "cannot write to the registry: \(reason). Nothing was changed."
        case .notFound, .conflict, .database: description
        }
    }
}
