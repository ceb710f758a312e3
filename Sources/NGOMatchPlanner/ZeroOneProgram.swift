import NGOMatchCore

/// A program in whole numbers: minimise `cost · x` subject to `lower ≤ row · x ≤ upper`,
/// every column an integer between its bounds. The meeting planner writes its small events
/// as one of these and hands it to `CBCSolver`.
struct ZeroOneProgram {
    struct Row {
        var columns: [Int32] = []
        var lower: Double
        var upper: Double
    }

    private(set) var cost: [Double] = []
    private(set) var columnUpper: [Double] = []
    private(set) var rows: [Row] = []

    /// - Returns: the new column's index.
    mutating func addColumn(cost: Double, upper: Double = 1) -> Int {
        self.cost.append(cost)
        columnUpper.append(upper)
        return self.cost.count - 1
    }

    /// Adds `lower ≤ Σ columns ≤ upper` (every coefficient 1); a row no choice can break is left out.
    mutating func addRow(_ columns: [Int], lower: Double = -.infinity, upper: Double = .infinity) {
        guard !columns.isEmpty else { return }
        let most = columns.reduce(0) { $0 + columnUpper[$1] }
        if lower <= 0 && upper >= most { return }
        rows.append(Row(columns: columns.map(Int32.init), lower: lower, upper: upper))
    }

    var columnCount: Int { cost.count }

    /// The rows as CBC reads them: column by column.
    func columnMajor() -> (starts: [Int32], rowIndices: [Int32]) {
        var counts = [Int32](repeating: 0, count: cost.count)
        for row in rows { for column in row.columns { counts[Int(column)] += 1 } }
        var starts = [Int32](repeating: 0, count: cost.count + 1)
        for column in cost.indices { starts[column + 1] = starts[column] + counts[column] }
        var next = Array(starts.dropLast())
        var rowIndices = [Int32](repeating: 0, count: Int(starts[cost.count]))
        for (index, row) in rows.enumerated() {
            for column in row.columns {
                rowIndices[Int(next[Int(column)])] = Int32(index)
                next[Int(column)] += 1
            }
        }
        return (starts, rowIndices)
    }
}
