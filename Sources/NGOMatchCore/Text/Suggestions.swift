/// "Did you mean …?" for names typed by people.
package enum Suggestions {
    /// The candidates closest to `input`, best first, close enough to be a likely typo.
    package static func closest(to input: String, among candidates: [String], limit: Int = 3) -> [String] {
        let key = NameKey.fold(input)
        guard !key.isEmpty else { return [] }
        let threshold = max(2, key.count / 3)
        var scored: [(distance: Int, candidate: String)] = []
        var seen: Set<String> = []
        for candidate in candidates where seen.insert(candidate).inserted {
            let candidateKey = NameKey.fold(candidate)
            var distance = editDistance(key, candidateKey)
            // A typed prefix ("maternal" for "health.maternal-child") is a strong hint.
            if candidateKey.hasPrefix(key) || candidateKey.contains(" " + key) { distance = min(distance, 1) }
            if distance <= threshold { scored.append((distance, candidate)) }
        }
        scored.sort { ($0.distance, $0.candidate) < ($1.distance, $1.candidate) }
        return scored.prefix(limit).map(\.candidate)
    }

    /// " — did you mean 'a' or 'b'?" or nothing.
    package static func phrase(for input: String, among candidates: [String]) -> Phrase {
        .didYouMean(closest(to: input, among: candidates))
    }

    /// "a, b or c", with the language's word for "or".
    package static func list(_ items: [String], or word: String) -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " \(word) " + last
    }

    /// Levenshtein distance over Unicode scalars; folded names are ASCII, compared byte by byte.
    static func editDistance(_ a: String, _ b: String) -> Int {
        if a.utf8.allSatisfy({ $0 < 0x80 }) && b.utf8.allSatisfy({ $0 < 0x80 }) {
            return distance(Array(a.utf8), Array(b.utf8))
        }
        return distance(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }

    private static func distance<Element: Equatable>(_ a: [Element], _ b: [Element]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
