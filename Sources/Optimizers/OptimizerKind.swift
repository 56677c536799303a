import Objectives
import Parameters

/// A named optimizer that suites refer to by `kind:` (`adam`, `lbfgs`, …): its parameters with
/// torch-style defaults, the text `gdbench describe` prints, and a factory.
///
/// The description fields are the single source of truth for documentation: `gdbench describe`,
/// `gdbench list optimizers` and the README's optimizer table are all generated from them.
public struct OptimizerKind: Sendable {
    public var name: String
    /// One line for `gdbench list optimizers`.
    public var summary: String
    /// The update rule, in plain text with Unicode math, as many lines as needed.
    public var updateRule: String
    /// How torch, optax and scipy differ for this method, and which convention this kind follows.
    public var conventions: String
    /// Papers and library files.
    public var references: [String]
    public var parameters: [ParameterSpec]
    /// True when the method has a learning rate that a schedule may drive (`schedule:` in a suite).
    public var acceptsSchedule: Bool
    /// Builds a fresh method. `schedule` replaces the constant `lr` when given; `seed` is the run's
    /// own stream for anything the method draws itself (noise injection, restarts). The schedule
    /// comes as an ``AnySchedule`` so that a generic builder is specialised for it when gdbench is
    /// compiled, never run with a schedule type known only at run time.
    public var make: @Sendable (ParameterSet, AnySchedule?, UInt64) throws -> any Method

    public init(
        name: String, summary: String, updateRule: String, conventions: String, references: [String],
        parameters: [ParameterSpec], acceptsSchedule: Bool,
        make: @escaping @Sendable (ParameterSet, AnySchedule?, UInt64) throws -> any Method
    ) {
        self.name = name
        self.summary = summary
        self.updateRule = updateRule
        self.conventions = conventions
        self.references = references
        self.parameters = parameters
        self.acceptsSchedule = acceptsSchedule
        self.make = make
    }
}
