/// A need's best candidates without scoring every one. Each candidate's score is bounded from
/// its packed inputs (one record of 64 bytes; see `ScoreBoundInputs`), the candidates are put in
/// buckets by bound, and the buckets are scored from the highest down until a bucket's bounds
/// fall below the last score on the list. A candidate left unscored could not have entered the
/// list, so the list is the one a full scan makes (tested against it).
extension MatchIndex {
    private static let bucketCount = 64

    func boundedTop(needPosition: Int, _ compiled: CompiledRules, capacity: Int) -> TopList {
        var top = TopList(capacity: capacity)
        guard capacity > 0 else { return top }
        let rules = compiled.rules
        let need = compiledNeeds[needPosition]
        let context = boundContext(need, compiled)
        let minimum = rules.minimumScore
        let checksCertificate = rules.filters.certificateValid
        var bounded: [(bound: Double, position: Int32)] = []
        var highest = -Double.infinity
        var candidates = ngoCandidates(for: need, rules: rules, options: RankOptions())
        if let covered = coveredByCertificateFields(need, rules.filters.certificateFields) {
            candidates.formIntersection(covered)
        }
        var positions: [Int32] = []
        candidates.forEachMember { positions.append(Int32($0)) }
        // Copied in a loop of their own first: with nothing else to do, the processor fetches many
        // of these scattered records at once, where the bound's work between fetches would keep
        // it to one or two.
        let gathered = positions.map { scoreBoundInputs[Int($0)] }
        for (inputs, position) in zip(gathered, positions) {
            // The one filter the packed record can tell; the others are checked when a candidate is scored.
            if checksCertificate,
                !Self.certificateValid(
                    hasCertificate: inputs.has(ScoreBoundInputs.hasCertificate), issued: inputs.issued,
                    expires: inputs.expires, on: need.start)
            {
                continue
            }
            let bound = scoreBound(context, inputs, at: Int(position))
            guard bound >= minimum else { continue }
            bounded.append((bound, position))
            highest = max(highest, bound)
        }
        guard !bounded.isEmpty else { return top }

        // A counting sort into buckets of equal width, the highest bounds in bucket 0.
        let buckets = Self.bucketCount
        let width = max((highest - minimum) / Double(buckets), 1e-6)
        func bucket(_ bound: Double) -> Int { min(buckets - 1, max(0, Int((highest - bound) / width))) }
        var starts = [Int](repeating: 0, count: buckets + 1)
        for item in bounded { starts[bucket(item.bound) + 1] += 1 }
        for index in 0..<buckets { starts[index + 1] += starts[index] }
        var free = starts
        var byBucket = [Int32](repeating: 0, count: bounded.count)
        for (index, item) in bounded.enumerated() {
            let slot = bucket(item.bound)
            byBucket[free[slot]] = Int32(index)
            free[slot] += 1
        }

        let slack = 1e-9 * (1 + abs(highest))
        for slot in 0..<buckets {
            let ceiling = highest - Double(slot) * width + slack
            if let entry = top.entryScore, ceiling < entry { break }
            for index in byBucket[starts[slot]..<starts[slot + 1]] {
                let item = bounded[Int(index)]
                if let entry = top.entryScore, item.bound < entry { continue }
                let position = Int(item.position)
                let ngo = compiledNGOs[position]
                guard failureMask(need, ngo, needPosition, position, compiled) == 0 else { continue }
                let score = score(need, ngo, compiled)
                guard score >= minimum else { continue }
                top.offer(score: score, order: ngoOrder[position], position: position)
            }
        }
        return top
    }

    /// The NGOs the certificate-fields filter lets through for the need, from the sets of the
    /// nodes it asks for (as `failureMask` judges each NGO); nil when it lets every NGO through.
    private func coveredByCertificateFields(_ need: CompiledNeed, _ coverage: RuleSet.Filters.FieldCoverage)
        -> Bitset?
    {
        let required = coverage.required(of: need)
        guard coverage != .off, required != 0 else { return nil }
        var remaining = required
        var covered = ngosByCertificateField[remaining.trailingZeroBitCount]
        remaining &= remaining - 1
        while remaining != 0 {
            let set = ngosByCertificateField[remaining.trailingZeroBitCount]
            remaining &= remaining - 1
            // `all` asks for every node the need names, `primary` and `any` for one of theirs.
            if coverage == .all { covered.formIntersection(set) } else { covered.formUnion(set) }
        }
        covered.formUnion(ngosWithoutCertificate)
        return covered
    }
}
