import Optimizers
import SuiteLanguage

/// One per-step timing workload of `gdbench bench`: a problem and an optimizer written as suite
/// entries, run through the harness for a fixed number of iterations (targets are set out of reach,
/// so every run uses its whole budget), and its performance target (README "Performance").
///
/// `referenceKey` names the same workload in the output of `scripts/reference/jax_timing.py`, which
/// times it as a jitted jax loop (and the logistic gradient's two matrix-vector products in numpy's
/// single-threaded OpenBLAS) on the same machine.
public struct StepWorkload: Sendable {
    public var name: String
    /// The problem entry of the suite (YAML flow mapping).
    public var problem: String
    /// The optimizer entry of the suite (YAML flow mapping).
    public var optimizer: String
    public var iterations: Int
    /// The target in nanoseconds per iteration, when README "Performance" states one.
    public var targetNanoseconds: Double?
    public var referenceKey: String?
    /// The hand-written loop of the same update, for the harness/loop ratio (target ≤ 1.5).
    public var referenceLoop: ReferenceLoop?

    public init(
        name: String, problem: String, optimizer: String, iterations: Int, targetNanoseconds: Double?,
        referenceKey: String?, referenceLoop: ReferenceLoop? = nil
    ) {
        self.name = name
        self.problem = problem
        self.optimizer = optimizer
        self.iterations = iterations
        self.targetNanoseconds = targetNanoseconds
        self.referenceKey = referenceKey
        self.referenceLoop = referenceLoop
    }

    /// The workloads of the performance issue. Rosenbrock starts at (−1.2, 1); the quadratics use
    /// κ = 10⁶ (log spectrum) so that GD with lr = 1/L is still far from f* when the budget ends; the
    /// logistic problem keeps all n = 10⁴ rows for training (full-batch gradients).
    public static let standard: [StepWorkload] = [
        StepWorkload(
            name: "rosenbrock d=2 · sgd lr=1e-3", problem: "{kind: rosenbrock, d: 2}",
            optimizer: "{kind: sgd, lr: 1e-3}", iterations: 2_000_000, targetNanoseconds: 15,
            referenceKey: "rosenbrock-gd", referenceLoop: .gradientDescent),
        StepWorkload(
            name: "rosenbrock d=2 · sgd momentum 0.9", problem: "{kind: rosenbrock, d: 2}",
            optimizer: "{kind: sgd, lr: 1e-4, momentum: 0.9}", iterations: 2_000_000, targetNanoseconds: nil,
            referenceKey: "rosenbrock-momentum", referenceLoop: .heavyBall),
        StepWorkload(
            name: "rosenbrock d=2 · adam lr=1e-3", problem: "{kind: rosenbrock, d: 2}",
            optimizer: "{kind: adam, lr: 1e-3}", iterations: 2_000_000, targetNanoseconds: 25,
            referenceKey: "rosenbrock-adam", referenceLoop: .adam),
        StepWorkload(
            name: "quadratic d=100 rotated · sgd 1/L",
            problem: "{kind: quadratic, d: 100, kappa: 1e6, spectrum: log, rotation: random}",
            optimizer: "{kind: sgd, lr: 1/L}", iterations: 20_000, targetNanoseconds: 1500,
            referenceKey: "quadratic-rotated-gd"),
        StepWorkload(
            name: "quadratic d=100 axis-aligned · sgd 1/L",
            problem: "{kind: quadratic, d: 100, kappa: 1e6, spectrum: log, rotation: none}",
            optimizer: "{kind: sgd, lr: 1/L}", iterations: 200_000, targetNanoseconds: 150,
            referenceKey: "quadratic-axis-gd"),
        StepWorkload(
            name: "quadratic d=100 rotated · adam",
            problem: "{kind: quadratic, d: 100, kappa: 1e6, spectrum: log, rotation: random}",
            optimizer: "{kind: adam, lr: 1e-2}", iterations: 20_000, targetNanoseconds: nil,
            referenceKey: "quadratic-rotated-adam"),
        StepWorkload(
            name: "logistic n=1e4 d=100 · sgd full batch",
            problem: "{kind: logistic, data: synthetic, n: 10000, d: 100, lambda: 1e-3, test-fraction: 0}",
            optimizer: "{kind: sgd, lr: 1/L}", iterations: 200, targetNanoseconds: nil,
            referenceKey: "logistic-gd"),
    ]

    /// Every optimizer of `catalog`, one run each, as its kind's ``OptimizerBenchmark`` says: 2-D
    /// Rosenbrock from (−1.2, 1) for 200 000 iterations or until the method stops by itself (Newton,
    /// L-BFGS, BFGS, … converge in a few dozen), and the methods made for quadratics on the d = 100
    /// rotated quadratic for 20 000 and `online-gd` for one pass over online least squares, after the
    /// Rosenbrock rows. The built-in kinds set parameters where their defaults are unstable on
    /// Rosenbrock (learning rates of 1e−4 or 1e−3, L-BFGS in scipy's convention, Barzilai–Borwein with its
    /// non-monotone safeguard, Jacobi preconditioning at lr 0.1); the jax reference (`sweep-<kind>`) is the same
    /// algorithm with the same rates in `scripts/reference/jax_references.py` (optax's alias where it is equal).
    public static func everyOptimizer(in catalog: Catalog) -> [StepWorkload] {
        let rosenbrock = "{kind: rosenbrock, d: 2}"
        let quadratic = "{kind: quadratic, d: 100, kappa: 1e6, spectrum: log, rotation: random}"
        let online = "{kind: online-least-squares, d: 10, rounds: 10000}"
        func row(_ kind: OptimizerKind) -> StepWorkload {
            let setting = kind.benchmark
            let (label, problem, iterations) =
                switch setting.problem {
                case .rosenbrock: ("rosenbrock d=2", rosenbrock, 200_000)
                case .rotatedQuadratic: ("quadratic d=100 rotated", quadratic, 20_000)
                case .onlineStream: ("online least squares d=10", online, 10_000)
                }
            return StepWorkload(
                name: "\(label) · \(kind.name)", problem: problem, optimizer: setting.entry ?? "{kind: \(kind.name)}",
                iterations: iterations, targetNanoseconds: nil,
                referenceKey: setting.jaxReference ? "sweep-\(kind.name)" : nil)
        }
        return catalog.optimizers.filter { $0.benchmark.problem == .rosenbrock }.map(row)
            + catalog.optimizers.filter { $0.benchmark.problem == .rotatedQuadratic }.map(row)
            + catalog.optimizers.filter { $0.benchmark.problem == .onlineStream }.map(row)
    }

    /// ``everyOptimizer(in:)`` of the built-in catalog.
    public static let everyOptimizer = everyOptimizer(in: .builtIn)

    /// SGD (lr 1e−3) on 2-D Rosenbrock under every learning-rate schedule of `catalog`, 200 000
    /// iterations, with each kind's ``ScheduleKind/benchmark`` entry (the built-in decaying schedules
    /// set their horizons to the budget): what a schedule adds to a step (its evaluation, once per
    /// update, through ``AnySchedule``). The jax reference (`sweep-schedule-<kind>`) is sgd with the same
    /// schedule in jax, where `scripts/reference/jax_references.py` has the kind.
    public static func everySchedule(in catalog: Catalog) -> [StepWorkload] {
        catalog.schedules.map { schedule in
            let entry = schedule.benchmark ?? "{kind: \(schedule.name)}"
            return StepWorkload(
                name: "rosenbrock d=2 · sgd + \(schedule.name)", problem: "{kind: rosenbrock, d: 2}",
                optimizer: "{kind: sgd, lr: 1e-3, schedule: \(entry)}", iterations: 200_000, targetNanoseconds: nil,
                referenceKey: "sweep-schedule-\(schedule.name)")
        }
    }

    /// ``everySchedule(in:)`` of the built-in catalog.
    public static let everySchedule = everySchedule(in: .builtIn)
}
