import Foundation

/// Unguessable values: tokens, sign-in links, codes, message ids.
package enum Secret {
    /// `bytes` random bytes as URL-safe base64 without padding.
    package static func make(bytes: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        let data = Data((0..<bytes).map { _ in UInt8.random(in: 0...255, using: &generator) })
        return data.base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// `count` characters drawn evenly from lowercase letters and digits (and uppercase ones
    /// unless `lowercase`): an id a person can type after a command, which never starts with
    /// '-' and so is never taken for an option.
    package static func identifier(count: Int = 8, lowercase: Bool = false) -> String {
        let alphabet = Array(
            lowercase
                ? "abcdefghijklmnopqrstuvwxyz0123456789"
                : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<count).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }

    /// Six digits, each of the million equally likely.
    package static func code() -> String {
        var generator = SystemRandomNumberGenerator()
        let value = Int.random(in: 0..<1_000_000, using: &generator)
        let digits = String(value)
        return String(repeating: "0", count: 6 - digits.count) + digits
    }

    /// Compares in time that does not depend on where the texts differ.
    package static func same(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8)
        let right = Array(b.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
