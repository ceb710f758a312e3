import Foundation
import NGOMatchCore
import NGOMatchStore
import Synchronization

/// The operations of ngomatch, over one registry. The CLI and the protocol both
/// call these methods: one operation, two doors.
///
/// Reads share a compiled `MatchIndex`, rebuilt only when the registry's revision
/// moves (a write here, or by another process on the same file).
package final class MatchService: Sendable {
    package let registry: Registry
    /// The compiled index at `revisions.upperBound`. It serves every revision in `revisions`:
    /// one followed past the revision asked for (a write came in meanwhile) still answers for it,
    /// but a file whose revision went back (a restored backup) is compiled again.
    private let cache = Mutex<(revisions: ClosedRange<Int>, index: MatchIndex)?>(nil)
    /// The names NGOs are found by, made from the index of the same revision.
    private let directories = Mutex<(revision: Int, directory: NGODirectory)?>(nil)
    /// The revision last read, with when and at which count of this process's own changes.
    private let revisionSeen = Mutex<(revision: Int, changes: Int, at: ContinuousClock.Instant)?>(nil)
    private let rebuilding = Mutex(())
    private let compilations = Atomic<Int>(0)
    /// Parsed rule sets by shipped name, registry name and version, or file and
    /// modification time: parsing YAML costs far more than a ranking.
    let ruleCache = Mutex<[String: RuleSet]>([:])
    /// The version a bare registry name stood for, at the revision it was read.
    let ruleVersions = Mutex<(revision: Int, versions: [String: Int])>((-1, [:]))
    /// Whether a `rules` value may name a file: only for the local user of the CLI.
    package let ruleFiles: RuleFiles
    /// Told of every need registered through this service, after it is stored.
    private let needObservers = Mutex<[@Sendable (NeedID) -> Void]>([])
    /// Told when an event's published meetings change, after the change is stored.
    private let eventObservers = Mutex<[@Sendable (EventChange) -> Void]>([])

    /// Rule files on this machine, by path.
    package enum RuleFiles: Sendable {
        /// The CLI's local user may score with a rule file they point to.
        case readable
        /// Protocol clients may not: a path would let them probe the server's files.
        case refused
    }

    private let mailIdentity: Mutex<MailIdentity>

    package init(registry: Registry, ruleFiles: RuleFiles = .refused, mail: MailIdentity = .local) {
        self.registry = registry
        self.ruleFiles = ruleFiles
        self.mailIdentity = Mutex(mail)
    }

    /// Whom notices come from and where their links lead.
    package var mail: MailIdentity { mailIdentity.withLock { $0 } }

    /// For a web app that learns its own address only once it listens (port 0), when no
    /// public address was given.
    package func useMailIdentity(_ identity: MailIdentity) { mailIdentity.withLock { $0 = identity } }

    package var reference: ReferenceData { registry.reference }

    /// How long a revision read from the file is trusted. Changes made through this
    /// service are seen at once; changes by another process (the CLI while a server
    /// runs) within this time. Reading it on every request cost a tenth of a reply.
    package static let revisionTrust: Duration = .milliseconds(2)

    /// The registry's revision, read again only when this process changed it or the last reading is old.
    package func revision() throws -> Int {
        if let revision = trustedRevision() { return revision }
        let changes = registry.changesCommittedHere
        let now = ContinuousClock.now
        let revision = try registry.revision()
        revisionSeen.withLock { $0 = (revision, changes, now) }
        return revision
    }

    /// The revision if it can be known without reading the file.
    package func trustedRevision() -> Int? {
        guard let seen = revisionSeen.withLock({ $0 }), seen.changes == registry.changesCommittedHere,
            ContinuousClock.now - seen.at < Self.revisionTrust
        else { return nil }
        return seen.revision
    }

    /// The compiled index at the registry's current revision.
    package func index() throws -> MatchIndex {
        let revision = try revision()
        if let cached = cache.withLock({ $0 }), cached.revisions.contains(revision) { return cached.index }
        // One rebuild at a time: after a write, every worker would otherwise read and compile the same registry.
        return try rebuilding.withLock { _ in
            let cached = cache.withLock { $0 }
            if let cached, cached.revisions.contains(revision) { return cached.index }
            if let cached, revision > cached.revisions.upperBound,
                let (followed, at) = try following(cached.index, from: cached.revisions.upperBound, to: revision)
            {
                // A reader that read the revision just before this write may still ask for it:
                // the followed index answers it too, newer by the write, rather than compile again.
                cache.withLock { $0 = (cached.revisions.lowerBound...at, followed) }
                return followed
            }
            // A new process starts from the snapshot a previous one left, following what was written since.
            if cached == nil, let (snapshot, at) = try registry.snapshotMatchIndex(),
                let (followed, to) = try following(snapshot, from: at, to: revision)
            {
                cache.withLock { $0 = (min(at, revision)...to, followed) }
                return followed
            }
            let fresh = try registry.revisedMatchIndex()
            compilations.add(1, ordering: .relaxed)
            cache.withLock { $0 = (min(revision, fresh.revision)...fresh.revision, fresh.index) }
            return fresh.index
        }
    }

    /// Keeps an index compiled elsewhere (by an import, from the records it wrote) for its revision.
    func adopt(_ index: MatchIndex, at revision: Int) {
        rebuilding.withLock { _ in
            if let kept = cache.withLock({ $0 }), kept.revisions.upperBound >= revision { return }
            cache.withLock { $0 = (revision...revision, index) }
        }
    }

    /// The kept index if it serves the registry's current revision, without compiling one: a
    /// new process asked for one record reads it from the registry in milliseconds rather than
    /// compile every NGO first.
    func keptIndex() throws -> MatchIndex? {
        let revision = try revision()
        guard let cached = cache.withLock({ $0 }), cached.revisions.contains(revision) else { return nil }
        return cached.index
    }

    /// How many times this service compiled the whole index (writes made here are followed in place).
    package var indexCompilations: Int { compilations.load(ordering: .relaxed) }

    /// More records than this in the changes since the kept index, and building afresh is as quick.
    static let largestFollowedChange = 2_000

    /// The kept index changed in place for the records written since its revision, when every
    /// write between was made here; nil when one was not and the index must be built afresh.
    /// - Returns: the index and the revision it is at, `end` or a later one written meanwhile.
    private func following(_ kept: MatchIndex, from start: Int, to end: Int) throws -> (MatchIndex, Int)? {
        var target = end
        // A write between reading the revision and reading the records moves the target on.
        for _ in 0..<3 {
            guard let changes = registry.changes(after: start, through: target),
                changes.count <= Self.largestFollowedChange
            else { return nil }
            let records = try registry.records(changes)
            guard records.revision == target else {
                target = records.revision
                continue
            }
            var index = kept
            for ngo in records.ngos { index.upsert(ngo) }
            for need in records.needs { index.upsert(need) }
            for partnership in records.partnerships { index.record(partnership) }
            return (index, target)
        }
        return nil
    }

    /// What the writes after revision `start` up to `end` changed, when all were made through
    /// this registry; nil when one was not (an import, another process).
    package func changes(after start: Int, through end: Int) -> RecordChanges? {
        registry.changes(after: start, through: end)
    }

    /// Whether changing these needs may change NGOs' track record: one of them has a completed
    /// partnership, counted in its province and sectors. True when no index is kept to say.
    package func changesTrackRecord(_ needs: Set<NeedID>) -> Bool {
        guard !needs.isEmpty else { return false }
        guard let index = cache.withLock({ $0?.index }) else { return true }
        return needs.contains { index.hasCompletedPartnership($0) }
    }

    /// The communes and former communes, parsed on first use.
    package func communes() -> CommuneDirectory { reference.communes }

    /// NGOs by id, name or acronym, at the registry's current revision.
    package func ngoDirectory() throws -> NGODirectory {
        let index = try index()
        let revision = try revision()
        if let kept = directories.withLock({ $0 }), kept.revision == revision { return kept.directory }
        let directory = index.ngoDirectory
        directories.withLock { $0 = (revision, directory) }
        return directory
    }

    /// Calls `observer` with the id of each need registered from now on (subscriptions use it).
    package func observeRegisteredNeeds(_ observer: @escaping @Sendable (NeedID) -> Void) {
        needObservers.withLock { $0.append(observer) }
    }

    func needRegistered(_ id: NeedID) {
        for observer in needObservers.withLock({ $0 }) { observer(id) }
    }

    /// Calls `observer` whenever a published schedule changes someone's meetings.
    package func observeEventChanges(_ observer: @escaping @Sendable (EventChange) -> Void) {
        eventObservers.withLock { $0.append(observer) }
    }

    func eventChanged(_ change: EventChange) {
        for observer in eventObservers.withLock({ $0 }) { observer(change) }
    }
}
