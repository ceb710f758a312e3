import NGOMatchCore
import Testing

/// The one catalogue: every key in every language, with the same placeholders (issue 19).
struct MessagesTests {
    @Test func everyKeyHasEveryLanguageWithTheSamePlaceholders() {
        let english = Messages.table(.en)
        #expect(english.count > 150)
        for language in Language.allCases {
            let table = Messages.table(language)
            #expect(
                Set(table.keys) == Set(english.keys),
                "\(language): \(Set(english.keys).symmetricDifference(table.keys).sorted())")
            for (key, text) in table {
                #expect(!text.isEmpty || english[key]!.isEmpty, "\(language) \(key) is empty")
                #expect(
                    Messages.placeholders(text) == Messages.placeholders(english[key] ?? ""),
                    "\(language) \(key): '\(text)' against '\(english[key] ?? "")'")
            }
        }
    }

    @Test func valuesGoInTheirPlaces() {
        #expect(Messages.text("cli.discoverHeading", .en, "WWF", "default") == "Needs WWF could serve (rules: default)")
        #expect(Messages.placeholders("{0} of {1}, {0}") == ["{0}", "{1}"])
        #expect(Messages.placeholders("{not one}") == [])
        // A value holding a placeholder is printed as typed.
        #expect(Messages.text("cli.discoverHeading", .en, "{1}", "default") == "Needs {1} could serve (rules: default)")
        let lookup = LookupError(kind: "province", input: "Cao Bangg", problem: .unknown(suggestions: ["Cao Bằng"]))
        #expect(lookup.text(.vi) == "không tìm thấy tỉnh, thành phố 'Cao Bangg' — có phải là 'Cao Bằng'?")
        #expect(lookup.description == "unknown province 'Cao Bangg' — did you mean 'Cao Bằng'?")
    }

    /// The CLI's table words in Vietnamese are Vietnamese.
    @Test func vietnameseTableHeadersAreNotEnglish() {
        for key in ["cli.score", "cli.id", "cli.name", "cli.why", "cli.removedBy", "cli.wouldChange"] {
            #expect(Messages.text(key, .vi) != Messages.text(key, .en), "\(key)")
        }
    }
}
