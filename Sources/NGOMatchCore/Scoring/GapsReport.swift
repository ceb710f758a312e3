import Foundation

/// What nobody serves: for ministry staff planning calls and meetings.
package struct GapsReport: Hashable, Sendable, Codable {
    /// An open need whose best candidate scores below the threshold (or has none).
    package struct WeakNeed: Hashable, Sendable, Codable {
        package let need: NeedID
        package let province: ProvinceID
        package let title: String
        package let bestNGO: NGOID?
        package let bestScore: Double
        /// Why, when asked: the best NGO's name, how many NGOs the rules keep out, and the
        /// commonest reason, in the reader's language.
        package var bestNGOName: String?
        package var excluded: Int?
        package var commonestExclusion: String?

        init(need: NeedID, province: ProvinceID, title: String, bestNGO: NGOID?, bestScore: Double) {
            self.need = need
            self.province = province
            self.title = title
            self.bestNGO = bestNGO
            self.bestScore = bestScore
        }
    }

    /// Demand for a top-level sector against what NGOs can supply.
    package struct SectorBalance: Hashable, Sendable, Codable {
        package let sector: SectorID
        /// Σ over open needs of the funding gap × the share of the need's priority in this sector.
        package let demandUSD: Double
        /// Σ over certified NGOs of yearly capacity × typical grant midpoint × expertise / 5.
        package let supplyUSD: Double
        /// demand / supply; above 1, demand outstrips supply.
        package let ratio: Double
        package let openNeeds: Int
        package let ngos: Int
    }

    /// A province's open needs and how many distinct NGOs pass every filter for at least one of them.
    package struct ProvinceCoverage: Hashable, Sendable, Codable {
        package let province: ProvinceID
        package let openNeeds: Int
        package let viablePartners: Int
    }

    package let threshold: Double
    package var weakNeeds: [WeakNeed]
    package let sectors: [SectorBalance]
    package let provinces: [ProvinceCoverage]
}

extension MatchIndex {
    /// Builds the gaps report over every open need, using both cores of the machine.
    /// - Parameters:
    ///   - sector: only needs asking for this sector or one of its subsectors.
    ///   - today: the day whose valid certificates count as supply.
    package func gaps(rules: RuleSet, threshold: Double, sector: SectorID? = nil, today: CalendarDate) -> GapsReport {
        let taxonomy = reference.taxonomy
        let open = (0..<needs.count).filter { position in
            compiledNeeds[position].isOpen
                && (sector.map { wanted in needs[position].sectors.contains { taxonomy.isWithin($0.sector, wanted) } }
                    ?? true)
        }
        let compiled = CompiledRules(rules, index: self, includeDeclined: false)
        let openByProvince = Dictionary(grouping: open) { Int(compiledNeeds[$0].province) }
        let provinceOrder = openByProvince.keys.sorted { openByProvince[$0]!.count > openByProvince[$1]!.count }
        // One task per province: the best viable NGO of each open need, and the
        // distinct NGOs viable for at least one of them. NGO-major order, so each
        // NGO's record is read once for all the province's needs.
        // A province a task: the largest take longest, so they are handed out first.
        let perProvince = provinceOrder.concurrentMap(grain: 1) {
            province -> (best: [(need: Int, score: Double, ngo: Int?)], viable: Int) in
            let provinceNeeds = openByProvince[province]!
            var best = provinceNeeds.map { (need: $0, score: 0.0, ngo: Int?.none) }
            var viable = 0
            var candidates = Bitset(count: ngos.count)
            for need in provinceNeeds {
                candidates.formUnion(ngoCandidates(for: compiledNeeds[need], rules: rules, options: RankOptions()))
            }
            let needRecords = provinceNeeds.map { compiledNeeds[$0] }
            // Each taxonomy node any of the province's needs asks for, and, per NGO,
            // the value of its best offer for that node: computed once, used for every need.
            let askedNodes = Array(Set(provinceNeeds.flatMap { sectors(of: compiledNeeds[$0]).map(\.node) })).sorted()
            var bestOffer = [Double](repeating: 0, count: reference.taxonomy.sectors.count)
            candidates.forEachMember { ngoPosition in
                let ngo = compiledNGOs[ngoPosition]
                if let rule = rules.sectorFit {
                    let offered = sectors(of: ngo)
                    for node in askedNodes {
                        bestOffer[Int(node)] =
                            SectorFit.bestOffer(for: node, among: offered, parent: parent, rule: rule).value
                    }
                }
                var isViable = false
                for slot in best.indices {
                    let needPosition = best[slot].need
                    let need = needRecords[slot]
                    if rules.filters.sectorOverlap, need.topMask & ngo.topMask == 0 { continue }
                    guard failureMask(need, ngo, needPosition, ngoPosition, compiled) == 0 else { continue }
                    let sectorFit = SectorFit.value(needSectors: sectors(of: need)) { bestOffer[Int($0)] }
                    let score = score(need, ngo, compiled, sectorFit: sectorFit)
                    guard score >= rules.minimumScore else { continue }
                    isViable = true
                    if let current = best[slot].ngo,
                        score < best[slot].score
                            || (score == best[slot].score && ngoOrder[ngoPosition] > ngoOrder[current])
                    {
                        continue
                    }
                    best[slot].score = score
                    best[slot].ngo = ngoPosition
                }
                if isViable { viable += 1 }
            }
            return (best, viable)
        }

        var weakNeeds: [GapsReport.WeakNeed] = []
        var coverage: [GapsReport.ProvinceCoverage] = []
        let provinces = reference.provinces.provinces
        for (province, result) in zip(provinceOrder, perProvince) {
            coverage.append(
                GapsReport.ProvinceCoverage(
                    province: provinces[province].id, openNeeds: openByProvince[province]!.count,
                    viablePartners: result.viable))
            for entry in result.best where entry.score < threshold {
                let need = needs[entry.need]
                weakNeeds.append(
                    GapsReport.WeakNeed(
                        need: need.id, province: need.province, title: need.title,
                        bestNGO: entry.ngo.map { ngoEntries[$0].id },
                        bestScore: entry.score))
            }
        }
        coverage.sort { ($0.viablePartners, $0.province) < ($1.viablePartners, $1.province) }
        weakNeeds.sort { ($0.bestScore, $0.need) < ($1.bestScore, $1.need) }

        return GapsReport(
            threshold: threshold, weakNeeds: weakNeeds, sectors: sectorBalances(open, today: today),
            provinces: coverage)
    }

    /// Demand against supply per sector over every open need: the report's `sectors` without
    /// scoring anything, for a page whose other figures are about one sector.
    package func openSectorBalances(today: CalendarDate) -> [GapsReport.SectorBalance] {
        sectorBalances((0..<needs.count).filter { compiledNeeds[$0].isOpen }, today: today)
    }

    private func sectorBalances(_ open: [Int], today day: CalendarDate) -> [GapsReport.SectorBalance] {
        let taxonomy = reference.taxonomy.sectors
        let topNodes = taxonomy.indices.filter { parent[$0] < 0 }
        var demand = [Double](repeating: 0, count: topNodes.count)
        var needCount = [Int](repeating: 0, count: topNodes.count)
        for position in open {
            let need = compiledNeeds[position]
            let entries = sectors(of: need)
            let total = Double(entries.reduce(0) { $0 + $1.level })
            guard total > 0 else { continue }
            var touched = Set<Int>()
            for entry in entries {
                demand[topBit[Int(entry.node)]] += need.gap * Double(entry.level) / total
                touched.insert(topBit[Int(entry.node)])
            }
            for top in touched { needCount[top] += 1 }
        }
        var supply = [Double](repeating: 0, count: topNodes.count)
        var ngoCount = [Int](repeating: 0, count: topNodes.count)
        let today = Int32(day.dayNumber)
        for ngo in compiledNGOs {
            guard ngo.hasCertificate, ngo.issued <= today, today <= ngo.expires else { continue }
            let midpoint = (ngo.grantMin + ngo.grantMax) / 2
            var bestExpertise = [Int](repeating: 0, count: topNodes.count)
            for entry in sectors(of: ngo) {
                bestExpertise[topBit[Int(entry.node)]] = max(bestExpertise[topBit[Int(entry.node)]], Int(entry.level))
            }
            for top in topNodes.indices where bestExpertise[top] > 0 {
                supply[top] += Double(ngo.capacity) * midpoint * Double(bestExpertise[top]) / 5
                ngoCount[top] += 1
            }
        }
        return topNodes.indices.map { top in
            GapsReport.SectorBalance(
                sector: taxonomy[topNodes[top]].id, demandUSD: demand[top], supplyUSD: supply[top],
                ratio: supply[top] > 0 ? demand[top] / supply[top] : (demand[top] > 0 ? .infinity : 0),
                openNeeds: needCount[top], ngos: ngoCount[top])
        }.sorted { ($0.ratio, $1.sector) > ($1.ratio, $0.sector) }
    }
}
