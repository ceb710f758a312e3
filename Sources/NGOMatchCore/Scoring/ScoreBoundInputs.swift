/// What an NGO brings to any need's score, packed into one 64-byte record: a ranking reads it
/// for every candidate to bound the candidate's score, and reads the NGO's full compiled
/// record (three cache lines, its sectors and its track record elsewhere) only for
/// the few whose bound could reach the top of the list.
///
/// Every value is an upper bound of what the score reads, never less: grant limits rounded
/// outwards, the load rounded up, every completed partnership and published activity counted
/// whatever its need.
struct ScoreBoundInputs: Sendable, BitwiseCopyable {
    var current: UInt64
    var past: UInt64
    /// Up to eight sector entries, 16 bits each: `node << 3 | level`.
    var packedSectorsLow: UInt64
    var packedSectorsHigh: UInt64
    var groups: UInt32
    var issued: Int32
    var expires: Int32
    var grantMin: Float
    var grantMax: Float
    /// Completed partnerships and published activities, each counted whatever its need; a
    /// count past 65,535 is far past any saturation (at most 1,000), so clamping keeps the bound.
    var completed: UInt16
    var published: UInt16
    var load: Float
    /// How many sector entries are packed; `unpacked` when they did not fit.
    var sectorCount: UInt8
    var flags: UInt8

    static let unpacked: UInt8 = .max
    static let hasCertificate: UInt8 = 1 << 0
    static let hasGrantRange: UInt8 = 1 << 1
    static let nationwide: UInt8 = 1 << 2

    init(_ ngo: MatchIndex.CompiledNGO, sectors: ArraySlice<SectorEntry>) {
        current = ngo.current
        past = ngo.past
        (packedSectorsLow, packedSectorsHigh, sectorCount) = (0, 0, Self.unpacked)
        if sectors.count <= 8, sectors.allSatisfy({ (0..<8192).contains($0.node) && (0..<8).contains($0.level) }) {
            for (lane, entry) in sectors.enumerated() {
                let packed = UInt64(entry.node) << 3 | UInt64(entry.level)
                if lane < 4 {
                    packedSectorsLow |= packed << UInt64(lane * 16)
                } else {
                    packedSectorsHigh |= packed << UInt64((lane - 4) * 16)
                }
            }
            sectorCount = UInt8(sectors.count)
        }
        groups = ngo.groups
        issued = ngo.issued
        expires = ngo.expires
        grantMin = Self.roundedDown(ngo.grantMin)
        grantMax = Self.roundedUp(ngo.grantMax)
        completed = UInt16(clamping: ngo.completedCount)
        published = UInt16(clamping: ngo.publishedCount)
        load = Self.roundedUp(Load.value(open: Int(ngo.openPartnerships), capacity: Int(ngo.capacity)))
        flags =
            (ngo.hasCertificate ? Self.hasCertificate : 0) | (ngo.hasGrantRange ? Self.hasGrantRange : 0)
            | (ngo.nationwide ? Self.nationwide : 0)
    }

    var packedSectors: PackedSectors? {
        sectorCount == Self.unpacked
            ? nil : PackedSectors(low: packedSectorsLow, high: packedSectorsHigh, count: Int(sectorCount))
    }

    func has(_ flag: UInt8) -> Bool { flags & flag != 0 }

    private static func roundedDown(_ value: Double) -> Float {
        let rounded = Float(value)
        return Double(rounded) > value ? rounded.nextDown : rounded
    }

    private static func roundedUp(_ value: Double) -> Float {
        let rounded = Float(value)
        return Double(rounded) < value ? rounded.nextUp : rounded
    }
}

/// The sector entries packed in a `ScoreBoundInputs`, read as the entries they were.
struct PackedSectors: RandomAccessCollection {
    let low: UInt64
    let high: UInt64
    let count: Int

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(lane: Int) -> SectorEntry {
        let word = lane < 4 ? low : high
        let packed = Int(truncatingIfNeeded: word >> UInt64((lane & 3) * 16)) & 0xFFFF
        return SectorEntry(node: packed >> 3, level: packed & 7)
    }
}
