/// The 1.0x standard wrote several codes as words where 2.0x writes numbers; an activity read
/// from a 1.0x file is kept in 2.0x numbers, so that everything after the reader sees one form.
/// The tables are the IATI upgrade guide's (`../shared/reference/iati/README.md`, "1.0x versus 2.0x").
enum IATICodes {
    /// Whether `version` ("1.05", "2.03") is of the 1.0x standard.
    static func isVersion1(_ version: String) -> Bool { version.hasPrefix("1.") }

    static func sectorVocabulary(_ word: String?, version1: Bool) -> String {
        guard let word, !word.isEmpty else { return "1" }
        guard version1 else { return word }
        switch word.uppercased() {
        case "DAC": return "1"
        case "DAC-3": return "2"
        case "COFOG": return "3"
        case "NACE": return "5"
        case "NTEE": return "6"
        case "RO": return "99"
        case "RO2": return "98"
        default: return word
        }
    }

    static func organisationRole(_ word: String?) -> String? {
        guard let word else { return nil }
        switch word.lowercased() {
        case "funding": return "1"
        case "accountable": return "2"
        case "extending": return "3"
        case "implementing": return "4"
        default: return word
        }
    }

    static func activityDateType(_ word: String?) -> String? {
        guard let word else { return nil }
        switch word.lowercased() {
        case "start-planned": return "1"
        case "start-actual": return "2"
        case "end-planned": return "3"
        case "end-actual": return "4"
        default: return word
        }
    }

    static func transactionType(_ word: String?) -> String? {
        guard let word else { return nil }
        let numbers = [
            "IF": "1", "C": "2", "D": "3", "E": "4", "IR": "5", "LR": "6", "R": "7", "QP": "8", "QS": "9", "CG": "10",
        ]
        return numbers[word.uppercased()] ?? word
    }
}
