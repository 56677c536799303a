import Objectives
import Parameters

/// Every optimizer kind of gdbench that a suite can name: the first-order kinds
/// (``FirstOrderOptimizerCatalog``), the line-search, second-order and momentum methods
/// (``MethodCatalog``), and the wrappers `switch` and `random-restarts`, whose inner methods are
/// resolved by name from this whole list (so `switch` can run `adam` then `lbfgs`, and
/// `random-restarts` can restart a `switch`). Names are unique.
public enum OptimizerCatalog {
    /// The kinds that do not wrap another method.
    static let plainKinds = FirstOrderOptimizerCatalog.kinds + MethodCatalog.kinds

    /// The names a wrapper's `first`, `second` or `inner` may take: every name of ``builtIn``
    /// (spelled out for the wrappers, which cannot read ``builtIn`` while it is being built; a test
    /// checks that the two agree).
    static let methodNames = plainKinds.map(\.name) + ["switch", "random-restarts"]

    public static let builtIn: [OptimizerKind] = plainKinds + [
        MethodCatalog.switchKind(methodNames: methodNames, resolving: resolve),
        MethodCatalog.randomRestartsKind(methodNames: methodNames, resolving: resolve),
    ]

    public static func kind(named name: String) -> OptimizerKind? {
        builtIn.first { $0.name == name }
    }

    /// Builds an inner method of a wrapper (never given a schedule: its learning rate is its own `lr`).
    static let resolve: MethodCatalog.Resolver = { name, parameters, seed in
        guard let kind = kind(named: name) else {
            throw ParameterError(key: "name", expected: "one of " + methodNames.joined(separator: ", "), found: name)
        }
        return try kind.make(parameters, nil, seed)
    }
}
