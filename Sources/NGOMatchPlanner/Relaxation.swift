import NGOMatchCore

/// The best choice of pairs when slots are ignored: each party within its limit
/// (and its number of free slots), each pair at most once, at most slots × tables
/// meetings in all. Every schedule is such a choice, so its value bounds every schedule.
///
/// Solved exactly as a min-cost flow (source → province → NGO → sink) by successive
/// shortest paths with Dijkstra on reduced costs; each path adds one meeting and
/// the gains only shrink, so it stops at the first path that gains nothing.
struct Relaxation {
    /// Total value of the chosen pairs.
    let bound: Double
    /// Indexed like the candidates passed in.
    let chosen: [Bool]
    /// Meetings below the minimums the choice misses: no schedule misses fewer (the minimums
    /// come before value), and the bound is over the choices missing no more.
    let leastShortfall: Int

    init(bound: Double, chosen: [Bool], leastShortfall: Int) {
        self.bound = bound
        self.chosen = chosen
        self.leastShortfall = leastShortfall
    }

    /// - Parameters:
    ///   - candidates: pairs that may meet.
    ///   - provinceCapacity, ngoCapacity: meetings each party may still have.
    ///   - provinceMinimum, ngoMinimum: meetings to prefer above all value, per party (0 to ignore).
    ///   - total: meetings that fit in all, at most.
    init(
        candidates: [PlanningProblem.Candidate], provinceCapacity: [Int], ngoCapacity: [Int],
        provinceMinimum: [Int], ngoMinimum: [Int], total: Int
    ) {
        let provinceCount = provinceCapacity.count
        let source = 0
        let sink = 1
        let firstProvince = 2
        let firstNGO = 2 + provinceCount
        var graph = FlowGraph(nodes: 2 + provinceCount + ngoCapacity.count)
        // Minimums come first: a path through one is worth more than any value can be.
        let premium = candidates.reduce(1) { $0 + $1.value } * 2 + 1
        for (province, capacity) in provinceCapacity.enumerated() where capacity > 0 {
            let wanted = min(provinceMinimum[province], capacity)
            if wanted > 0 { graph.addArc(source, firstProvince + province, capacity: wanted, cost: -premium) }
            if capacity > wanted {
                graph.addArc(source, firstProvince + province, capacity: capacity - wanted, cost: 0)
            }
        }
        let pairArcs = candidates.map { candidate in
            graph.addArc(
                firstProvince + candidate.province, firstNGO + candidate.ngo, capacity: 1, cost: -candidate.value)
        }
        for (ngo, capacity) in ngoCapacity.enumerated() where capacity > 0 {
            let wanted = min(ngoMinimum[ngo], capacity)
            if wanted > 0 { graph.addArc(firstNGO + ngo, sink, capacity: wanted, cost: -premium) }
            if capacity > wanted { graph.addArc(firstNGO + ngo, sink, capacity: capacity - wanted, cost: 0) }
        }
        graph.minimumCostFlow(from: source, to: sink, limit: total, firstLayer: firstProvince..<firstNGO)
        var chosen = [Bool](repeating: false, count: candidates.count)
        var bound = 0.0
        for (position, arc) in pairArcs.enumerated() where graph.capacity[graph.placed[arc]] == 0 {
            chosen[position] = true
            bound += candidates[position].value
        }
        self.chosen = chosen
        self.bound = bound
        var provinceMet = [Int](repeating: 0, count: provinceCount)
        var ngoMet = [Int](repeating: 0, count: ngoCapacity.count)
        for (position, candidate) in candidates.enumerated() where chosen[position] {
            provinceMet[candidate.province] += 1
            ngoMet[candidate.ngo] += 1
        }
        let provinceShort = provinceMinimum.indices.reduce(0) { $0 + max(0, provinceMinimum[$1] - provinceMet[$1]) }
        let ngoShort = ngoMinimum.indices.reduce(0) { $0 + max(0, ngoMinimum[$1] - ngoMet[$1]) }
        leastShortfall = provinceShort + ngoShort
    }
}

/// A residual graph with each node's arcs side by side (compressed rows), so that
/// Dijkstra reads memory in order; `reverse[a]` is the arc opposite `a`.
private struct FlowGraph {
    private var pending: [(from: Int32, to: Int32, capacity: Int32, cost: Double)] = []
    private let nodeCount: Int
    var start: [Int] = []
    var target: [Int32] = []
    var capacity: [Int32] = []
    var cost: [Double] = []
    var reverse: [Int32] = []
    /// Where each arc added with `addArc` ended up.
    var placed: [Int] = []

    init(nodes: Int) { nodeCount = nodes }

    /// - Returns: the arc's number, valid after `build()` through `placed`.
    @discardableResult
    mutating func addArc(_ from: Int, _ to: Int, capacity arcCapacity: Int, cost arcCost: Double) -> Int {
        pending.append((Int32(from), Int32(to), Int32(arcCapacity), arcCost))
        return pending.count - 1
    }

    mutating func build() {
        var degree = [Int](repeating: 0, count: nodeCount + 1)
        for arc in pending {
            degree[Int(arc.from)] += 1
            degree[Int(arc.to)] += 1
        }
        start = [Int](repeating: 0, count: nodeCount + 1)
        for node in 0..<nodeCount { start[node + 1] = start[node] + degree[node] }
        var fill = start
        let total = pending.count * 2
        target = [Int32](repeating: 0, count: total)
        capacity = [Int32](repeating: 0, count: total)
        cost = [Double](repeating: 0, count: total)
        reverse = [Int32](repeating: 0, count: total)
        placed = [Int](repeating: 0, count: pending.count)
        for (index, arc) in pending.enumerated() {
            let forward = fill[Int(arc.from)]
            fill[Int(arc.from)] += 1
            let backward = fill[Int(arc.to)]
            fill[Int(arc.to)] += 1
            target[forward] = arc.to
            capacity[forward] = arc.capacity
            cost[forward] = arc.cost
            reverse[forward] = Int32(backward)
            target[backward] = arc.from
            capacity[backward] = 0
            cost[backward] = -arc.cost
            reverse[backward] = Int32(forward)
            placed[index] = forward
        }
        pending = []
    }

    /// Augments along cheapest paths while they cost less than zero.
    ///
    /// - Parameter firstLayer: the nodes right after the source; the graph is
    ///   layered, so starting potentials come from one pass over the layers.
    mutating func minimumCostFlow(from source: Int, to sink: Int, limit: Int, firstLayer: Range<Int>) {
        build()
        var potential = startingPotentials(source: source, sink: sink, firstLayer: firstLayer)
        var distance = [Double](repeating: .infinity, count: nodeCount)
        var via = [Int](repeating: -1, count: nodeCount)
        var settled = [Bool](repeating: false, count: nodeCount)
        var heap = MinHeap()
        var flow = 0
        while flow < limit {
            let found = start.withUnsafeBufferPointer { start in
                target.withUnsafeBufferPointer { target in
                    capacity.withUnsafeBufferPointer { capacity in
                        cost.withUnsafeBufferPointer { cost in
                            potential.withUnsafeBufferPointer { potential in
                                distance.withUnsafeMutableBufferPointer { distance in
                                    via.withUnsafeMutableBufferPointer { via in
                                        settled.withUnsafeMutableBufferPointer { settled in
                                            Self.shortestPaths(
                                                from: source, to: sink, start: start, target: target,
                                                capacity: capacity, cost: cost, potential: potential,
                                                distance: distance, via: via, settled: settled, heap: &heap)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            guard found else { return }
            let sinkDistance = distance[sink]
            for node in 0..<nodeCount { potential[node] += min(distance[node], sinkDistance) }
            // The path's true cost; a path that gains nothing ends the search.
            if potential[sink] - potential[source] >= -1e-12 { return }
            var node = sink
            while node != source {
                let arc = via[node]
                let opposite = Int(reverse[arc])
                capacity[arc] -= 1
                capacity[opposite] += 1
                node = Int(target[opposite])
            }
            flow += 1
        }
    }

    /// Dijkstra on reduced costs, stopping once the sink is settled.
    /// - Returns: whether the sink can be reached.
    private static func shortestPaths(
        from source: Int, to sink: Int, start: UnsafeBufferPointer<Int>, target: UnsafeBufferPointer<Int32>,
        capacity: UnsafeBufferPointer<Int32>, cost: UnsafeBufferPointer<Double>,
        potential: UnsafeBufferPointer<Double>, distance: UnsafeMutableBufferPointer<Double>,
        via: UnsafeMutableBufferPointer<Int>, settled: UnsafeMutableBufferPointer<Bool>, heap: inout MinHeap
    ) -> Bool {
        for node in 0..<distance.count {
            distance[node] = .infinity
            via[node] = -1
            settled[node] = false
        }
        distance[source] = 0
        heap.removeAll()
        heap.push(0, source)
        while let (key, node) = heap.pop() {
            if settled[node] || key > distance[node] { continue }
            settled[node] = true
            if node == sink { return true }
            let base = potential[node]
            for arc in start[node]..<start[node + 1] where capacity[arc] > 0 {
                let to = Int(target[arc])
                if settled[to] { continue }
                let candidate = key + max(0, cost[arc] + base - potential[to])
                if candidate < distance[to] {
                    distance[to] = candidate
                    via[to] = arc
                    heap.push(candidate, to)
                }
            }
        }
        return false
    }

    private func startingPotentials(source: Int, sink: Int, firstLayer: Range<Int>) -> [Double] {
        var potential = [Double](repeating: 0, count: nodeCount)
        var reached = [Bool](repeating: false, count: nodeCount)
        reached[source] = true
        func relax(from node: Int) {
            for arc in start[node]..<start[node + 1] where capacity[arc] > 0 {
                let to = Int(target[arc])
                let candidate = potential[node] + cost[arc]
                if !reached[to] || candidate < potential[to] {
                    potential[to] = candidate
                    reached[to] = true
                }
            }
        }
        relax(from: source)
        for node in firstLayer where reached[node] { relax(from: node) }
        for node in firstLayer.upperBound..<nodeCount where node != sink && reached[node] { relax(from: node) }
        return potential
    }
}

/// A binary heap of (key, node), smallest key first.
private struct MinHeap {
    private var keys: [Double] = []
    private var nodes: [Int] = []

    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        nodes.removeAll(keepingCapacity: true)
    }

    mutating func push(_ key: Double, _ node: Int) {
        keys.append(key)
        nodes.append(node)
        var child = keys.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard keys[parent] > keys[child] else { break }
            keys.swapAt(parent, child)
            nodes.swapAt(parent, child)
            child = parent
        }
    }

    mutating func pop() -> (Double, Int)? {
        guard let top = keys.first else { return nil }
        let node = nodes[0]
        let lastKey = keys.removeLast()
        let lastNode = nodes.removeLast()
        if !keys.isEmpty {
            keys[0] = lastKey
            nodes[0] = lastNode
            var parent = 0
            while true {
                let left = 2 * parent + 1
                guard left < keys.count else { break }
                let right = left + 1
                let smaller = right < keys.count && keys[right] < keys[left] ? right : left
                guard keys[smaller] < keys[parent] else { break }
                keys.swapAt(parent, smaller)
                nodes.swapAt(parent, smaller)
                parent = smaller
            }
        }
        return (top, node)
    }
}
