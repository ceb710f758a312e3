import ArgumentParser
import NGOMatchCore

/// The fields of an NGO that can be given as flags, for `ngos add` and `ngos update`.
struct NGOFields: RecordFlags {
    @Option(help: "Full name.") var name: String?
    @Option(help: "Short name, e.g. WWF.") var acronym: String?
    @Option(help: "Country of origin, in English.") var country: String?
    @Option(
        name: .customLong("sector"),
        help: ArgumentHelp(
            "A sector with expertise 1–5, e.g. environment.biodiversity:5 (repeat for several).",
            valueName: "sector:expertise"))
    var sectors: [String] = []
    @Option(name: .customLong("works-in"), help: "A province it works in now (repeat).") var worksIn: [String] = []
    @Option(
        name: .customLong("commune"), help: "A commune it works in, by any name, former ones too (repeat).")
    var communes: [String] = []
    @Option(name: .customLong("worked-in"), help: "A province it worked in before (repeat).") var workedIn: [String] =
        []
    @Option(help: "Works nationwide: true or false.") var nationwide: String?
    @Option(name: .customLong("target-group"), help: "e.g. children, farmers (repeat).") var targetGroups: [String] = []
    @Option(name: .customLong("grant-min"), help: "Smallest typical grant, USD.") var grantMin: String?
    @Option(name: .customLong("grant-max"), help: "Largest typical grant, USD.") var grantMax: String?
    @Option(help: "New partnerships it can take on per year.") var capacity: String?
    @Option(name: .customLong("language"), help: "Working language, e.g. vi, en (repeat).") var languages: [String] = []
    @Option(
        name: .customLong("cert-kind"), help: "operation-registration (≤ 3 years) or representative-office (≤ 5 years)."
    ) var certKind: String?
    @Option(name: .customLong("cert-number")) var certNumber: String?
    @Option(name: .customLong("cert-issued"), help: "YYYY-MM-DD.") var certIssued: String?
    @Option(name: .customLong("cert-expires"), help: "YYYY-MM-DD.") var certExpires: String?
    @Option(name: .customLong("cert-area"), help: "A province named on the certificate, old names welcome (repeat).")
    var certAreas: [String] = []
    @Option(name: .customLong("cert-field"), help: "A sector named on the certificate (repeat).") var certFields:
        [String] = []
    @Option(help: "Web site.") var website: String?
    @Option(
        name: .customLong("iati-organisation"),
        help: "Its IATI organisation identifier, as its IATI files write it (e.g. GB-COH-1762840).")
    var iatiOrganisation: String?
    @OptionGroup var contact: ContactFlags

    /// The flags that were given, as a record in the import format.
    var record: JSONValue {
        var fields: [String: JSONValue?] = [
            "name": name.json, "acronym": acronym.json, "country": country.json,
            "sectors": sectors.isEmpty ? nil : .string(sectors.joined(separator: ";")),
            "targetGroups": targetGroups.json, "capacity": capacity.json, "languages": languages.json,
            "website": website.json, "iatiOrganisation": iatiOrganisation.json, "communes": communes.json,
        ]
        if !worksIn.isEmpty || !workedIn.isEmpty || nationwide != nil {
            fields["provinces"] = RecordFile.object([
                "current": worksIn.json, "past": workedIn.json, "nationwide": nationwide.json,
            ])
        }
        if grantMin != nil || grantMax != nil {
            fields["grantRange"] = RecordFile.object(["min": grantMin.json, "max": grantMax.json])
        }
        if certKind != nil || certNumber != nil || certIssued != nil || certExpires != nil || !certAreas.isEmpty
            || !certFields.isEmpty
        {
            fields["registration"] = RecordFile.object([
                "kind": certKind.json, "number": certNumber.json, "issued": certIssued.json,
                "expires": certExpires.json,
                "areas": certAreas.json, "fields": certFields.json,
            ])
        }
        fields["contact"] = contact.record
        return RecordFile.object(fields)
    }
}
