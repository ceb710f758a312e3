import Foundation
import NGOMatchCore
import NGOMatchStore

extension MatchService {
    /// How long a sign-in link and code stay good.
    package static let signInValidity: Duration = .seconds(20 * 60)

    /// Sends a way in to the address if someone still here signs in with it; says nothing
    /// either way, so that nobody learns who is registered by asking.
    package func requestSignIn(email: String) throws {
        guard let person = try registry.activePerson(email: email),
            let address = try? MailAddress(person.email, name: person.name)
        else { return }
        let (grant, message) = signInMail(
            .signIn, to: person, address: address, purpose: .signIn, validity: Self.signInValidity)
        try registry.grantSignIn(to: person.id, grant, message: message)
    }

    /// Whom a link would sign in, without using it up.
    package func holder(ofLink link: String) throws -> Person? { try registry.holder(ofLink: link) }

    /// Uses a link from a message: the person it signs in, once.
    package func signIn(link: String) throws -> SignInOutcome { try registry.redeem(link: link) }

    /// Uses a code typed with its address: a wrong code spends one of its few tries.
    package func signIn(code: String, email: String) throws -> SignInOutcome {
        try registry.redeem(code: code, email: email)
    }
}

extension Person {
    /// The caller a signed-in person acts as.
    package var caller: Caller? { role.map { .person(id: id, role: $0, rights: rights) } }
}
