import NGOMatchCore

/// Names needs that arrive without an id: `<province>-<n>`, after the highest n in use.
struct NeedIDAllocator {
    private var highest: [String: Int] = [:]

    init(existing: [String]) {
        for id in existing { claim(NeedID(id)) }
    }

    mutating func claim(_ id: NeedID) {
        guard let dash = id.rawValue.lastIndex(of: "-"),
            let number = Int(id.rawValue[id.rawValue.index(after: dash)...])
        else { return }
        let prefix = String(id.rawValue[..<dash])
        highest[prefix] = max(highest[prefix] ?? 0, number)
    }

    mutating func next(for province: ProvinceID) -> NeedID {
        let number = (highest[province.rawValue] ?? 0) + 1
        highest[province.rawValue] = number
        return NeedID("\(province.rawValue)-\(number)")
    }
}
