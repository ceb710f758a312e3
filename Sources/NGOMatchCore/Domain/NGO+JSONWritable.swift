/// An NGO writes its own JSON, the bytes its synthesized `Encodable` conformance gives (members
/// in declaration order, absent optionals left out): encoding 100,000 NGOs through the generic
/// machinery was a quarter of an import's time.
extension NGO: JSONWritable {
    package func writeJSON(to writer: StreamingJSONEncoder.Writer) {
        writer.object { object in
            object.member("id", id.rawValue)
            object.member("name", name)
            if let acronym { object.member("acronym", acronym) }
            object.member("country", country)
            if let registration { object.member("registration", registration) }
            object.member("sectors", sectors)
            object.member("provinces", provinces)
            if let communes { object.member("communes", communes) }
            object.member("targetGroups", targetGroups.map(\.rawValue))
            if let grantRange { object.member("grantRange", grantRange) }
            object.member("capacity", Double(capacity))
            object.member("languages", languages)
            if let contact { object.member("contact", contact) }
            if let website { object.member("website", website) }
            if let iatiOrganisation { object.member("iatiOrganisation", iatiOrganisation) }
            if let optOut { object.member("optOut", optOut) }
            if let createdAt { object.member("createdAt", createdAt) }
            if let updatedAt { object.member("updatedAt", updatedAt) }
        }
    }
}

extension NGO.SectorExpertise: JSONWritable {
    package func writeJSON(to writer: StreamingJSONEncoder.Writer) {
        writer.object { object in
            object.member("sector", sector.rawValue)
            object.member("expertise", Double(expertise))
        }
    }
}

extension NGO.Presence: JSONWritable {
    package func writeJSON(to writer: StreamingJSONEncoder.Writer) {
        writer.object { object in
            object.member("current", current.map(\.rawValue))
            object.member("past", past.map(\.rawValue))
            object.member("nationwide", nationwide)
        }
    }
}

extension NGO.GrantRange: JSONWritable {
    package func writeJSON(to writer: StreamingJSONEncoder.Writer) {
        writer.object { object in
            object.member("min", min)
            object.member("max", max)
        }
    }
}

extension NGO.OptOut: JSONWritable {
    package func writeJSON(to writer: StreamingJSONEncoder.Writer) {
        writer.object { object in
            object.member("provinces", provinces.map(\.rawValue))
            object.member("sectors", sectors.map(\.rawValue))
        }
    }
}

extension Registration: JSONWritable {
    package func writeJSON(to writer: StreamingJSONEncoder.Writer) {
        writer.object { object in
            object.member("kind", kind.rawValue)
            if let number { object.member("number", number) }
            object.member("issued", issued.description)
            object.member("expires", expires.description)
            object.member("areas", areas)
            object.member("fields", fields.map(\.rawValue))
        }
    }
}

extension Contact: JSONWritable {
    package func writeJSON(to writer: StreamingJSONEncoder.Writer) {
        writer.object { object in
            if let name { object.member("name", name) }
            if let email { object.member("email", email) }
            if let phone { object.member("phone", phone) }
        }
    }
}
