import NGOMatchCore

/// Proof that some minimums cannot all hold, in a form a person can check.
///
/// Every schedule is a flow in the time-expanded network source → party → (party, slot) →
/// (partner, slot) → partner → sink, where a party is in each slot at most once, meets at most
/// its cap, and meets only partners it may meet in slots both are free. (Tables and "each pair
/// once" are left out, so the network allows more than any schedule.) If even this network
/// cannot carry every minimum of one side, no schedule can; the minimum cut then names the
/// parties whose minimums together exceed what their possible partners can give them: a
/// Hall-type certificate.
package struct MinimumCertificate: Hashable, Sendable {
    package enum Side: String, Hashable, Sendable, Codable {
        case provinces, ngos
    }

    package let side: Side
    /// The parties whose minimums cannot all be met, by name.
    package let parties: [String]
    /// Their minimums, in the same order.
    package let minimums: [Int]
    /// The meetings they need together.
    package var needed: Int { minimums.reduce(0, +) }
    /// The most meetings they can have together in any schedule.
    package let possible: Int
    /// Everyone they may meet in a slot where both are free.
    package let partners: [String]
    /// When set, the proof is the tables: in the slots the parties are free, the event's
    /// `tables` seat at most `possible` of their meetings.
    package var tables: Int? = nil

    package func text(_ language: Language) -> String {
        func say(_ key: String, _ values: String...) -> String { Messages.text(key, language, values) }
        let names = Self.list(parties, language)
        let partnerNames =
            Self.list(Array(partners.prefix(6)), language)
            + (partners.count > 6 ? say("proof.andMore", "\(partners.count - 6)") : "")
        if let tables {
            return say(
                tables == 1 ? "proof.tables.one" : "proof.tables", names, "\(needed)", "\(tables)", "\(possible)")
        }
        let need =
            parties.count == 1
            ? say(needed == 1 ? "proof.needs.one" : "proof.needs", names, "\(needed)")
            : say("proof.needTogether", names, "\(needed)", minimums.map(String.init).joined(separator: ", "))
        return need + say(possible == 1 ? "proof.possible.one" : "proof.possible", "\(possible)", partnerNames)
    }

    private static func list(_ names: [String], _ language: Language) -> String {
        guard let last = names.last else { return "" }
        if names.count == 1 { return last }
        return names.dropLast().joined(separator: ", ") + Messages.text("proof.and", language) + last
    }
}

enum MinimumProof {
    /// Certificates for each side whose minimums the network cannot carry; empty when none is found.
    static func certificates(_ problem: PlanningProblem) -> [MinimumCertificate] {
        [true, false].flatMap { provincesFirst in
            [side(problem, provincesFirst: provincesFirst), tables(problem, provincesFirst: provincesFirst)].compactMap
            {
                $0
            }
        }
    }

    /// The shortfall no schedule can avoid: on each side, the largest any certificate proves.
    static func floor(_ certificates: [MinimumCertificate]) -> Int {
        Dictionary(grouping: certificates, by: \.side).values.reduce(0) { sum, proofs in
            sum + (proofs.map { $0.needed - $0.possible }.max() ?? 0)
        }
    }

    /// Every party of one side with a minimum, when the tables of the slots they are free in
    /// cannot seat their minimums together.
    private static func tables(_ problem: PlanningProblem, provincesFirst: Bool) -> MinimumCertificate? {
        guard let tables = problem.tables else { return nil }
        let owners = provincesFirst ? problem.provinces : problem.ngos
        let wanting = owners.indices.filter { owners[$0].minMeetings > 0 }
        let needed = wanting.reduce(0) { $0 + owners[$1].minMeetings }
        let seats = (0..<problem.slotCount).reduce(0) { sum, slot in
            sum + min(tables, wanting.filter { owners[$0].available & (1 << UInt64(slot)) != 0 }.count)
        }
        guard seats < needed else { return nil }
        var certificate = MinimumCertificate(
            side: provincesFirst ? .provinces : .ngos, parties: wanting.map { owners[$0].name },
            minimums: wanting.map { owners[$0].minMeetings }, possible: seats, partners: [])
        certificate.tables = tables
        return certificate
    }

    private static func side(_ problem: PlanningProblem, provincesFirst: Bool) -> MinimumCertificate? {
        let owners = provincesFirst ? problem.provinces : problem.ngos
        let wanting = owners.indices.filter { owners[$0].minMeetings > 0 }
        guard !wanting.isEmpty else { return nil }
        let all = Set(wanting)
        let (carried, reached) = carry(problem, provincesFirst: provincesFirst, owners: all)
        let needed = wanting.reduce(0) { $0 + owners[$1].minMeetings }
        guard carried < needed else { return nil }
        // The parties the cut leaves short: what they can have together is what a network with
        // only them carries, and that is less than their minimums.
        let short = wanting.filter { reached.contains($0) }
        let group = short.isEmpty ? wanting : short
        let (possible, _) = carry(problem, provincesFirst: provincesFirst, owners: Set(group))
        let wanted = group.reduce(0) { $0 + owners[$1].minMeetings }
        guard possible < wanted else { return nil }
        var partners = Set<Int>()
        for candidate in problem.candidates where group.contains(provincesFirst ? candidate.province : candidate.ngo) {
            partners.insert(provincesFirst ? candidate.ngo : candidate.province)
        }
        let others = provincesFirst ? problem.ngos : problem.provinces
        return MinimumCertificate(
            side: provincesFirst ? .provinces : .ngos, parties: group.map { owners[$0].name },
            minimums: group.map { owners[$0].minMeetings }, possible: possible,
            partners: partners.sorted().map { others[$0].name })
    }

    /// The most meetings the owners can have at once, each up to its minimum, and the owners
    /// still reachable from the source when the flow is maximal (the short side of the cut).
    private static func carry(_ problem: PlanningProblem, provincesFirst: Bool, owners: Set<Int>) -> (Int, Set<Int>) {
        let slots = problem.slotCount
        let ownerParties = provincesFirst ? problem.provinces : problem.ngos
        let partnerParties = provincesFirst ? problem.ngos : problem.provinces
        // Nodes: source, sink, owners, partners, then (owner, slot) and (partner, slot).
        let source = 0
        let sink = 1
        let ownerBase = 2
        let partnerBase = ownerBase + ownerParties.count
        let ownerSlotBase = partnerBase + partnerParties.count
        let partnerSlotBase = ownerSlotBase + ownerParties.count * slots
        var network = MaxFlow(nodes: partnerSlotBase + partnerParties.count * slots)
        for owner in owners.sorted() {
            let party = ownerParties[owner]
            network.addArc(source, ownerBase + owner, min(party.minMeetings, party.maxMeetings))
            forEachSlot(party.available, slots) {
                network.addArc(ownerBase + owner, ownerSlotBase + owner * slots + $0, 1)
            }
        }
        var usedPartners = Set<Int>()
        for candidate in problem.candidates {
            let owner = provincesFirst ? candidate.province : candidate.ngo
            guard owners.contains(owner) else { continue }
            let partner = provincesFirst ? candidate.ngo : candidate.province
            usedPartners.insert(partner)
            forEachSlot(candidate.slots, slots) {
                network.addArc(ownerSlotBase + owner * slots + $0, partnerSlotBase + partner * slots + $0, 1)
            }
        }
        for partner in usedPartners.sorted() {
            let party = partnerParties[partner]
            forEachSlot(party.available, slots) {
                network.addArc(partnerSlotBase + partner * slots + $0, partnerBase + partner, 1)
            }
            network.addArc(partnerBase + partner, sink, party.maxMeetings)
        }
        let flow = network.maximumFlow(from: source, to: sink)
        let reachable = network.reachable(from: source)
        return (flow, Set(owners.filter { reachable[ownerBase + $0] }))
    }

    private static func forEachSlot(_ mask: UInt64, _ slots: Int, _ body: (Int) -> Void) {
        var open = mask & (slots == 64 ? ~0 : (1 << UInt64(slots)) - 1)
        while open != 0 {
            body(open.trailingZeroBitCount)
            open &= open - 1
        }
    }
}

/// Dinic's maximum flow on integer capacities.
struct MaxFlow {
    private var head: [Int]
    private var next: [Int] = []
    private var target: [Int] = []
    private var capacity: [Int] = []
    private var level: [Int]
    private var cursor: [Int]

    init(nodes: Int) {
        head = [Int](repeating: -1, count: nodes)
        level = [Int](repeating: -1, count: nodes)
        cursor = [Int](repeating: -1, count: nodes)
    }

    mutating func addArc(_ from: Int, _ to: Int, _ arcCapacity: Int) {
        guard arcCapacity > 0 else { return }
        target.append(to)
        capacity.append(arcCapacity)
        next.append(head[from])
        head[from] = target.count - 1
        target.append(from)
        capacity.append(0)
        next.append(head[to])
        head[to] = target.count - 1
    }

    mutating func maximumFlow(from source: Int, to sink: Int) -> Int {
        var flow = 0
        while levels(from: source, to: sink) {
            cursor = head
            while true {
                let pushed = push(source, sink, Int.max)
                if pushed == 0 { break }
                flow += pushed
            }
        }
        return flow
    }

    /// Nodes reachable from the source through arcs with capacity left.
    func reachable(from source: Int) -> [Bool] {
        var seen = [Bool](repeating: false, count: head.count)
        var stack = [source]
        seen[source] = true
        while let node = stack.popLast() {
            var arc = head[node]
            while arc >= 0 {
                if capacity[arc] > 0 && !seen[target[arc]] {
                    seen[target[arc]] = true
                    stack.append(target[arc])
                }
                arc = next[arc]
            }
        }
        return seen
    }

    private mutating func levels(from source: Int, to sink: Int) -> Bool {
        for index in level.indices { level[index] = -1 }
        level[source] = 0
        var queue = [source]
        var front = 0
        while front < queue.count {
            let node = queue[front]
            front += 1
            var arc = head[node]
            while arc >= 0 {
                if capacity[arc] > 0 && level[target[arc]] < 0 {
                    level[target[arc]] = level[node] + 1
                    queue.append(target[arc])
                }
                arc = next[arc]
            }
        }
        return level[sink] >= 0
    }

    /// One augmenting path in the level graph; paths are six arcs long, so recursion stays shallow.
    private mutating func push(_ node: Int, _ sink: Int, _ limit: Int) -> Int {
        if node == sink { return limit }
        while cursor[node] >= 0 {
            let arc = cursor[node]
            let to = target[arc]
            if capacity[arc] > 0 && level[to] == level[node] + 1 {
                let pushed = push(to, sink, min(limit, capacity[arc]))
                if pushed > 0 {
                    capacity[arc] -= pushed
                    capacity[arc ^ 1] += pushed
                    return pushed
                }
            }
            cursor[node] = next[arc]
        }
        return 0
    }
}
