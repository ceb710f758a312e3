import NGOMatchCore

/// Help that argument-parser shows, in the language asked for where its strings are ours: the
/// commands' abstracts. Read when the parser first asks, after `--lang` was taken in.
enum Help {
    static func text(_ key: String) -> String { Messages.text(key, CommandLanguage.current) }
}
