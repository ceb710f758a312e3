import NGOMatchCore
import Testing

@Suite struct LocalFormatTests {
    @Test func wholeNumbersAreGroupedByThousandsAsEachLanguageWritesThem() {
        let cases: [(Int, String, String)] = [
            (0, "0", "0"), (7, "7", "7"), (999, "999", "999"), (1000, "1,000", "1.000"),
            (123_456, "123,456", "123.456"), (1_234_567, "1,234,567", "1.234.567"),
            (-1000, "-1,000", "-1.000"), (-123_456, "-123,456", "-123.456"),
            (Int.max, "9,223,372,036,854,775,807", "9.223.372.036.854.775.807"),
        ]
        for (value, english, vietnamese) in cases {
            #expect(LocalFormat.whole(value, .en) == english)
            #expect(LocalFormat.whole(value, .vi) == vietnamese)
        }
    }

    @Test func moneyAndDecimalsUseTheSameGrouping() {
        #expect(LocalFormat.usd(250_000, .en) == "$250,000")
        #expect(LocalFormat.usd(250_000, .vi) == "250.000 USD")
        #expect(LocalFormat.usd(-1_500, .en) == "-$1,500")
        #expect(LocalFormat.decimal(1234.56, digits: 1, .en) == "1,234.6")
        #expect(LocalFormat.decimal(1234.56, digits: 1, .vi) == "1.234,6")
        #expect(LocalFormat.decimal(-0.04, digits: 1, .en) == "0.0")
    }
}
