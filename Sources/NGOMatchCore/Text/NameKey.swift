import Foundation

/// The form in which names are compared: no diacritics, no case, no punctuation.
///
/// Planners type "cao bang", "CAO BẰNG" or "Cao Bang"; all fold to `cao bang`.
/// `đ` is a letter of its own in Vietnamese, not a `d` with a mark, so Unicode
/// decomposition leaves it alone and it is mapped by hand.
public enum NameKey {
    public static func fold(_ text: String) -> String {
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
