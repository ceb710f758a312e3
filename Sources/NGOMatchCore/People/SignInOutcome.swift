/// How a try to sign in went.
package enum SignInOutcome: Sendable, Equatable {
    case signedIn(Person)
    /// A link or code that was right once but is used, expired, or out of tries.
    case spent
    /// Not a link or code of this person.
    case wrong(triesLeft: Int)
    case unknown
}
