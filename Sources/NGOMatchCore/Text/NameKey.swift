import Foundation

/// The form in which names are compared: no diacritics, no case, no punctuation.
///
/// Planners type "cao bang", "CAO BẰNG" or "Cao Bang"; all fold to `cao bang`.
/// `đ` is a letter of its own in Vietnamese, not a `d` with a mark, so Unicode
/// decomposition leaves it alone and it is mapped by hand.
public enum NameKey {
    public static func fold(_ text: String) -> String {
        fastFold(text) ?? decomposingFold(text)
    }

    /// What each Latin letter with marks folds to, from the decomposing fold itself: a letter,
    /// or "" for a sign that separates words. Vietnamese text is folded with a table look-up
    /// per scalar rather than a Unicode decomposition of the whole text.
    private static let latin: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        for range in [UInt32(0xC0)...0x24F, 0x1E00...0x1EFF] {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                table[value] = decomposingFold(String(scalar))
            }
        }
        return table
    }()

    /// The same as `decomposingFold`, for text of ASCII, Latin letters with marks and combining
    /// marks; nil for anything else, which then takes the general path.
    private static func fastFold(_ text: String) -> String? {
        var folded = String.UnicodeScalarView()
        var pendingSpace = false
        func append(_ piece: Substring.UnicodeScalarView) {
            if pendingSpace && !folded.isEmpty { folded.append(" ") }
            pendingSpace = false
            folded.append(contentsOf: piece)
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                switch value {
                case 0x41...0x5A: append(Substring(String(Unicode.Scalar(value + 0x20)!)).unicodeScalars)
                case 0x61...0x7A, 0x30...0x39: append(Substring(String(scalar)).unicodeScalars)
                default: pendingSpace = true
                }
            } else if (0x0300...0x036F).contains(value) {
                continue
            } else if let mapped = latin[value] {
                if mapped.isEmpty { pendingSpace = true } else { append(Substring(mapped).unicodeScalars) }
            } else {
                return nil
            }
        }
        return String(folded)
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
