import Foundation
import Results

/// Fits iterations-to-target ≈ c·κᵖ for each optimizer over the κ values of a suite: least squares of
/// log₁₀(median iterations) on log₁₀ κ (``LineFit``, 95% interval of p from the t distribution), beside
/// the theory exponent of the optimizer's family (``OptimizerFamily``).
///
/// A series is one optimizer id on one problem family (the problem kind and parameters other than
/// `kappa`, plus batch size and noise); κ comes from ``KnownConstants`` or else the `kappa` parameter.
/// A point is the median over repetitions with failures counted as +∞, so a κ whose median run missed
/// the target drops out of the fit (and is counted in `droppedKappas`). A κ where every run of the
/// cell reached the target within one iteration (κ = 1: the methods built on a step of 1/L or on
/// curvature are exact there) is left out too and listed in `oneIterationKappas`: a point at the
/// floor of one iteration says nothing about growth with κ and would tilt the fit (GD at 1/L on the
/// conditioning suite: p = 1.10 with κ = 1, 0.92 without).
public struct KappaScaling: Sendable {
    public var family: String
    public var optimizerID: String
    public var targetIndex: Int
    /// (κ, median iterations), κ increasing, only finite medians.
    public var points: [(kappa: Double, iterations: Double)]
    public var droppedKappas: [Double]
    /// κ values left out because every run reached the target within one iteration.
    public var oneIterationKappas: [Double]
    /// The fit of log₁₀ iterations on log₁₀ κ (nil for fewer than two points).
    public var fit: LineFit?
    public var theoryExponent: Double?

    /// c of c·κᵖ.
    public var coefficient: Double? { fit.map { pow(10, $0.intercept) } }

    /// All series of a result set whose family holds at least two problems of different κ, sorted by
    /// family then optimizer id. The repetitions of one problem are one point, at the median of their
    /// κ: problems whose instances are drawn per repetition (logistic regression on seeded data) have
    /// a slightly different κ in every repetition, which is not a κ sweep.
    public static func all(_ results: ResultSet, targetIndex: Int) -> [KappaScaling] {
        var groups: [String: [String: [String: [RunRecord]]]] = [:]
        for record in results.records where kappa(record.problem) != nil {
            groups[record.problem.family(without: "kappa"), default: [:]][record.optimizer.id, default: [:]][
                record.problem.id, default: []
            ].append(record)
        }
        var series: [KappaScaling] = []
        for family in groups.keys.sorted() {
            let byOptimizer = groups[family] ?? [:]
            for optimizerID in byOptimizer.keys.sorted() {
                var byKappa: [Double: [RunRecord]] = [:]
                for (_, runs) in (byOptimizer[optimizerID] ?? [:]).sorted(by: { $0.key < $1.key }) {
                    let kappas = runs.compactMap { kappa($0.problem) }.sorted()
                    byKappa[Median.of(kappas), default: []].append(contentsOf: runs)
                }
                guard byKappa.count >= 2 else { continue }
                series.append(
                    KappaScaling(
                        family: family, optimizerID: optimizerID, runsByKappa: byKappa, targetIndex: targetIndex))
            }
        }
        return series
    }

    public init(family: String, optimizerID: String, runsByKappa: [Double: [RunRecord]], targetIndex: Int) {
        self.family = family
        self.optimizerID = optimizerID
        self.targetIndex = targetIndex
        var points: [(kappa: Double, iterations: Double)] = []
        var dropped: [Double] = []
        var oneIteration: [Double] = []
        for kappa in runsByKappa.keys.sorted() {
            let runs = runsByKappa[kappa] ?? []
            let costs = runs.map { PerformanceProfile.cost($0, targetIndex: targetIndex, measure: .iterations) }
            if !costs.isEmpty, costs.allSatisfy({ $0 <= 1 }) {
                oneIteration.append(kappa)
                continue
            }
            let median = Median.of(costs)
            if median.isFinite { points.append((kappa, median)) } else { dropped.append(kappa) }
        }
        self.points = points
        droppedKappas = dropped
        oneIterationKappas = oneIteration
        fit = LineFit(x: points.map { log10($0.kappa) }, y: points.map { log10($0.iterations) })
        let first = runsByKappa.keys.min().flatMap { runsByKappa[$0]?.first }
        theoryExponent = first.flatMap { OptimizerFamily($0.optimizer)?.kappaExponent }
    }

    /// κ of a problem: from its constants, else its `kappa` parameter.
    static func kappa(_ problem: ProblemIdentity) -> Double? {
        KnownConstants(problem)?.conditionNumber ?? problem.parameters["kappa"].flatMap(Double.init)
    }
}
