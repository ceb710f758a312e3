import ArgumentParser
import NGOMatchCore

/// The fields of a need that can be given as flags, for `needs add` and `needs update`.
struct NeedFields: RecordFlags {
    @Option(help: "Province: id or name, with or without diacritics; former names work.") var province: String?
    @Option(help: "Short title of the need.") var title: String?
    @Option(help: "What is needed and why.") var description: String?
    @Option(
        name: .customLong("sector"),
        help: ArgumentHelp(
            "A sector with its priority 1–5, e.g. health.maternal-child:5 (repeat for several).",
            valueName: "sector:priority"))
    var sectors: [String] = []
    @Option(name: .customLong("target-group"), help: "e.g. ethnic-minorities, children, women (repeat for several).")
    var targetGroups: [String] = []
    @Option(name: .customLong("locality"), help: "A commune or area (repeat for several).") var localities: [String] =
        []
    @Option(
        name: .customLong("commune"),
        help: ArgumentHelp(
            "A commune the need concerns, by any name; a former one with its district: \"Trường Hà, Hà Quảng\" (repeat).",
            valueName: "name"))
    var communes: [String] = []
    @Option(name: .customLong("funding-gap"), help: "Funding gap in USD.") var fundingGap: String?
    @Option(help: "First day, YYYY-MM-DD.") var start: String?
    @Option(help: "Last day, YYYY-MM-DD.") var end: String?
    @Option(help: "open, in-discussion, partnered or closed.") var status: String?
    @Option(help: "Where the need was presented, e.g. a meeting.") var source: String?
    @OptionGroup var contact: ContactFlags

    /// The flags that were given, as a record in the import format.
    var record: JSONValue {
        var fields: [String: JSONValue?] = [
            "province": province.json, "title": title.json, "description": description.json,
            "localities": localities.json, "communes": communes.json, "targetGroups": targetGroups.json,
            "status": status.json,
            "source": source.json, "fundingGapUSD": fundingGap.json,
            "sectors": sectors.isEmpty ? nil : .string(sectors.joined(separator: ";")),
        ]
        if start != nil || end != nil {
            fields["timeframe"] = RecordFile.object(["start": start.json, "end": end.json])
        }
        fields["contact"] = contact.record
        return RecordFile.object(fields)
    }
}
