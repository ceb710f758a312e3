/// What a person typed into a search box, as words compared without diacritics or case:
/// "nuoc sach ha quang" finds "Nước sạch cho trường học Hà Quảng".
package struct SearchWords: Sendable {
    private let words: [String]

    package init(_ text: String?) {
        words = NameKey.fold(text ?? "").split(separator: " ").map(String.init)
    }

    package var isEmpty: Bool { words.isEmpty }

    /// Whether every word begins a word of the texts ("nuoc" finds "nước", "ha" finds "Hà"
    /// but not "Thanh", which a plain substring search would).
    package func found(in texts: [String]) -> Bool {
        guard !words.isEmpty else { return true }
        let folded = " " + texts.map(NameKey.fold).joined(separator: " ")
        return words.allSatisfy { folded.contains(" " + $0) }
    }
}
