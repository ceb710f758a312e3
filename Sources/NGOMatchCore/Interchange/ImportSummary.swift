/// What an import did, or would do with `--check`.
package struct ImportSummary: Hashable, Sendable {
    package let needs: Int
    package let ngos: Int
    package let partnerships: Int
    /// What a small import wrote, logged so that a kept index follows it in place; nil for one
    /// so large that compiling afresh is as quick.
    package let changed: RecordChanges?

    package init(needs: Int, ngos: Int, partnerships: Int, changed: RecordChanges?) {
        self.needs = needs
        self.ngos = ngos
        self.partnerships = partnerships
        self.changed = changed
    }

    /// Whether a kept index cannot follow this import in place: the next reader compiles afresh.
    package var leftAHole: Bool { changed == nil }

    /// Two imports did the same when they counted the same; what the log was told is bookkeeping.
    package static func == (a: ImportSummary, b: ImportSummary) -> Bool {
        (a.needs, a.ngos, a.partnerships) == (b.needs, b.ngos, b.partnerships)
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(needs)
        hasher.combine(ngos)
        hasher.combine(partnerships)
    }
}
