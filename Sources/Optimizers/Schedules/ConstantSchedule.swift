import Parameters

extension ScheduleKind {
    /// `constant`: the optimizer's learning rate at every update. The schedule is the `Double` η₀
    /// itself (a `Double` is a ``Schedule``).
    public static let constant = ScheduleKind(
        name: "constant",
        summary: "The optimizer's learning rate η₀ at every update.",
        formula: "lr(k) = η₀",
        conventions: "Same in torch (no scheduler) and optax (constant_schedule(η₀)).",
        references: [
            "google-deepmind/optax:optax/schedules/_schedule.py constant_schedule",
            "gdbench reference §B.2",
        ],
        parameters: [],
        make: { parameters, baseLearningRate in
            _ = try ParameterReader(parameters, specs: [], kind: "constant")
            return baseLearningRate
        }
    )
}
