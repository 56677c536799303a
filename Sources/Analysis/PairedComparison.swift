import Results

/// Two optimizers compared on the same seeds (common random numbers: the same problem id and
/// repetition give the same instance, start and mini-batch stream): per problem instance, the
/// iterations to a target of A and of B (+∞ when not reached; pairs where both failed are ties and
/// drop out), tested with ``WilcoxonSignedRank``. Negative rank-biserial r means A needs fewer.
///
/// Where both cells of a problem are deterministic (``Cell/isDeterministic``: the repetitions are
/// copies), that problem is one pair, not one per repetition; when every problem is, there is nothing to
/// sample and no test (``deterministic``).
public struct PairedComparison: Sendable {
    public var optimizerA: String
    public var optimizerB: String
    public var targetIndex: Int
    public var measure: CostMeasure
    /// Instances where both optimizers have a record.
    public var pairs: Int
    /// Instances where A needed less / B needed less.
    public var aBetter: Int
    public var bBetter: Int
    public var test: WilcoxonSignedRank?
    /// Every pair came from deterministic cells: the comparison is exact, without a test.
    public var deterministic: Bool

    public init(
        _ results: ResultSet, optimizerA: String, optimizerB: String, targetIndex: Int,
        measure: CostMeasure = .iterations
    ) {
        self.optimizerA = optimizerA
        self.optimizerB = optimizerB
        self.targetIndex = targetIndex
        self.measure = measure
        var costsA: [InstanceKey: Double] = [:]
        var costsB: [InstanceKey: Double] = [:]
        for record in results.records {
            let key = InstanceKey(problemID: record.problem.id, repetition: record.repetition)
            let cost = PerformanceProfile.cost(record, targetIndex: targetIndex, measure: measure)
            if record.optimizer.id == optimizerA { costsA[key] = cost }
            if record.optimizer.id == optimizerB { costsB[key] = cost }
        }
        var keys = costsA.keys.filter { costsB[$0] != nil }.sorted {
            ($0.problemID, $0.repetition) < ($1.problemID, $1.repetition)
        }
        let cells = Dictionary(uniqueKeysWithValues: results.cells.map { ($0.key, $0) })
        let copies = Set(
            Set(keys.map(\.problemID)).filter { problem in
                cells[CellKey(problemID: problem, optimizerID: optimizerA)]?.isDeterministic == true
                    && cells[CellKey(problemID: problem, optimizerID: optimizerB)]?.isDeterministic == true
            })
        var seen = Set<String>()
        keys = keys.filter { !copies.contains($0.problemID) || seen.insert($0.problemID).inserted }
        deterministic = !keys.isEmpty && keys.allSatisfy { copies.contains($0.problemID) }
        let a = keys.map { costsA[$0] ?? .infinity }
        let b = keys.map { costsB[$0] ?? .infinity }
        pairs = keys.count
        aBetter = zip(a, b).filter { $0 < $1 }.count
        bBetter = zip(a, b).filter { $0 > $1 }.count
        test = deterministic ? nil : WilcoxonSignedRank(a, b)
    }
}
