import LinearAlgebra
import Objectives

/// A line search for the strong Wolfe conditions, Nocedal & Wright Alg. 3.5 (bracketing) and
/// Alg. 3.6 (zoom), reference §A.13:
///
///     φ(α) ≤ φ(0) + c₁·α·φ'(0)   and   |φ'(α)| ≤ c₂·|φ'(0)|,   φ(α) = f(x + αp).
///
/// Bracketing tries α₁ (the caller's initial step), then extrapolates to the minimiser of the cubic
/// through the last two trials, clamped to [αᵢ + 0.01(αᵢ − αᵢ₋₁), 10αᵢ] (the midpoint of that range
/// when the cubic has no minimiser; the bounds of torch's `_strong_wolfe`, a port of minFunc), until
/// an interval containing a Wolfe point is found (at most `maxStep`). Zoom takes the
/// minimiser of the cubic interpolating φ and φ' at the two ends (N&W eq. 3.59), replaced by
/// bisection when it is not finite or lies within 10% of the interval width of an end.
///
/// Every trial costs one function and one gradient evaluation (`oracle.valueAndGradient`). After at
/// most `maxEvaluations` trials the search stops; it then returns the best point found that satisfies
/// the sufficient-decrease condition (reported as not satisfied), or no step at all.
/// Defaults: c₁ = 1e−4, c₂ = 0.9 (quasi-Newton; use 0.1–0.4 for nonlinear CG), 25 evaluations,
/// maximum step 1e10.
public struct StrongWolfeLineSearch: Sendable {
    public var sufficientDecrease: Double
    public var curvature: Double
    public var maxEvaluations: Int
    public var maxStep: Double
    /// The accepted point x + αp and the gradient there, valid when the outcome's step is > 0.
    public var point: [Double] { acceptedPoint }
    public var gradient: [Double] { acceptedGradient }
    @usableFromInline var acceptedPoint: [Double] = []
    @usableFromInline var acceptedGradient: [Double] = []
    @usableFromInline var trialPoint: [Double] = []
    @usableFromInline var trialGradient: [Double] = []

    public init(
        sufficientDecrease: Double = 1e-4, curvature: Double = 0.9, maxEvaluations: Int = 25, maxStep: Double = 1e10
    ) {
        self.sufficientDecrease = sufficientDecrease
        self.curvature = curvature
        self.maxEvaluations = maxEvaluations
        self.maxStep = maxStep
    }

    public mutating func prepare(dimension: Int) {
        acceptedPoint = [Double](repeating: 0, count: dimension)
        acceptedGradient = acceptedPoint
        trialPoint = acceptedPoint
        trialGradient = acceptedPoint
    }

    /// What a search found: the step (0 when no point decreased f sufficiently), f and φ' there,
    /// whether both Wolfe conditions hold, and the evaluations spent.
    public struct Outcome: Sendable, Equatable {
        public var step: Double
        public var value: Double
        public var slope: Double
        public var satisfiesWolfe: Bool
        public var evaluations: Int
        public var accepted: Bool { step > 0 }

        @inlinable
        public init(step: Double, value: Double, slope: Double, satisfiesWolfe: Bool, evaluations: Int) {
            self.step = step
            self.value = value
            self.slope = slope
            self.satisfiesWolfe = satisfiesWolfe
            self.evaluations = evaluations
        }
    }

    /// One end of the current interval: α, φ(α), φ'(α).
    @usableFromInline
    struct Sample {
        @usableFromInline var step: Double
        @usableFromInline var value: Double
        @usableFromInline var slope: Double
        @inlinable init(step: Double, value: Double, slope: Double) {
            self.step = step
            self.value = value
            self.slope = slope
        }
    }

    /// Searches along `direction` from `x`, where f(x) = `value` and ∇f(x)ᵀp = `slope` (< 0).
    @inlinable
    public mutating func search(
        from x: [Double], value: Double, slope: Double, direction: [Double], initialStep: Double,
        oracle: inout Oracle
    ) -> Outcome {
        let origin = Sample(step: 0, value: value, slope: slope)
        var best: Sample? = nil // the lowest sufficient-decrease point, stored in `point`/`gradient`
        var evaluations = 0
        var previous = origin
        var step = min(initialStep, maxStep)

        // Evaluates φ and φ' at α into trialPoint/trialGradient.
        func evaluate(_ alpha: Double, _ oracle: inout Oracle) -> Sample {
            VectorKernels.setSum(&trialPoint, x, alpha, direction)
            let trialValue = oracle.valueAndGradient(at: trialPoint, into: &trialGradient)
            evaluations += 1
            return Sample(step: alpha, value: trialValue, slope: VectorKernels.dot(trialGradient, direction))
        }
        func sufficient(_ sample: Sample) -> Bool {
            sample.value.isFinite && sample.value <= value + sufficientDecrease * sample.step * slope
        }
        func keepIfBest(_ sample: Sample) {
            guard sufficient(sample), sample.value < (best?.value ?? value) else { return }
            best = sample
            swap(&acceptedPoint, &trialPoint)
            swap(&acceptedGradient, &trialGradient)
        }
        func wolfe(_ sample: Sample) -> Bool { abs(sample.slope) <= -curvature * slope }
        func finish(_ sample: Sample) -> Outcome {
            best = sample
            swap(&acceptedPoint, &trialPoint)
            swap(&acceptedGradient, &trialGradient)
            return Outcome(
                step: sample.step, value: sample.value, slope: sample.slope, satisfiesWolfe: true,
                evaluations: evaluations)
        }
        func giveUp() -> Outcome {
            if let best {
                return Outcome(
                    step: best.step, value: best.value, slope: best.slope, satisfiesWolfe: false,
                    evaluations: evaluations)
            }
            return Outcome(step: 0, value: value, slope: slope, satisfiesWolfe: false, evaluations: evaluations)
        }

        // Alg. 3.6: lo satisfies sufficient decrease with the lowest φ so far; φ'(lo)(hi − lo) < 0.
        func zoom(_ lowEnd: Sample, _ highEnd: Sample, _ oracle: inout Oracle) -> Outcome {
            var lo = lowEnd, hi = highEnd
            while evaluations < maxEvaluations {
                let width = hi.step - lo.step
                var alpha = StrongWolfeLineSearch.cubicMinimizer(lo, hi)
                let margin = 0.1 * abs(width)
                if !alpha.isFinite || alpha < min(lo.step, hi.step) + margin || alpha > max(lo.step, hi.step) - margin {
                    alpha = lo.step + 0.5 * width
                }
                if alpha == lo.step || alpha == hi.step { break }
                let trial = evaluate(alpha, &oracle)
                if !sufficient(trial) || trial.value >= lo.value {
                    hi = trial
                } else {
                    if wolfe(trial) { return finish(trial) }
                    keepIfBest(trial)
                    if trial.slope * (hi.step - lo.step) >= 0 { hi = lo }
                    lo = trial
                }
            }
            return giveUp()
        }

        // Alg. 3.5: bracketing, extrapolating by safeguarded cubic interpolation.
        while evaluations < maxEvaluations {
            let trial = evaluate(step, &oracle)
            if !sufficient(trial) || (evaluations > 1 && trial.value >= previous.value) {
                return zoom(previous, trial, &oracle)
            }
            if wolfe(trial) { return finish(trial) }
            keepIfBest(trial)
            if trial.slope >= 0 { return zoom(trial, previous, &oracle) }
            if step >= maxStep { break }
            let lowest = trial.step + 0.01 * (trial.step - previous.step), highest = 10 * trial.step
            var next = StrongWolfeLineSearch.cubicMinimizer(previous, trial)
            if !next.isFinite { next = (lowest + highest) / 2 }
            previous = trial
            step = min(max(next, lowest), highest, maxStep)
        }
        return giveUp()
    }

    /// The minimiser of the cubic interpolating φ and φ' at a and b (N&W eq. 3.59); NaN when the
    /// cubic has no real minimiser.
    @inlinable
    static func cubicMinimizer(_ a: Sample, _ b: Sample) -> Double {
        let d1 = a.slope + b.slope - 3 * (a.value - b.value) / (a.step - b.step)
        let discriminant = d1 * d1 - a.slope * b.slope
        guard discriminant >= 0 else { return .nan }
        let d2 = (b.step > a.step ? 1.0 : -1.0) * discriminant.squareRoot()
        return b.step - (b.step - a.step) * (b.slope + d2 - d1) / (b.slope - a.slope + 2 * d2)
    }
}
