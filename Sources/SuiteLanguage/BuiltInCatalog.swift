import Objectives
import Optimizers

/// The kinds that ship with gdbench. Each module keeps its own list (its catalog file); this is the
/// one place that gathers them.
extension Catalog {
    public static let builtIn = Catalog(
        problems: ProblemCatalog.builtIn,
        optimizers: OptimizerCatalog.builtIn,
        schedules: ScheduleCatalog.kinds)
}
