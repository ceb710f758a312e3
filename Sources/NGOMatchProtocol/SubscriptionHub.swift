import Foundation
import NGOMatchCore
import NGOMatchPlanner
import NGOMatchService
import NGOMatchStore
import Synchronization

/// Subscriptions of NGO offices to new needs: when any client registers a need
/// that scores at or above a subscriber's minimum for its NGO, the subscriber
/// gets a `needs.matched` notification.
package final class SubscriptionHub: Sendable {
    struct Subscription: Sendable {
        let id: String
        let session: Session
        let ngo: NGOID
        let minScore: Double
        let rules: String?
    }

    private let subscriptions = Mutex<[String: Subscription]>([:])
    /// Connections following an event: `events.changed` when its published meetings change.
    private let eventFollowers = Mutex<[String: (session: Session, event: String)]>([:])
    private let counter = Atomic<Int>(0)
    /// Connections following the notices of an organisation (all, when nil), with the last
    /// notice each has heard of.
    private let noticeFollowers = Mutex<[String: (session: Session, organisation: String?, after: Int)]>([:])

    package init() {}

    func followNotices(organisation: String?, after: Int, session: Session) -> String {
        let id = "sub-\(counter.wrappingAdd(1, ordering: .relaxed).newValue)"
        noticeFollowers.withLock { $0[id] = (session, organisation, after) }
        return id
    }

    package var followsNotices: Bool { noticeFollowers.withLock { !$0.isEmpty } }

    /// Sends each follower the notices written since it last heard, by this process or another
    /// on the same registry: `notices.new`, one a notice.
    package func pushNotices(_ service: MatchService, log: (String) -> Void) {
        let followers = noticeFollowers.withLock { $0 }
        for (id, follower) in followers.sorted(by: { $0.key < $1.key }) {
            do {
                let new = try service.registry.notices(after: follower.after, organisation: follower.organisation)
                guard let last = new.last?.notice.id else { continue }
                for notice in new {
                    follower.session.send(
                        try Envelope.notification("notices.new", params: NewNotice(subscription: id, notice: notice)))
                }
                noticeFollowers.withLock { all in
                    if all[id] != nil { all[id]?.after = last }
                }
            } catch {
                log("notice notification failed: \(error)")
            }
        }
    }

    struct NewNotice: Encodable {
        let subscription: String
        let notice: FollowedNotice
    }

    func subscribe(session: Session, ngo: NGOID, minScore: Double, rules: String?) -> String {
        let id = "sub-\(counter.wrappingAdd(1, ordering: .relaxed).newValue)"
        subscriptions.withLock {
            $0[id] = Subscription(id: id, session: session, ngo: ngo, minScore: minScore, rules: rules)
        }
        return id
    }

    func unsubscribe(_ id: String, session: Session) -> Bool {
        let needs = subscriptions.withLock { all in
            guard all[id]?.session === session else { return false }
            all[id] = nil
            return true
        }
        return needs
            || eventFollowers.withLock { all in
                guard all[id]?.session === session else { return false }
                all[id] = nil
                return true
            }
            || noticeFollowers.withLock { all in
                guard all[id]?.session === session else { return false }
                all[id] = nil
                return true
            }
    }

    func follow(event: String, session: Session) -> String {
        let id = "sub-\(counter.wrappingAdd(1, ordering: .relaxed).newValue)"
        eventFollowers.withLock { $0[id] = (session, event) }
        return id
    }

    /// Forgets a closed connection's subscriptions.
    package func drop(_ session: Session) {
        subscriptions.withLock { all in all = all.filter { $0.value.session !== session } }
        eventFollowers.withLock { all in all = all.filter { $0.value.session !== session } }
        noticeFollowers.withLock { all in all = all.filter { $0.value.session !== session } }
    }

    /// Tells each follower of the event whose meetings changed (the ministry: every change).
    func eventChanged(_ change: EventChange, log: (String) -> Void) {
        let followers = eventFollowers.withLock { $0.filter { $0.value.event == change.event } }
        for (id, follower) in followers.sorted(by: { $0.key < $1.key }) {
            let caller = follower.session.caller
            let concerned = change.parties.filter { party in
                switch (caller.role, party.side) {
                case _ where caller.seesEverything: true
                case (.province(let own)?, .province): own.rawValue == party.id
                case (.ngo(let own)?, .ngo): own.rawValue == party.id
                default: false
                }
            }
            guard !concerned.isEmpty else { continue }
            let notification = Changed(
                subscription: id, event: change.event, message: change.message,
                participants: concerned.map { ["side": $0.side.rawValue, "id": $0.id] })
            do {
                follower.session.send(try Envelope.notification("events.changed", params: notification))
            } catch {
                log("event notification failed: \(error)")
            }
        }
    }

    struct Changed: Encodable {
        let subscription: String
        let event: String
        let message: String
        let participants: [[String: String]]
    }

    package var count: Int { subscriptions.withLock { $0.count } }

    /// Scores a newly registered need for every subscriber and notifies those it reaches.
    func needRegistered(_ id: NeedID, service: MatchService, log: (String) -> Void) {
        let current = subscriptions.withLock { Array($0.values) }
        guard !current.isEmpty else { return }
        do {
            let index = try service.index()
            guard let needPosition = index.needPosition(id) else { return }
            for subscription in current.sorted(by: { $0.id < $1.id }) {
                guard let ngoPosition = index.ngoPosition(subscription.ngo) else { continue }
                let rules = try service.rules(subscription.rules)
                let assessment = index.assess(needPosition: needPosition, ngoPosition: ngoPosition, rules: rules)
                guard !assessment.isExcluded, assessment.score >= subscription.minScore else { continue }
                let report = AssessmentReport(assessment, index: index, language: .en)
                let notification = Matched(
                    subscription: subscription.id, ngo: subscription.ngo, need: index.needs[needPosition],
                    score: report.score, reasons: report.reasons)
                subscription.session.send(try Envelope.notification("needs.matched", params: notification))
            }
        } catch {
            log("subscription notification failed: \(error)")
        }
    }

    struct Matched: Encodable {
        let subscription: String
        let ngo: NGOID
        let need: Need
        let score: Double
        let reasons: [String]
    }
}
