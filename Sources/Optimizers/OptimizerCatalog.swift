import Objectives
import Parameters

/// Every optimizer kind of gdbench that a suite can name: the first-order kinds
/// (``FirstOrderOptimizerCatalog``), the line-search, second-order and momentum methods
/// (``MethodCatalog``), and the wrappers `switch` and `random-restarts`, bound to this whole list
/// (``OptimizerKind/resolving(in:)``: `switch` can run `adam` then `lbfgs`, and `random-restarts` can
/// restart a `switch`). Names are unique.
public enum OptimizerCatalog {
    public static let builtIn: [OptimizerKind] = {
        let kinds =
            FirstOrderOptimizerCatalog.kinds + MethodCatalog.kinds
            + [MethodCatalog.switchKind, MethodCatalog.randomRestartsKind]
        return kinds.map { $0.resolving(in: kinds) }
    }()

    public static func kind(named name: String) -> OptimizerKind? {
        builtIn.first { $0.name == name }
    }
}
