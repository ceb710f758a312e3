/// Who to talk to about a record.
public struct Contact: Hashable, Sendable, Codable {
    public var name: String?
    public var email: String?
    public var phone: String?

    public init(name: String? = nil, email: String? = nil, phone: String? = nil) {
        self.name = name
        self.email = email
        self.phone = phone
    }

    public var isEmpty: Bool { name == nil && email == nil && phone == nil }
}
