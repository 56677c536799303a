/// One per-step timing workload of `gdbench bench`: a problem and an optimizer written as suite
/// entries, run through the harness for a fixed number of iterations (targets are set out of reach,
/// so every run uses its whole budget), and the performance target the issue sets for it.
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
    /// The target in nanoseconds per iteration, when the issue sets one.
    public var targetNanoseconds: Double?
    public var referenceKey: String?

    public init(name: String, problem: String, optimizer: String, iterations: Int, targetNanoseconds: Double?,
                referenceKey: String?) {
        self.name = name
        self.problem = problem
        self.optimizer = optimizer
        self.iterations = iterations
        self.targetNanoseconds = targetNanoseconds
        self.referenceKey = referenceKey
    }

    /// The workloads of the performance issue. Rosenbrock starts at (−1.2, 1); the quadratics use
    /// κ = 10⁶ (log spectrum) so that GD with lr = 1/L is still far from f* when the budget ends; the
    /// logistic problem keeps all n = 10⁴ rows for training (full-batch gradients).
    public static let standard: [StepWorkload] = [
        StepWorkload(name: "rosenbrock d=2 · sgd lr=1e-3", problem: "{kind: rosenbrock, d: 2}",
                     optimizer: "{kind: sgd, lr: 1e-3}", iterations: 2_000_000, targetNanoseconds: 15,
                     referenceKey: "rosenbrock-gd"),
        StepWorkload(name: "rosenbrock d=2 · sgd momentum 0.9", problem: "{kind: rosenbrock, d: 2}",
                     optimizer: "{kind: sgd, lr: 1e-4, momentum: 0.9}", iterations: 2_000_000, targetNanoseconds: nil,
                     referenceKey: "rosenbrock-momentum"),
        StepWorkload(name: "rosenbrock d=2 · adam lr=1e-3", problem: "{kind: rosenbrock, d: 2}",
                     optimizer: "{kind: adam, lr: 1e-3}", iterations: 2_000_000, targetNanoseconds: 25,
                     referenceKey: "rosenbrock-adam"),
        StepWorkload(name: "quadratic d=100 rotated · sgd 1/L",
                     problem: "{kind: quadratic, d: 100, kappa: 1e6, spectrum: log, rotation: random}",
                     optimizer: "{kind: sgd, lr: 1/L}", iterations: 20_000, targetNanoseconds: 1500,
                     referenceKey: "quadratic-rotated-gd"),
        StepWorkload(name: "quadratic d=100 axis-aligned · sgd 1/L",
                     problem: "{kind: quadratic, d: 100, kappa: 1e6, spectrum: log, rotation: none}",
                     optimizer: "{kind: sgd, lr: 1/L}", iterations: 200_000, targetNanoseconds: 150,
                     referenceKey: "quadratic-axis-gd"),
        StepWorkload(name: "quadratic d=100 rotated · adam",
                     problem: "{kind: quadratic, d: 100, kappa: 1e6, spectrum: log, rotation: random}",
                     optimizer: "{kind: adam, lr: 1e-2}", iterations: 20_000, targetNanoseconds: nil,
                     referenceKey: "quadratic-rotated-adam"),
        StepWorkload(name: "logistic n=1e4 d=100 · sgd full batch",
                     problem: "{kind: logistic, data: synthetic, n: 10000, d: 100, lambda: 1e-3, test-fraction: 0}",
                     optimizer: "{kind: sgd, lr: 1/L}", iterations: 200, targetNanoseconds: nil,
                     referenceKey: "logistic-gd"),
    ]

    /// Every optimizer of the catalog, one run each: 2-D Rosenbrock from (−1.2, 1) for 200 000
    /// iterations or until the method stops by itself (Newton, L-BFGS, BFGS, … converge in a few
    /// dozen), and the methods made for quadratics (exact line search, linear CG, Jacobi
    /// preconditioning, which diverges on Rosenbrock) on the d = 100 rotated quadratic. Parameters are
    /// the defaults where they are stable on Rosenbrock, else learning rates of 1e−4 or 1e−3, L-BFGS
    /// in scipy's convention (torch's has no line search by default and diverges there) and
    /// Barzilai–Borwein with its non-monotone safeguard, Jacobi preconditioning at lr 0.1 (at 1 it
    /// diverges on the rotated quadratic, where D⁻¹A has eigenvalues above 2). The jax reference
    /// (`sweep-<kind>`) is the optax optimizer of the same family with the same rates.
    public static let everyOptimizer: [StepWorkload] = {
        let rosenbrock = "{kind: rosenbrock, d: 2}"
        let quadratic = "{kind: quadratic, d: 100, kappa: 1e6, spectrum: log, rotation: random}"
        let entries: [(kind: String, optimizer: String, jax: Bool)] = [
            ("sgd", "{kind: sgd, lr: 1e-3}", true),
            ("nesterov", "{kind: nesterov, lr: 1e-4}", true),
            ("momentum-ema", "{kind: momentum-ema, lr: 1e-3}", false),
            ("momentum-velocity", "{kind: momentum-velocity, lr: 1e-4}", true),
            ("nesterov-lookahead", "{kind: nesterov-lookahead, lr: 1e-4}", false),
            ("adagrad", "{kind: adagrad}", true),
            ("adagrad-optax", "{kind: adagrad-optax}", true),
            ("rmsprop", "{kind: rmsprop, lr: 1e-3}", true),
            ("rmsprop-optax", "{kind: rmsprop-optax, lr: 1e-3}", true),
            ("adadelta", "{kind: adadelta}", true),
            ("adam", "{kind: adam}", true),
            ("adam-optax", "{kind: adam-optax}", true),
            ("amsgrad-optax", "{kind: amsgrad-optax}", true),
            ("adamw", "{kind: adamw}", true),
            ("adamax", "{kind: adamax}", true),
            ("nadam", "{kind: nadam}", true),
            ("nadam-optax", "{kind: nadam-optax}", true),
            ("radam", "{kind: radam}", true),
            ("radam-optax", "{kind: radam-optax}", true),
            ("lion", "{kind: lion}", true),
            ("adabelief", "{kind: adabelief}", true),
            ("gd-armijo", "{kind: gd-armijo}", false),
            ("newton", "{kind: newton}", false),
            ("newton-cg", "{kind: newton-cg}", false),
            ("lbfgs", "{kind: lbfgs, convention: scipy}", false),
            ("bfgs", "{kind: bfgs}", false),
            ("nonlinear-cg", "{kind: nonlinear-cg}", false),
            ("barzilai-borwein", "{kind: barzilai-borwein, nonmonotone: true}", false),
            ("heavy-ball", "{kind: heavy-ball, lr: 1e-4, momentum: 0.9}", true),
            ("nesterov-constant", "{kind: nesterov-constant, lr: 1e-4, momentum: 0.9}", false),
            ("nesterov-accelerated", "{kind: nesterov-accelerated, lr: 1e-4}", false),
            ("noisy-gd", "{kind: noisy-gd, lr: 1e-3}", false),
            ("switch", "{kind: switch, first: adam, second: sgd, second.lr: 1e-3, switch-at: 1000}", false),
            ("random-restarts", "{kind: random-restarts, inner: gd-armijo, restarts: 5, iterations-per-restart: 1000}", false),
        ]
        let quadraticOnly: [(kind: String, optimizer: String)] = [
            ("steepest-descent-exact", "{kind: steepest-descent-exact}"),
            ("conjugate-gradient", "{kind: conjugate-gradient}"),
            ("preconditioned-gd", "{kind: preconditioned-gd, lr: 0.1}"),
        ]
        return entries.map { entry in
            StepWorkload(name: "rosenbrock d=2 · \(entry.kind)", problem: rosenbrock, optimizer: entry.optimizer,
                         iterations: 200_000, targetNanoseconds: nil, referenceKey: entry.jax ? "sweep-\(entry.kind)" : nil)
        } + quadraticOnly.map { entry in
            StepWorkload(name: "quadratic d=100 rotated · \(entry.kind)", problem: quadratic, optimizer: entry.optimizer,
                         iterations: 20_000, targetNanoseconds: nil, referenceKey: nil)
        }
    }()

    /// SGD (lr 1e−3) on 2-D Rosenbrock under every learning-rate schedule of the catalog, 200 000
    /// iterations, the horizons of the decaying schedules set to the budget: what a schedule adds to a
    /// step (its evaluation, once per update, through ``AnySchedule``).
    public static let everySchedule: [StepWorkload] = {
        let schedules: [(kind: String, entry: String)] = [
            ("constant", "{kind: constant}"),
            ("constant-factor", "{kind: constant-factor, factor: 0.5, total-iters: 500}"),
            ("step", "{kind: step, step-size: 1000, gamma: 0.9}"),
            ("multi-step", "{kind: multi-step, milestones: [50000, 100000, 150000], gamma: 0.5}"),
            ("exponential", "{kind: exponential, gamma: 0.99999}"),
            ("exponential-optax", "{kind: exponential-optax, decay-rate: 0.5, transition-steps: 50000}"),
            ("cosine", "{kind: cosine, t-max: 200000}"),
            ("cosine-optax", "{kind: cosine-optax, decay-steps: 200000, alpha: 0.01}"),
            ("cosine-warm-restarts", "{kind: cosine-warm-restarts, t-0: 500, t-mult: 2}"),
            ("linear", "{kind: linear, start-factor: 1, end-factor: 0.01, total-iters: 200000}"),
            ("polynomial", "{kind: polynomial, total-iters: 200000, power: 2}"),
            ("polynomial-optax", "{kind: polynomial-optax, transition-steps: 200000, end-value: 1e-5}"),
            ("cyclic", "{kind: cyclic, base-lr: 1e-4, max-lr: 1e-3, step-size-up: 500}"),
            ("one-cycle", "{kind: one-cycle, max-lr: 1e-3, total-steps: 200000}"),
            ("one-cycle-cosine-optax", "{kind: one-cycle-cosine-optax, transition-steps: 200000, peak-value: 1e-3}"),
            ("one-cycle-linear-optax", "{kind: one-cycle-linear-optax, transition-steps: 200000, peak-value: 1e-3}"),
            ("noam", "{kind: noam, d-model: 1, warmup-steps: 500}"),
            ("inverse-sqrt", "{kind: inverse-sqrt, warmup-steps: 500}"),
            ("warmup", "{kind: warmup, warmup-steps: 500, then: cosine, t-max: 199500}"),
        ]
        return schedules.map { schedule in
            StepWorkload(name: "rosenbrock d=2 · sgd + \(schedule.kind)", problem: "{kind: rosenbrock, d: 2}",
                         optimizer: "{kind: sgd, lr: 1e-3, schedule: \(schedule.entry)}", iterations: 200_000,
                         targetNanoseconds: nil, referenceKey: nil)
        }
    }()
}
