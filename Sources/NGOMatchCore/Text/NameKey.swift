import Foundation

/// The form in which names are compared: no diacritics, no case, no punctuation.
///
/// Planners type "cao bang", "CAO BẰNG" or "Cao Bang"; all fold to `cao bang`.
/// `đ` is a letter of its own in Vietnamese, not a `d` with a mark, so Unicode
/// decomposition leaves it alone and it is mapped by hand.
package enum NameKey {
    package static func fold(_ text: String) -> String {
        fastFold(text) ?? decomposingFold(text)
    }

    /// What each Latin letter with marks folds to, from the decomposing fold itself: ASCII
    /// bytes, or none for a sign that separates words. Vietnamese text is folded with a table
    /// look-up per scalar rather than a Unicode decomposition of the whole text.
    private static let latinRanges: [ClosedRange<UInt32>] = [0xC0...0x24F, 0x1E00...0x1EFF]
    private static let latin: [[UInt8]?] = {
        var table: [[UInt8]?] = []
        for range in latinRanges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else {
                    table.append(nil)
                    continue
                }
                let folded = decomposingFold(String(scalar))
                table.append(folded.utf8.allSatisfy { $0 < 0x80 } ? Array(folded.utf8) : nil)
            }
        }
        return table
    }()

    private static func latinFold(_ value: UInt32) -> [UInt8]? {
        var offset = 0
        for range in latinRanges {
            if range.contains(value) { return latin[offset + Int(value - range.lowerBound)] }
            offset += range.count
        }
        return nil
    }

    /// The same as `decomposingFold`, for text of ASCII, Latin letters with marks and combining
    /// marks; nil for anything else, which then takes the general path.
    private static func fastFold(_ text: String) -> String? {
        var folded: [UInt8] = []
        folded.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value)
                switch byte {
                case 0x41...0x5A, 0x61...0x7A, 0x30...0x39:
                    if pendingSpace && !folded.isEmpty { folded.append(0x20) }
                    pendingSpace = false
                    folded.append(byte | (byte >= 0x41 ? 0x20 : 0))
                default: pendingSpace = true
                }
            } else if (0x0300...0x036F).contains(value) {
                continue
            } else if let mapped = latinFold(value) {
                if mapped.isEmpty {
                    pendingSpace = true
                } else {
                    if pendingSpace && !folded.isEmpty { folded.append(0x20) }
                    pendingSpace = false
                    folded.append(contentsOf: mapped)
                }
            } else {
                return nil
            }
        }
        return String(decoding: folded, as: UTF8.self)
    }

    static func decomposingFold(_ text: String) -> String {
        var folded = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if (0x0300...0x036F).contains(scalar.value) { continue }
            let mapped: Unicode.Scalar
            switch scalar {
            case "đ", "Đ": mapped = "d"
            default: mapped = scalar
            }
            if mapped.properties.isAlphabetic || mapped.properties.numericType != nil {
                if pendingSpace && !folded.isEmpty { folded.append(" ") }
                pendingSpace = false
                for lower in mapped.properties.lowercaseMapping.unicodeScalars { folded.append(lower) }
            } else {
                pendingSpace = true
            }
        }
        return String(folded)
    }
}

extension NameKey {
    /// The form in which a name's exact spelling is compared: diacritics kept, case, punctuation
    /// and tone placement not. "Châu Bính" and "Châu Bình" differ here, while "Thanh Hóa" and
    /// "Thanh Hoá" (the same tone mark on another vowel, both in official use) are the same.
    package static func spelled(_ text: String) -> String {
        var key = String.UnicodeScalarView()
        var word = String.UnicodeScalarView()
        var tones: [Unicode.Scalar] = []
        func endWord() {
            guard !word.isEmpty else { return }
            if !key.isEmpty { key.append(" ") }
            key.append(contentsOf: word)
            key.append(contentsOf: tones.sorted { $0.value < $1.value })
            word.removeAll()
            tones.removeAll()
        }
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if toneMarks.contains(scalar.value) {
                tones.append(scalar)
            } else if (0x0300...0x036F).contains(scalar.value) {
                word.append(scalar)
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                for lower in scalar.properties.lowercaseMapping.unicodeScalars { word.append(lower) }
            } else {
                endWord()
            }
        }
        endWord()
        return String(key)
    }

    /// Whether the text carries any mark a fold drops: a name typed with its diacritics.
    package static func hasDiacritics(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value >= 0x80 && ($0.properties.isAlphabetic || $0.value >= 0x300) }
    }

    /// Vietnamese tone marks (grave, acute, tilde, hook above, dot below), as decomposition leaves them.
    private static let toneMarks: Set<UInt32> = [0x0300, 0x0301, 0x0303, 0x0309, 0x0323]
}
