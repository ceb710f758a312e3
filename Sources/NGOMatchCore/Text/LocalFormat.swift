/// Numbers, money and dates as each language writes them for a person: `250.000 USD`, `74,1`
/// and `14/03/2028` in Vietnamese; `$250,000`, `74.1` and `2028-03-14` in English. JSON and CSV
/// keep plain machine forms and never come through here.
package enum LocalFormat {
    /// A number with `digits` decimals, the decimal mark and thousands grouping of the language.
    package static func decimal(_ value: Double, digits: Int = 1, _ language: Language) -> String {
        guard value.isFinite else { return String(value) }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(scaled / scale)
        let fraction = Int(scaled - Double(whole) * scale)
        var text = grouped(whole, language)
        if digits > 0 {
            let padded = String(fraction)
            text += (language == .vi ? "," : ".") + String(repeating: "0", count: digits - padded.count) + padded
        }
        return (value < 0 && scaled > 0 ? "-" : "") + text
    }

    /// A whole number with the language's thousands grouping: `1.234.567` or `1,234,567`.
    package static func whole(_ value: Int, _ language: Language) -> String {
        (value < 0 ? "-" : "") + grouped(Int(value.magnitude), language)
    }

    /// US dollars: `$250,000` or `250.000 USD`.
    package static func usd(_ amount: Double, _ language: Language) -> String {
        let text = whole(Int(amount.rounded()), language)
        return language == .vi ? text + " USD" : (text.hasPrefix("-") ? "-$" + text.dropFirst() : "$" + text)
    }

    /// A share as a percentage with one decimal, rounded down so that 99.96 % never reads as a
    /// full 100 %: `99,9%` or `99.9%`.
    package static func percent(_ share: Double, _ language: Language) -> String {
        decimal((share * 1000).rounded(.down) / 10, digits: 1, language) + "%"
    }

    /// A day: `14/03/2028` or `2028-03-14`.
    package static func date(_ date: CalendarDate, _ language: Language) -> String {
        guard language == .vi else { return date.description }
        func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
        return "\(two(date.day))/\(two(date.month))/\(date.year)"
    }

    /// Byte by byte: an explained ranking formats a few dozen amounts, and the version that
    /// split the digits as a `String` of characters was 3 % of a server's time.
    private static func grouped(_ number: Int, _ language: Language) -> String {
        let separator = language == .vi ? UInt8(ascii: ".") : UInt8(ascii: ",")
        let digits = Array(String(number).utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count + digits.count / 3)
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { bytes.append(separator) }
            bytes.append(digit)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
