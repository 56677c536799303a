/// How many runs a suite expands to, counted from its entries before any expansion, so that a
/// mistyped grid (`lr: [...]` × `momentum: [...]` × …) is refused in milliseconds instead of
/// filling memory. An optimizer entry restricted by `only-on` is counted against every problem,
/// so the count is an upper bound.
public struct GridSize: Sendable {
    /// Problem cells of each `problems:` entry: the product of its alternatives' counts.
    public var problemCells: [Double]
    /// Optimizer cells of each `optimizers:` entry, schedule alternatives included.
    public var optimizerCells: [Double]
    public var repetitions: Int

    /// The default limit on the runs of one suite; `--force` lifts it.
    public static let defaultLimit = 1_000_000
    /// The limit on problem cells plus optimizer cells, which `--force` does not lift: cells are
    /// expanded in memory (a few hundred bytes each), runs are not (``RunSpecs``).
    public static let maximumCells = 1_000_000

    /// Throws when the entries expand to more than ``maximumCells`` cells, naming the largest entry.
    func checkCells(problems: [ProblemEntry], optimizers: [OptimizerEntry], file: String) throws {
        let cells = problemCells.reduce(0, +) + optimizerCells.reduce(0, +)
        guard cells > Double(Self.maximumCells) else { return }
        let (location, largest) = largestEntry(problems: problems, optimizers: optimizers)
        throw SuiteError(
            file: location?.file ?? file, line: location?.line, keyPath: location?.keyPath ?? "",
            message:
                "the entries expand to \(Self.format(cells)) cells (combinations of one entry's alternatives), over "
                + "the "
                + "limit of \(Self.maximumCells) that holds even with --force; this entry gives "
                + "\(Self.format(largest)) — "
                + "split the grid into several suites")
    }

    /// The entry with the most cells and that count.
    func largestEntry(problems: [ProblemEntry], optimizers: [OptimizerEntry]) -> (SourceLocation?, Double) {
        var location: SourceLocation?
        var cells = 0.0
        if let index = problemCells.indices.max(by: { problemCells[$0] < problemCells[$1] }) {
            location = problems[index].location
            cells = problemCells[index]
        }
        if let index = optimizerCells.indices.max(by: { optimizerCells[$0] < optimizerCells[$1] }),
            optimizerCells[index] > cells
        {
            location = optimizers[index].location
            cells = optimizerCells[index]
        }
        return (location, cells)
    }

    public init(problems: [ProblemEntry], optimizers: [OptimizerEntry], repetitions: Int) {
        problemCells = problems.map { entry in
            entry.parameters.values.reduce(Double(entry.batchSizes.count * entry.gradientNoises.count)) {
                $0 * Double($1.count)
            }
        }
        optimizerCells = optimizers.map { entry in
            let schedules = entry.schedule.map { $0.parameters.values.reduce(1.0) { $0 * Double($1.count) } } ?? 1
            return entry.parameters.values.reduce(schedules) { $0 * Double($1.count) }
        }
        self.repetitions = repetitions
    }

    /// Problem cells × optimizer cells × repetitions (a Double: the product of a typo may overflow Int).
    public var runs: Double {
        problemCells.reduce(0, +) * optimizerCells.reduce(0, +) * Double(repetitions)
    }

    /// Throws when ``runs`` exceeds `limit`, naming the entry with the most cells.
    func check(limit: Int, problems: [ProblemEntry], optimizers: [OptimizerEntry], file: String) throws {
        guard runs > Double(limit) else { return }
        let largestProblem = problemCells.indices.max { problemCells[$0] < problemCells[$1] }
        let largestOptimizer = optimizerCells.indices.max { optimizerCells[$0] < optimizerCells[$1] }
        var location: SourceLocation?
        var cells = 0.0
        if let index = largestProblem {
            location = problems[index].location
            cells = problemCells[index]
        }
        if let index = largestOptimizer, optimizerCells[index] > cells {
            location = optimizers[index].location
            cells = optimizerCells[index]
        }
        let total = problemCells.reduce(0, +), perOptimizer = optimizerCells.reduce(0, +)
        throw SuiteError(
            file: location?.file ?? file, line: location?.line, keyPath: location?.keyPath ?? "",
            message: "the grid has up to \(Self.format(runs)) runs (\(Self.format(total)) problem cells × "
                + "\(Self.format(perOptimizer)) optimizer cells × \(repetitions) repetitions), over the limit of "
                + "\(limit); this entry gives \(Self.format(cells)) cells — shrink the lists or pass --force")
    }

    static func format(_ value: Double) -> String {
        value < 1e15 ? String(Int(value)) : "\(value)"
    }
}
