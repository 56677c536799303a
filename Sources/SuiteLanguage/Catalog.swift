import Objectives
import Optimizers

/// The named problems, optimizers and schedules a suite may refer to by `kind:`.
///
/// This is the library's extension point: describe a new kind (`OptimizerKind.firstOrder(…)` for a
/// gradient-transformation chain, `OptimizerKind(…)` for any `Method`, `ScheduleKind`, `ProblemKind`),
/// append it to a copy of ``Catalog/builtIn`` and load suites that name it with that catalog:
/// ```swift
/// var catalog = Catalog.builtIn
/// catalog.optimizers.append(myOptimizerKind)
/// let suite = try SuiteLoader(catalog: catalog).load(path: "suites/mine.yaml")
/// let records = try SuiteRunner.records(try RunPlan(suite: suite))
/// ```
/// The wrapper kinds (`switch`, `random-restarts`, `warmup`) see the appended kinds too.
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
