/// Finds NGOs by id, name or acronym, typed with or without diacritics.
package struct NGODirectory: Sendable {
    package struct Entry: Hashable, Sendable {
        package let id: NGOID
        package let name: String
        package let acronym: String?

        package init(id: NGOID, name: String, acronym: String?) {
            self.id = id
            self.name = name
            self.acronym = acronym
        }
    }

    private let entries: [Entry]
    private let byKey: [String: [Int]]

    package init(_ entries: [Entry]) {
        self.entries = entries
        var byKey: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            let names =
                [entry.id.rawValue.replacingAll("-", with: " "), entry.name] + (entry.acronym.map { [$0] } ?? [])
            for key in Set(names.map(NameKey.fold)) { byKey[key, default: []].append(index) }
        }
        self.byKey = byKey
    }

    /// The one NGO the text names, or nil; cheaper than `resolve` when a miss is expected.
    package func find(_ text: String) -> Entry? {
        if let exact = entries.first(where: { $0.id.rawValue == text }) { return exact }
        guard let hits = byKey[NameKey.fold(text)], hits.count == 1 else { return nil }
        return entries[hits[0]]
    }

    /// - Throws: `LookupError` when nothing matches (with the closest names) or several NGOs do.
    package func resolve(_ text: String) throws(LookupError) -> Entry {
        if let exact = entries.first(where: { $0.id.rawValue == text }) { return exact }
        if let hits = byKey[NameKey.fold(text)] {
            if hits.count == 1 { return entries[hits[0]] }
            throw LookupError(
                kind: "NGO", input: text,
                problem: .ambiguous(candidates: hits.map { "\(entries[$0].name) (\(entries[$0].id))" }))
        }
        let names = entries.flatMap { [$0.name] + ($0.acronym.map { [$0] } ?? []) }
        throw LookupError(
            kind: "NGO", input: text, problem: .unknown(suggestions: Suggestions.closest(to: text, among: names)))
    }

    /// Every NGO one of whose names contains the text, with or without diacritics, by id.
    package func search(_ text: String) -> [Entry] {
        let wanted = NameKey.fold(text)
        guard !wanted.isEmpty else { return entries }
        let hits = Set(byKey.filter { $0.key.contains(wanted) }.flatMap(\.value))
        return hits.sorted().map { entries[$0] }
    }
}

extension NGO {
    package var directoryEntry: NGODirectory.Entry { .init(id: id, name: name, acronym: acronym) }
}
