import Parameters
import Randomness

/// A named family of test problems that suites refer to by `kind:` (e.g. `quadratic`,
/// `rosenbrock`), with its parameters and a factory that builds one seeded instance.
///
/// `make` receives the resolved parameters and the problem's own generator (derived from the suite
/// seed, the problem id and the repetition), from which it draws everything random: rotation,
/// spectrum, x*, data, and the start point when the parameters ask for a random one.
public struct ProblemKind: Sendable {
    public var name: String
    /// One line for `gdbench list problems`.
    public var summary: String
    public var parameters: [ParameterSpec]
    /// True for finite sums that accept mini-batches (`batch-size`).
    public var isFiniteSum: Bool
    public var make: @Sendable (ParameterSet, inout Xoshiro256StarStar) throws -> any Objective

    public init(
        name: String, summary: String, parameters: [ParameterSpec], isFiniteSum: Bool = false,
        make: @escaping @Sendable (ParameterSet, inout Xoshiro256StarStar) throws -> any Objective
    ) {
        self.name = name
        self.summary = summary
        self.parameters = parameters
        self.isFiniteSum = isFiniteSum
        self.make = make
    }
}

extension ProblemKind {
    /// A kind whose `make` receives its parameters already read and validated against `parameters`
    /// (``ParameterReader``: unknown keys, types and ranges are errors before `make` runs).
    public static func reading(
        name: String, summary: String, parameters: [ParameterSpec], isFiniteSum: Bool = false,
        make: @escaping @Sendable (ParameterReader, inout Xoshiro256StarStar) throws -> any Objective
    ) -> ProblemKind {
        ProblemKind(name: name, summary: summary, parameters: parameters, isFiniteSum: isFiniteSum) {
            values, generator in
            try make(ParameterReader(values, specs: parameters), &generator)
        }
    }
}
