import Foundation

/// A mailbox: a display name and an address, as a header names it.
package struct MailAddress: Hashable, Sendable {
    package let name: String?
    package let address: String

    /// - Throws: `MailAddress.Invalid` unless `address` is one mailbox (`local@domain`, no
    ///   space, no angle brackets, no line break): what a person types must never become a
    ///   second recipient or a header of its own.
    package init(_ address: String, name: String? = nil) throws(Invalid) {
        let trimmed = address.trimmingSpaces
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        let forbidden: Set<Character> = [" ", "\t", "\r", "\n", "<", ">", ",", ";", "\"", "(", ")", "[", "]", "\\"]
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
            !parts[1].hasSuffix("."), !trimmed.contains(where: forbidden.contains),
            trimmed.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x21 })
        else { throw Invalid(address: address) }
        self.address = trimmed
        // A name's spaces, one at a time: readers of a name collapse runs of them.
        self.name = name.map { MailHeader.oneLine($0).split(separator: " ").joined(separator: " ") }
            .flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The address cannot be written in a header as one mailbox.
    package struct Invalid: Error, Hashable, Sendable, Readable {
        package let address: String
        package var phrase: Phrase { .key("mail.invalidAddress", address) }
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
