import NGOMatchCore
import Testing

/// Each factor on its own, on values small enough to check by hand.
struct FactorTests {
    // Nodes: 0 health, 1 health.a, 2 health.b, 3 education, 4 education.a
    let parent: [Int32] = [-1, 0, 0, -1, 3]
    let sectorRule = RuleSet.SectorFitRule(weight: 35, sameParent: 0.6, sibling: 0.35)

    @Test func sectorFitPrefersExactThenParentThenSibling() {
        let wanted = [SectorEntry(node: 1, level: 5)]
        func value(_ offered: Int) -> Double {
            SectorFit.evaluate(
                needSectors: wanted, ngoSectors: [SectorEntry(node: offered, level: 5)], parent: parent,
                rule: sectorRule
            ).value
        }
        #expect(value(1) == 1)
        #expect(value(0) == 0.6)
        #expect(value(2) == 0.35)
        #expect(value(4) == 0)
    }

    @Test func sectorFitWeighsPriorityAndExpertise() {
        let result = SectorFit.evaluate(
            needSectors: [SectorEntry(node: 1, level: 4), SectorEntry(node: 4, level: 1)],
            ngoSectors: [SectorEntry(node: 1, level: 3)], parent: parent,
            rule: sectorRule)
        #expect(abs(result.value - (4 * 0.6) / 5) < 1e-12)
        #expect(result.tier == SectorFit.Tier.exact)
        #expect(result.needSector == 1)
    }

    let geographyRule = RuleSet.GeographyRule(weight: 20)

    func geography(
        current: UInt64, past: UInt64 = 0, nationwide: Bool = false, km: Double = 1000, sameRegion: Bool = false
    )
        -> Geography.Result
    {
        Geography.evaluate(
            province: 0, current: current, past: past, nationwide: nationwide, rule: geographyRule,
            sameRegion: { _, _ in sameRegion }, distance: { a, b in a == b ? 0 : km })
    }

    @Test func geographyOrdersCurrentPastNearbyNationwideElsewhere() {
        let current = geography(current: 0b1).value
        let past = geography(current: 0, past: 0b1).value
        let nearby = geography(current: 0b10, sameRegion: true).value
        let nationwide = geography(current: 0, nationwide: true).value
        let elsewhere = geography(current: 0b10, km: 300).value
        let farther = geography(current: 0b10, km: 900).value
        #expect(current > past && past > nearby && nearby > nationwide && nationwide > elsewhere && elsewhere > farther)
        #expect(farther > 0)
        #expect(geography(current: 0).value == 0)
        #expect(geography(current: 0b10, km: 100).tier == .nearby(province: 1))
    }

    @Test func targetGroupsCountTheShareServed() {
        #expect(TargetGroupFit.value(need: 0b111, ngo: 0b101) == 2.0 / 3)
        #expect(TargetGroupFit.value(need: 0, ngo: 0) == 1)
    }

    @Test func fundingFitsTheRange() {
        #expect(FundingFit.evaluate(gap: 300, min: 100, max: 500).value == 1)
        #expect(FundingFit.evaluate(gap: 50, min: 100, max: 500) == (0.5, .belowRange))
        #expect(FundingFit.evaluate(gap: 1000, min: 100, max: 500) == (0.5, .aboveRange))
        #expect(FundingFit.evaluate(gap: 1000, min: nil, max: nil).relation == .unknown)
    }

    @Test func timeframeIsTheShareInsideTheCertificate() {
        #expect(TimeframeFit.value(needStart: 0, needEnd: 99, certificate: 0...199) == 1)
        #expect(TimeframeFit.value(needStart: 0, needEnd: 99, certificate: 50...199) == 0.5)
        #expect(TimeframeFit.value(needStart: 0, needEnd: 99, certificate: 200...300) == 0)
        #expect(TimeframeFit.value(needStart: 0, needEnd: 99, certificate: nil) == 0)
    }

    @Test func trackRecordLoadAndUnderservedSaturate() {
        #expect(TrackRecord.value(completed: 0, saturation: 3) == 0)
        #expect(TrackRecord.value(completed: 6, saturation: 3) == 1)
        #expect(Load.value(open: 1, capacity: 4) == 0.75)
        #expect(Load.value(open: 9, capacity: 4) == 0)
        #expect(Load.value(open: 0, capacity: 0) == 0)
        #expect(Underserved.value(ngosWorkingThere: 0, saturation: 10) == 1)
        #expect(Underserved.value(ngosWorkingThere: 20, saturation: 10) == 0)
    }

    @Test func sectorEmphasisIsTheShareOfPriority() {
        let sectors = [SectorEntry(node: 1, level: 3), SectorEntry(node: 4, level: 1)]
        #expect(SectorEmphasis.value(needSectors: sectors, emphasised: 1 << 1) == 0.75)
    }
}
