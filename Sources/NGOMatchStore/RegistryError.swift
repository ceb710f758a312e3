import NGOMatchCore

/// What can go wrong with the registry itself, in words a user can act on.
package enum RegistryError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No record with that id; the closest ids.
    case notFound(kind: String, id: String, suggestions: [String])
    /// The write would break a rule of the registry (a duplicate id, say).
    case conflict(Phrase)
    /// The file was written by a newer ngomatch.
    case newerSchema(path: String)
    case cannotOpen(path: String, reason: String)
    /// A file given as a registry (to restore, say) is not one.
    case notARegistry(path: String, reason: String)
    /// A write that the disk or the file refused (full, read-only, locked too long); nothing was changed.
    case cannotWrite(path: String, reason: String)
    /// A database failure that is not the user's doing.
    case database(String)

    package var description: String { text(.en) }
}

extension RegistryError: Readable {
    package var phrase: Phrase {
        switch self {
        case .notFound(let kind, let id, let suggestions):
            .sequence([.key("registry.notFound", Phrase.key("kind." + kind), id), .didYouMean(suggestions)])
        case .conflict(let phrase): phrase
        case .newerSchema(let path): .key("registry.newerSchema", path)
        case .cannotOpen(let path, let reason): .key("registry.cannotOpen", path, reason)
        case .notARegistry(let path, let reason): .key("registry.notARegistry", path, reason)
        case .cannotWrite(let path, let reason): .key("registry.cannotWrite", path, reason)
        case .database(let message): .key("registry.database", message)
        }
    }

    /// The message for a remote client, who must not learn where the server keeps its files.
    package func textWithoutPath(_ language: Language) -> String {
        switch self {
        case .newerSchema: Messages.text("registry.newerSchemaNoPath", language)
        case .cannotOpen(_, let reason): Messages.text("registry.cannotOpenNoPath", language, reason)
        case .notARegistry(_, let reason): Messages.text("registry.notARegistryNoPath", language, reason)
        case .cannotWrite(_, let reason): Messages.text("registry.cannotWriteNoPath", language, reason)
        case .notFound, .conflict, .database: text(language)
        }
    }

    package var descriptionWithoutPath: String { textWithoutPath(.en) }
}
