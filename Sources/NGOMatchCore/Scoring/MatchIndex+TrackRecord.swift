/// The work an NGO has done that counts for a need: partnerships completed here in the need's
/// province or one of its top-level sectors, and activities it published, by the same test,
/// that ran recently enough.
extension MatchIndex {
    @inline(__always)
    func trackRecord(_ need: CompiledNeed, _ ngo: CompiledNGO, _ rule: RuleSet.TrackRecordRule)
        -> TrackRecord.Tally
    {
        var tally = TrackRecord.Tally()
        for item in completed[Int(ngo.completedStart)..<Int(ngo.completedStart + ngo.completedCount)]
        where compiledNeeds[Int(item.need)].province == need.province
            || compiledNeeds[Int(item.need)].topMask & need.topMask != 0
        {
            tally.completed += 1
        }
        guard ngo.publishedCount > 0, rule.published > 0 else { return tally }
        let earliest = CalendarDate(dayNumber: Int(need.start)).year - rule.publishedWithinYears
        let province = UInt64(1) << UInt64(need.province)
        for item in published[Int(ngo.publishedStart)..<Int(ngo.publishedStart + ngo.publishedCount)]
        where Int(item.lastYear) >= earliest {
            if item.provinces & province != 0 {
                tally.publishedInProvince += 1
            } else if item.topMask & need.topMask != 0 {
                tally.publishedInSector += 1
            } else {
                continue
            }
            tally.publishedSince = min(tally.publishedSince ?? Int.max, Int(item.firstYear))
        }
        return tally
    }
}
