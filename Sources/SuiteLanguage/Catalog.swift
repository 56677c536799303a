import Objectives
import Optimizers

/// The named problems, optimizers and schedules a suite may refer to by `kind:`.
///
/// This is the library's extension point: conform to `Objective` or `Method`, wrap it in a
/// `ProblemKind` / `OptimizerKind` under a name, append it to ``Catalog/builtIn`` and run a suite
/// that names it:
/// ```swift
/// var catalog = Catalog.builtIn
/// catalog.optimizers.append(myOptimizerKind)
/// let outcome = try SuiteRunner(catalog: catalog).run(suite)
/// ```
public struct Catalog: Sendable {
    public var problems: [ProblemKind]
    /// Wrapper kinds (`switch`, `random-restarts`) are kept bound to this list: a kind appended here
    /// works inside them (``OptimizerKind/resolving(in:)``).
    public var optimizers: [OptimizerKind] {
        didSet { optimizers = optimizers.map { $0.resolving(in: optimizers) } }
    }
    /// `warmup` is kept bound to this list, like the wrapper optimizers (``ScheduleKind/resolving(in:)``).
    public var schedules: [ScheduleKind] {
        didSet { schedules = schedules.map { $0.resolving(in: schedules) } }
    }

    public init(problems: [ProblemKind] = [], optimizers: [OptimizerKind] = [], schedules: [ScheduleKind] = []) {
        self.problems = problems
        self.optimizers = optimizers.map { $0.resolving(in: optimizers) }
        self.schedules = schedules.map { $0.resolving(in: schedules) }
    }

    /// The first problem kind with this name (a later registration never shadows an earlier one).
    public func problem(named name: String) -> ProblemKind? { problems.first { $0.name == name } }
    public func optimizer(named name: String) -> OptimizerKind? { optimizers.first { $0.name == name } }
    public func schedule(named name: String) -> ScheduleKind? { schedules.first { $0.name == name } }
}
