import Crypto
import Foundation
import NGOMatchCore

/// A way in sent by mail: a link and a 6-digit code, both for one person, once, until `expires`.
/// Only their hashes are kept.
package struct SignInGrant: Sendable {
    package enum Purpose: String, Sendable {
        case invitation
        case signIn = "sign-in"
    }

    package let purpose: Purpose
    let linkHash: String
    let codeHash: String
    package let expires: Date

    /// The hashes of `link` and `code`; the code's is bound to the person, so one hash table
    /// of the million codes does not serve every person.
    package init(purpose: Purpose, link: String, code: String, personID: String, expires: Date) {
        self.purpose = purpose
        self.linkHash = Registry.hash(link)
        self.codeHash = Self.codeHash(code, personID: personID)
        self.expires = expires
    }

    static func codeHash(_ code: String, personID: String) -> String { Registry.hash("\(personID):\(code)") }
}
