import Foundation
import NGOMatchCore
import NGOMatchStore

/// Deadlines ngomatch already knows from the records: a Decree 58 certificate's expiry, and
/// the reports the certificate makes due.
extension MatchService {
    /// Days before a certificate's expiry when the NGO's people are reminded.
    public static let certificateWarnings = [90, 30]

    /// Reminds each NGO's people of its certificate's expiry, 90 and then 30 days before, and of
    /// each report due soon, once each.
    public func writeDeadlineNotices(now: Date = Date()) throws -> Int {
        try writeCertificateNotices(now: now) + writeReportNotices(now: now)
    }

    func writeCertificateNotices(now: Date) throws -> Int {
        let today = CalendarDate(now)
        var written = 0
        for ngo in try registry.ngos() {
            guard let registration = ngo.registration else { continue }
            let left = registration.expires.dayNumber - today.dayNumber
            guard let warning = Self.certificateWarnings.filter({ left <= $0 && left >= 0 }).min() else { continue }
            let people = try registry.people(organisation: "ngo:\(ngo.id.rawValue)", includingLeft: false)
            let drafts: [OutboxDraft] = people.compactMap { person in
                let language = person.language
                let content = DeadlineMail(
                    ngo: ngo.name, due: LocalFormat.date(registration.expires, language), daysLeft: left,
                    name: person.name, language: language, link: "\(mail.publicURL)/ngos/\(ngo.id.rawValue)")
                guard let address = try? MailAddress(person.email, name: person.name) else { return nil }
                let messageID = mail.messageID(content.kind, secret: Secret.make(bytes: 12))
                let message = content.message(
                    to: address, from: mail.from, messageID: messageID, date: now,
                    unsubscribe: try? unsubscribeLink(person: person.id, kind: content.kind))
                return OutboxDraft(
                    messageID: messageID, recipient: address.address, personID: person.id, kind: content.kind,
                    subject: content.subject, message: message.rendered, holdsSecret: false,
                    topic: "certificate:\(ngo.id.rawValue):\(registration.expires):\(warning)", link: content.link)
            }
            written += try registry.enqueueUnlessSent(
                kinds: [DeadlineMail.noticeKind], writing: DeadlineMail.noticeKind,
                topic: "certificate:\(ngo.id.rawValue):\(registration.expires):\(warning)",
                since: Date(timeIntervalSince1970: 0), now: now, drafts)
        }
        return written
    }
}
