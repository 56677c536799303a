/// Every learning-rate schedule a suite can name (`schedule: {kind: <name>, …}`), in the order
/// `gdbench list schedules` prints them: torch.optim.lr_scheduler semantics under torch-like names,
/// optax variants where they differ under names ending in `-optax`, and the Transformer schedules.
///
/// Every kind drives only the learning rate (torch's CyclicLR/OneCycleLR momentum cycling is not
/// part of a schedule). Update k (0-based) uses lr(k) (reference §B.0). Parameters are validated
/// against each kind's ``ParameterSpec`` list, and unknown keys are rejected, with a
/// `ParameterError` naming the key.
public enum ScheduleCatalog {
    /// `warmup` is bound to this list (``ScheduleKind/resolving(in:)``).
    public static let kinds: [ScheduleKind] = {
        let kinds: [ScheduleKind] = [
            .constant, .constantFactor, .step, .multiStep, .exponential, .exponentialOptax, .cosine, .cosineOptax,
            .cosineWarmRestarts, .linear, .polynomial, .polynomialOptax, .cyclic, .oneCycle, .oneCycleCosineOptax,
            .oneCycleLinearOptax, .noam, .inverseSqrt, .warmup,
        ]
        return kinds.map { $0.resolving(in: kinds) }
    }()

    public static func kind(named name: String) -> ScheduleKind? {
        kinds.first { $0.name == name }
    }
}
