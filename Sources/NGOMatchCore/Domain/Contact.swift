/// Who to talk to about a record.
package struct Contact: Hashable, Sendable, Codable {
    package var name: String?
    package var email: String?
    package var phone: String?

    package init(name: String? = nil, email: String? = nil, phone: String? = nil) {
        self.name = name
        self.email = email
        self.phone = phone
    }

    package var isEmpty: Bool { name == nil && email == nil && phone == nil }
}
