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
    public var optimizers: [OptimizerKind]
    public var schedules: [ScheduleKind]

    public init(problems: [ProblemKind] = [], optimizers: [OptimizerKind] = [], schedules: [ScheduleKind] = []) {
        self.problems = problems
        self.optimizers = optimizers
        self.schedules = schedules
    }

    /// The first problem kind with this name (a later registration never shadows an earlier one).
    public func problem(named name: String) -> ProblemKind? { problems.first { $0.name == name } }
    public func optimizer(named name: String) -> OptimizerKind? { optimizers.first { $0.name == name } }
    public func schedule(named name: String) -> ScheduleKind? { schedules.first { $0.name == name } }
}
