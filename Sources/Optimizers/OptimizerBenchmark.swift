/// How `gdbench bench` times an optimizer kind: its row of the every-optimizer table, derived from the
/// catalog (a kind without settings of its own is timed with its defaults on 2-D Rosenbrock).
public struct OptimizerBenchmark: Sendable, Equatable {
    /// The problem of the row.
    public enum Problem: String, Sendable {
        /// 2-D Rosenbrock from (−1.2, 1), 200 000 iterations or until the method stops by itself.
        case rosenbrock
        /// The d = 100 rotated quadratic with κ = 10⁶ (log spectrum), 20 000 iterations: for methods
        /// made for quadratics (exact line search, linear CG, Jacobi preconditioning).
        case rotatedQuadratic
        /// Online least squares (d = 10, T = 10 000 rounds), one pass: for methods that play the rounds of
        /// an online problem (`online-gd`).
        case onlineStream
    }

    /// The optimizer entry of the bench suite, a YAML flow mapping (`{kind: sgd, lr: 1e-3}`); nil for
    /// `{kind: <name>}`, the kind's defaults.
    public var entry: String?
    public var problem: Problem
    /// True when `scripts/reference/jax_timing.py` times the optax counterpart with the same rates,
    /// under the key `sweep-<name>`.
    public var jaxReference: Bool

    public init(entry: String? = nil, problem: Problem = .rosenbrock, jaxReference: Bool = false) {
        self.entry = entry
        self.problem = problem
        self.jaxReference = jaxReference
    }
}

extension OptimizerKind {
    /// This kind with its bench row set: `entry` (nil: the defaults), the problem, and whether jax has it.
    public func benchmarked(
        _ entry: String? = nil, on problem: OptimizerBenchmark.Problem = .rosenbrock, jaxReference: Bool = false
    ) -> OptimizerKind {
        var kind = self
        kind.benchmark = OptimizerBenchmark(entry: entry, problem: problem, jaxReference: jaxReference)
        return kind
    }
}
