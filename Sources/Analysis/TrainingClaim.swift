import Results

/// The deep-learning claims of the notes, checked against the records of a run of the
/// `deep-learning` suite (`suites/deep-learning.yaml`): each claim compares one final quantity of two
/// groups of runs (a problem id and an optimizer id of that suite) over the repetitions, or bounds
/// one group's quantity.
///
/// Decision rule, fixed before any run: repetitions are paired (the same repetition shares the
/// problem instance, initial weights and mini-batches), the paired differences are signed so that
/// positive favours the claim, and the claim is **supported** when the 95 % percentile-bootstrap
/// interval of their median (``BootstrapInterval``, 1000 resamples) lies above 0; otherwise **not
/// supported**. A bound claim is supported when the interval of the median lies below the bound.
/// Diverged or failed runs count as a training loss of +∞ and a held-out accuracy of 0. Claims whose
/// runs are absent are left out.
public struct TrainingClaim: Sendable {
    public enum Quantity: String, Sendable {
        case trainingLoss = "final training loss"
        case heldOutAccuracy = "final held-out accuracy"
        case sharpness = "final sharpness (largest Hessian eigenvalue)"
        case distance = "final distance to the minimum-norm solution"

        var lowerIsBetter: Bool { self != .heldOutAccuracy }

        func value(_ record: RunRecord) -> Double {
            let failed = record.status == .diverged || record.status == .error
            switch self {
            case .trainingLoss: return failed || !record.final.value.isFinite ? .infinity : record.final.value
            case .heldOutAccuracy: return failed ? 0 : record.final.heldOutAccuracy ?? .nan
            case .sharpness: return record.final.sharpness ?? .nan
            case .distance: return failed ? .infinity : record.final.distance ?? .nan
            }
        }
    }

    /// Runs of one optimizer on one problem.
    public struct Group: Sendable {
        public var label: String
        public var problem: String
        public var optimizer: String

        public init(label: String, problem: String, optimizer: String) {
            self.label = label
            self.problem = problem
            self.optimizer = optimizer
        }
    }

    /// One group's measured median and its interval.
    public struct Measurement: Sendable {
        public var label: String
        public var median: Double
        public var interval: BootstrapInterval?
        public var count: Int
    }

    public var statement: String
    public var source: String
    public var quantity: Quantity
    public var better: Group
    /// The group the claim says is worse; nil for a bound claim.
    public var worse: Group?
    /// Bound claim: `better`'s median quantity is below this.
    public var bound: Double?
    /// What this scale of experiment cannot show, said beside the verdict.
    public var caveat: String?

    public init(
        statement: String, source: String, quantity: Quantity, better: Group, worse: Group?, bound: Double? = nil,
        caveat: String? = nil
    ) {
        self.statement = statement
        self.source = source
        self.quantity = quantity
        self.better = better
        self.worse = worse
        self.bound = bound
        self.caveat = caveat
    }

    /// The outcome on a set of records.
    public struct Outcome: Sendable {
        public var claim: TrainingClaim
        public var measurements: [Measurement]
        /// Median paired difference (positive favours the claim) and its interval; nil for bounds.
        public var difference: Measurement?
        public var supported: Bool
    }

    /// The outcome, or nil when the records lack the runs of either group.
    public func evaluate(_ records: [RunRecord]) -> Outcome? {
        func values(_ group: Group) -> [Int: Double] {
            var result: [Int: Double] = [:]
            for record in records where record.problem.id == group.problem && record.optimizer.id == group.optimizer {
                result[record.repetition] = quantity.value(record)
            }
            return result
        }
        func measure(_ label: String, _ values: [Double]) -> Measurement {
            let finite = values.filter { !$0.isNaN }
            return Measurement(
                label: label, median: Median.of(finite),
                interval: BootstrapInterval.median(of: finite, label: "claim/\(statement)/\(label)"),
                count: finite.count)
        }
        let first = values(better)
        guard !first.isEmpty else { return nil }
        let firstMeasure = measure(better.label, first.keys.sorted().compactMap { first[$0] })
        guard let worse else {
            let upper = firstMeasure.interval?.upper ?? .infinity
            return Outcome(claim: self, measurements: [firstMeasure], difference: nil, supported: upper < (bound ?? 0))
        }
        let second = values(worse)
        guard !second.isEmpty else { return nil }
        let paired = first.keys.filter { second[$0] != nil }.sorted()
        let differences = paired.compactMap { repetition -> Double? in
            guard let a = first[repetition], let b = second[repetition], !a.isNaN, !b.isNaN else { return nil }
            if a == b { return 0 } // also +∞ against +∞
            return quantity.lowerIsBetter ? b - a : a - b
        }
        let difference = measure("paired difference", differences)
        return Outcome(
            claim: self,
            measurements: [firstMeasure, measure(worse.label, second.keys.sorted().compactMap { second[$0] })],
            difference: difference, supported: !differences.isEmpty && (difference.interval?.lower ?? 0) > 0)
    }
}
