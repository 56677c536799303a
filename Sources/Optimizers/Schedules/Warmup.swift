import Parameters

/// Linear warm-up in front of any schedule (Goyal et al. 2017's gradual warm-up).
///
/// lr(k) = (start − η₀)·(1 − k/w) + η₀ for k < w, with start = startFactor·η₀;
/// lr(k) = inner(k − w) for k ≥ w.
/// Boundary convention (optax `join_schedules`, torch `SequentialLR`): update w is the inner
/// schedule's step 0, and the inner schedule counts its own steps from there, so the warm-up adds w
/// updates in front of it. The ramp uses optax `linear_schedule`'s operations, so warmup followed by
/// cosine-optax with decay-steps D − w and alpha end/η₀ equals optax
/// `warmup_cosine_decay_schedule(start, η₀, w, D, end)` bit for bit (optax's decay_steps D includes
/// the warm-up), and likewise `warmup_exponential_decay_schedule` and `warmup_constant_schedule`.
/// torch `SequentialLR([LinearLR(startFactor, 1, w), S], milestones=[w])` gives the same values up to
/// rounding. The first update uses start, which is 0 with the default startFactor 0.
/// Source: google-deepmind/optax:optax/schedules/_schedule.py, _join.py; torch SequentialLR;
/// Goyal et al. 2017; reference §B.2, §B.3.
public struct Warmup<Inner: Schedule>: Schedule {
    public let peak: Double
    public let startValue: Double
    public let warmupSteps: Int
    public let inner: Inner

    /// `peak` is the optimizer's lr η₀ (the value the ramp reaches at k = w); the inner schedule
    /// should start there.
    public init(peak: Double, startFactor: Double = 0, warmupSteps: Int, then inner: Inner) {
        self.init(peak: peak, startValue: startFactor * peak, warmupSteps: warmupSteps, then: inner)
    }

    /// A ramp from an absolute `startValue` (optax's init_value) to `peak`.
    public init(peak: Double, startValue: Double, warmupSteps: Int, then inner: Inner) {
        self.peak = peak
        self.startValue = startValue
        self.warmupSteps = warmupSteps
        self.inner = inner
    }

    @inlinable
    public func callAsFunction(_ step: Int) -> Double {
        guard step < warmupSteps else { return inner(step - warmupSteps) }
        return (startValue - peak) * (1 - Double(step) / Double(warmupSteps)) + peak
    }

    public var readsInBlocks: Bool { inner.readsInBlocks }

    /// The ramp step by step, then the inner schedule's own `rates(from:into:)` (its memo and its
    /// concrete code) for the steps after the warm-up.
    @inlinable
    public func rates(from first: Int, into rates: UnsafeMutableBufferPointer<Double>) {
        let (gap, overflow) = warmupSteps.subtractingReportingOverflow(first)
        let rampCount = overflow ? rates.count : Swift.min(rates.count, Swift.max(gap, 0))
        for index in 0..<rampCount { rates[index] = self(first + index) }
        guard rampCount < rates.count else { return }
        inner.rates(
            from: first + rampCount - warmupSteps, into: UnsafeMutableBufferPointer(rebasing: rates[rampCount...]))
    }
}

extension ScheduleKind {
    /// `warmup`: its own parameters plus `then: <schedule name>`; every other key goes to the inner
    /// schedule, which is built with the same η₀.
    public static let warmup = ScheduleKind(
        name: "warmup",
        summary:
            "Linear warm-up from warmup-start-factor·η₀ to η₀ over warmup-steps updates, then the schedule named by "
            + "then.",
        formula: """
            k < warmup-steps: lr(k) = η₀·(s + (1 − s)·k/warmup-steps), s = warmup-start-factor
            k ≥ warmup-steps: lr(k) = then(k − warmup-steps)
            """,
        conventions: """
            In a suite: schedule: {kind: warmup, warmup-steps: 10, warmup-start-factor: 0, then: cosine, t-max: 90}. \
            The keys warmup-steps, warmup-start-factor and then belong to the warm-up; every other key is a \
            parameter of the schedule named by then (any kind except warmup, noam and inverse-sqrt, which have \
            their own warm-up), built with the same η₀; the ramp ends at η₀ even when then (cyclic, one-cycle) \
            sets its own lr range. Update \
            warmup-steps is the inner schedule's step 0 (optax join_schedules, torch SequentialLR), so the \
            inner schedule's lengths (t-max, decay-steps, …) count after the warm-up: optax \
            warmup_cosine_decay_schedule(s·η₀, η₀, w, D, end) is warmup then cosine-optax with decay-steps \
            D − w and alpha end/η₀ (bit-identical); torch SequentialLR([LinearLR(s, 1, w), S], [w]) is warmup \
            then S (equal up to rounding). The ramp uses optax linear_schedule's arithmetic; the default start \
            factor 0 makes the first update use lr 0, as optax's warmup_* schedules usually do.
            """,
        references: [
            "google-deepmind/optax:optax/schedules/_schedule.py warmup_cosine_decay_schedule, "
                + "warmup_exponential_decay_schedule, warmup_constant_schedule",
            "google-deepmind/optax:optax/schedules/_join.py join_schedules",
            "pytorch/pytorch:torch/optim/lr_scheduler.py SequentialLR, LinearLR",
            "Goyal et al. 2017, Accurate, Large Minibatch SGD: Training ImageNet in 1 Hour, arXiv:1706.02677",
            "gdbench reference §B.2, §B.3",
        ],
        parameters: warmupParameters, innerKindKeys: ["then"],
        makeWithin: { kinds, parameters, baseLearningRate in
            var own = ParameterSet()
            var rest = ParameterSet()
            for key in parameters.sortedKeys {
                if warmupParameters.contains(where: { $0.name == key }) {
                    own[key] = parameters[key]
                } else {
                    rest[key] = parameters[key]
                }
            }
            let read = try ParameterReader(own, specs: warmupParameters, kind: "warmup")
            let innerName = try read.choice("then")
            let followers = ScheduleKind.followers(ofWrapperWith: warmupParameters, among: kinds)
            guard let innerKind = followers.first(where: { $0.name == innerName }) else {
                throw ParameterError(
                    key: "then", expected: "one of " + followers.map(\.name).joined(separator: ", "), found: innerName)
            }
            let inner = try innerKind.resolving(in: kinds).make(rest, baseLearningRate)
            return warmupInFront(
                of: inner, peak: baseLearningRate, startFactor: try read.number("warmup-start-factor"),
                warmupSteps: try read.integer("warmup-steps"))
        }
    ).benchmarked("{kind: warmup, warmup-steps: 500, then: cosine, t-max: 199500}")

    private static let warmupParameters: [ParameterSpec] = [
        ParameterSpec("warmup-steps", .integer(minimum: 1), "updates of the linear ramp (required)"),
        ParameterSpec(
            "warmup-start-factor", .number(minimum: 0, maximum: 1), default: .number(0),
            "lr of the first update as a fraction of η₀"),
        ParameterSpec(
            "then", .choice([]), default: .text("constant"),
            "name of the schedule that follows; its parameters are given alongside"),
    ]

    /// Opens the inner existential, so that `Warmup` holds the inner schedule by value rather than boxed.
    private static func warmupInFront<Inner: Schedule>(
        of inner: Inner, peak: Double, startFactor: Double, warmupSteps: Int
    ) -> any Schedule {
        Warmup(peak: peak, startFactor: startFactor, warmupSteps: warmupSteps, then: inner)
    }
}
