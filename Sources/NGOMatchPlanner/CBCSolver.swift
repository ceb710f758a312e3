import CCbc
import NGOMatchCore
import Synchronization

/// Solves a `ZeroOneProgram` with COIN-OR CBC, single-threaded and bounded by a count of
/// search nodes rather than by time, so that the same program always gets the same answer.
enum CBCSolver {
    struct Solution {
        /// The best values found, or nil when CBC found no solution.
        let values: [Double]?
        /// Whether no better solution exists.
        let provenOptimal: Bool
        /// No solution costs less than this.
        let lowerBound: Double
    }

    /// CBC's solve keeps state in globals: one solve at a time in the process.
    private static let exclusive = Mutex(())

    static func solve(_ program: ZeroOneProgram, nodeLimit: Int) -> Solution {
        if program.rows.isEmpty { return unconstrained(program) }
        return exclusive.withLock { _ in unlockedSolve(program, nodeLimit: nodeLimit) }
    }

    /// Without rows every column takes whichever bound costs less; CBC is not needed.
    private static func unconstrained(_ program: ZeroOneProgram) -> Solution {
        let values = program.cost.indices.map { program.cost[$0] < 0 ? program.columnUpper[$0] : 0 }
        let cost = values.indices.reduce(0) { $0 + values[$1] * program.cost[$1] }
        return Solution(values: values, provenOptimal: true, lowerBound: cost)
    }

    private static func unlockedSolve(_ program: ZeroOneProgram, nodeLimit: Int) -> Solution {
        guard let model = Cbc_newModel() else {
            return Solution(values: nil, provenOptimal: false, lowerBound: -.infinity)
        }
        defer { Cbc_deleteModel(model) }
        let count = program.columnCount
        let (starts, rowIndices) = program.columnMajor()
        let elements = [Double](repeating: 1, count: rowIndices.count)
        let columnLower = [Double](repeating: 0, count: count)
        let rowLower = program.rows.map { $0.lower.isFinite ? $0.lower : -Double.greatestFiniteMagnitude }
        let rowUpper = program.rows.map { $0.upper.isFinite ? $0.upper : Double.greatestFiniteMagnitude }
        Cbc_loadProblem(
            model, Int32(count), Int32(program.rows.count), starts, rowIndices, elements, columnLower,
            program.columnUpper, program.cost, rowLower, rowUpper)
        for column in 0..<Int32(count) { Cbc_setInteger(model, column) }
        Cbc_setLogLevel(model, 0)
        Cbc_setParameter(model, "log", "0")
        Cbc_setParameter(model, "threads", "0")
        Cbc_setMaximumNodes(model, Int32(nodeLimit))
        Cbc_setAllowableGap(model, 1e-7)
        Cbc_setAllowableFractionGap(model, 0)
        Cbc_solve(model)
        let optimal = Cbc_isProvenOptimal(model) != 0
        let found = Cbc_numberSavedSolutions(model) > 0 || optimal
        var values: [Double]? = nil
        if found, let solution = Cbc_getColSolution(model) {
            values = Array(UnsafeBufferPointer(start: solution, count: count))
        }
        return Solution(values: values, provenOptimal: optimal, lowerBound: Cbc_getBestPossibleObjValue(model))
    }
}
