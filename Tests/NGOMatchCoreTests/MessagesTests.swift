import NGOMatchCore
import Testing

/// The one catalogue: every key in every language, with the same placeholders (issue 19).
@Suite(.timeLimit(.minutes(10)))
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
        // Braces that are no placeholder, or name a value not given, are printed as they are;
        // a key the catalogue lacks is its own template.
        #expect(
            Messages.text("no.such {0} {x} {} {1} {12345} {0", .en, "Đồng Nai")
                == "no.such Đồng Nai {x} {} {1} {12345} {0")
        #expect(Messages.text("{0}{1}{0}", .vi, "Cao Bằng", "\u{1F30F}") == "Cao Bằng\u{1F30F}Cao Bằng")
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
