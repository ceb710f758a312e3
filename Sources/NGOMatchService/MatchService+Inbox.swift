import Foundation
import NGOMatchCore
import NGOMatchStore

extension MatchService {
    /// A person chooses how a kind of notice reaches them; an editor of their organisation, or
    /// the ministry, may choose for them.
    package func setNoticeSetting(_ params: PersonNoticesParams, caller: Caller) throws -> PersonNoticeSettings {
        let method = PersonNoticesOperation.name
        let person = try registry.person(params.person)
        if caller.personID != person.id {
            let organisation = try person.role ?? organisation(named: person.organisation, field: "for")
            switch try caller.writer(method) {
            case nil, .ministry?: break
            case let role? where role == organisation: break
            case let role?: throw ServiceError.forbidden(.key("people.organisationOnly", method, role.description))
            }
        }
        let choices = NoticeCadence.choices(for: params.kind)
        guard choices.contains(params.cadence) else {
            throw ServiceError.invalidParams(
                field: "cadence", expected: .notOneOf(params.cadence.rawValue, choices.map(\.rawValue)))
        }
        try registry.setNoticeSetting(
            person.id, kind: params.kind, cadence: params.cadence, audit: caller.audit(method))
        return PersonNoticeSettings(person: person.id, settings: try registry.noticeSettings(of: person.id))
    }

    package func noticeSettings(of personID: String) throws -> [String: NoticeCadence] {
        try registry.noticeSettings(of: personID)
    }

    package func inbox(of personID: String) throws -> [InboxNotice] { try registry.inbox(of: personID) }

    package func unreadCount(of personID: String) -> Int { (try? registry.unreadCount(of: personID)) ?? 0 }

    package func markInboxRead(of personID: String) throws { try registry.markInboxRead(of: personID) }

    /// The link that stops one kind of mail to one person without signing in.
    func unsubscribeLink(person: String, kind: String) throws -> String {
        let signature = try registry.unsubscribeSignature(person: person, kind: kind)
        return "\(mail.publicURL)/unsubscribe?person=\(person)&kind=\(kind)&sig=\(signature)"
    }

    /// Whom an unsubscribe link names, when its signature holds.
    package func unsubscribing(person: String, kind: String, signature: String) -> Person? {
        guard let expected = try? registry.unsubscribeSignature(person: person, kind: kind),
            Secret.same(expected, signature), let found = try? registry.person(person), found.leftAt == nil
        else { return nil }
        return found
    }

    /// Stops the kind of mail the link names: reminders, or a digest (its notices then stay on the web).
    package func unsubscribe(person: String, kind: String, signature: String) throws -> Person? {
        guard let found = unsubscribing(person: person, kind: kind, signature: signature) else { return nil }
        let audit = AuditEntry(actor: "unsubscribe link", method: "people.notices")
        if kind.hasPrefix("digest-"), let cadence = NoticeCadence(rawValue: String(kind.dropFirst("digest-".count))) {
            for (chosen, current) in try registry.noticeSettings(of: found.id)
            where current == cadence && chosen != OverviewMail.noticeKind {
                try registry.setNoticeSetting(found.id, kind: chosen, cadence: .off, audit: audit)
            }
        } else if NoticeCadence.choosableKinds.contains(kind) {
            try registry.setNoticeSetting(found.id, kind: kind, cadence: .off, audit: audit)
        }
        return found
    }

    /// Writes the digests that are due: each person's notices of the kinds they chose to read
    /// daily or weekly, in one message with a one-click unsubscribe.
    package func writeDigests(now: Date = Date()) throws -> Int {
        var written = 0
        for cadence in [NoticeCadence.daily, .weekly] {
            for (person, notices) in try registry.dueDigests(cadence, now: now) {
                guard let address = try? MailAddress(person.email, name: person.name) else { continue }
                let content = DigestMail(
                    cadence: cadence, name: person.name, language: person.language,
                    notices: notices.map { ($0.subject, $0.link) }, inbox: "\(mail.publicURL)/inbox")
                let messageID = mail.messageID(content.kind, secret: Secret.make(bytes: 12))
                let message = content.message(
                    to: address, from: mail.from, messageID: messageID, date: now,
                    unsubscribe: try unsubscribeLink(person: person.id, kind: content.kind))
                let draft = OutboxDraft(
                    messageID: messageID, recipient: address.address, personID: person.id, kind: content.kind,
                    subject: content.subject, message: message.rendered, holdsSecret: false)
                if try registry.writeDigest(draft, notices: notices.map(\.id), now: now) { written += 1 }
            }
        }
        return written
    }

    /// What a server writes on its clock: reminders, digests and overviews.
    package func writeTimedNotices(now: Date = Date()) throws -> Int {
        try writeReminders(now: now) + writeInterestDeadlines(now: now) + writeDeadlineNotices(now: now)
            + writeDigests(now: now) + writeOverviews(now: now)
    }
}
