import Parameters


/// A named learning-rate schedule that suites refer to by `schedule: {kind: cosine, …}`: its
/// parameters, the text `gdbench describe` prints, and a factory given the optimizer's base
/// learning rate η₀ (torch's `initial_lr`).
public struct ScheduleKind: Sendable {
    public var name: String
    public var summary: String
    /// The closed form lr(k) for the 0-based update index k.
    public var formula: String
    /// torch vs optax semantics and which one this kind follows.
    public var conventions: String
    public var references: [String]
    public var parameters: [ParameterSpec]
    public var make: @Sendable (ParameterSet, _ baseLearningRate: Double) throws -> any Schedule

    public init(
        name: String, summary: String, formula: String, conventions: String, references: [String],
        parameters: [ParameterSpec],
        make: @escaping @Sendable (ParameterSet, _ baseLearningRate: Double) throws -> any Schedule
    ) {
        self.name = name
        self.summary = summary
        self.formula = formula
        self.conventions = conventions
        self.references = references
        self.parameters = parameters
        self.make = make
    }
}
