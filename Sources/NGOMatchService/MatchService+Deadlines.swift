import Foundation
import NGOMatchCore
import NGOMatchStore

/// Deadlines ngomatch already knows from the records: a Decree 58 certificate's expiry, and
/// the reports the certificate makes due.
extension MatchService {
    /// Days before a certificate's expiry when the NGO's people are reminded.
    package static let certificateWarnings = [90, 30]

    /// Reminds each NGO's people of its certificate's expiry, 90 and then 30 days before, and of
    /// each report due soon, once each.
    package func writeDeadlineNotices(now: Date = Date()) throws -> Int {
        try writeCertificateNotices(now: now) + writeReportNotices(now: now)
    }

    func writeCertificateNotices(now: Date) throws -> Int {
        let today = CalendarDate(now)
        var written = 0
        for (ngo, people) in try certifiedNGOsWithPeople() {
            guard let registration = ngo.registration else { continue }
            let left = registration.expires.dayNumber - today.dayNumber
            guard let warning = Self.certificateWarnings.filter({ left <= $0 && left >= 0 }).min() else { continue }
            written += try remind(
                people, topic: "certificate:\(ngo.id.rawValue):\(registration.expires):\(warning)", now: now
            ) { person in
                DeadlineMail(
                    ngo: ngo.name, due: LocalFormat.date(registration.expires, person.language), daysLeft: left,
                    name: person.name, language: person.language, link: "\(mail.publicURL)/ngos/\(ngo.id.rawValue)")
            }
        }
        return written
    }

    /// The certified NGOs someone would hear a reminder for, with those people: read from the
    /// people, so a registry of many NGOs and few people reads few records every minute.
    func certifiedNGOsWithPeople() throws -> [(NGO, [Person])] {
        let byOrganisation = Dictionary(grouping: try registry.people(includingLeft: false)) { $0.role }
        return byOrganisation.compactMap { role, people in
            guard case .ngo(let id)? = role, let ngo = try? registry.ngo(named: id.rawValue) else { return nil }
            return ngo.registration == nil ? nil : (ngo, people)
        }.sorted { $0.0.id.rawValue < $1.0.id.rawValue }
    }

    /// Writes a deadline's reminder to each of `people` in their language, once for `topic`.
    func remind(_ people: [Person], topic: String, now: Date, _ content: (Person) -> DeadlineMail) throws -> Int {
        let drafts: [OutboxDraft] = people.compactMap { person in
            let content = content(person)
            guard let address = try? MailAddress(person.email, name: person.name) else { return nil }
            let messageID = mail.messageID(content.kind, secret: Secret.make(bytes: 12))
            let message = content.message(
                to: address, from: mail.from, messageID: messageID, date: now,
                unsubscribe: try? unsubscribeLink(person: person.id, kind: content.kind))
            return OutboxDraft(
                messageID: messageID, recipient: address.address, personID: person.id, kind: content.kind,
                subject: content.subject, message: message.rendered, holdsSecret: false, topic: topic,
                link: content.link)
        }
        return try registry.enqueueUnlessSent(
            kinds: [DeadlineMail.noticeKind], writing: DeadlineMail.noticeKind, topic: topic,
            since: Date(timeIntervalSince1970: 0), now: now, drafts)
    }
}
