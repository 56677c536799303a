import LinearAlgebra
import Objectives

/// Backtracking line search for the Armijo (sufficient decrease) condition, Nocedal & Wright
/// Alg. 3.1 (reference §A.13): α ← α₀; while φ(α) > φ(0) + c₁·α·φ'(0), α ← ρ·α; where
/// φ(α) = f(x + αp) and φ'(0) = ∇f(x)ᵀp < 0.
///
/// Defaults c₁ = 1e−4, ρ = 0.5, at most 60 backtracks (α ≥ 2⁻⁶⁰α₀). Each trial costs one function
/// evaluation (`oracle.value`), so a search that accepts α₀ρʲ spends j + 1 evaluations. The initial
/// trial is the caller's: 1 every iteration (Boyd & Vandenberghe §9.2), or the previous accepted step
/// times a growth factor (see ``GradientDescentArmijo``).
public struct ArmijoBacktracking: Sendable {
    /// c₁ ∈ (0, 1).
    public var sufficientDecrease: Double
    /// ρ ∈ (0, 1).
    public var contraction: Double
    /// The search gives up after this many reductions of α.
    public var maxBacktracks: Int
    /// x + αp for the last trial; after a successful search, the accepted point.
    public var trialPoint: [Double] { trialBuffer }
    @usableFromInline var trialBuffer: [Double] = []

    public init(sufficientDecrease: Double = 1e-4, contraction: Double = 0.5, maxBacktracks: Int = 60) {
        self.sufficientDecrease = sufficientDecrease
        self.contraction = contraction
        self.maxBacktracks = maxBacktracks
    }

    /// Allocates the trial buffer.
    public mutating func prepare(dimension: Int) {
        trialBuffer = [Double](repeating: 0, count: dimension)
    }

    /// What a search found: the accepted step (0 when none satisfied the condition), f there, and
    /// the number of function evaluations spent.
    public struct Outcome: Sendable, Equatable {
        public var step: Double
        public var value: Double
        public var evaluations: Int
        public var accepted: Bool { step > 0 }

        @inlinable
        public init(step: Double, value: Double, evaluations: Int) {
            self.step = step
            self.value = value
            self.evaluations = evaluations
        }
    }

    /// Searches along `direction` from `x`, where f(x) = `value` and ∇f(x)ᵀp = `slope` (< 0).
    /// On success `trialPoint` holds x + αp.
    @inlinable
    public mutating func search(
        from x: [Double], value: Double, slope: Double, direction: [Double], initialStep: Double,
        oracle: inout Oracle
    ) -> Outcome {
        var step = initialStep
        var evaluations = 0
        for _ in 0...maxBacktracks {
            VectorKernels.setSum(&trialBuffer, x, step, direction)
            let trialValue = oracle.value(at: trialBuffer)
            evaluations += 1
            if trialValue <= value + sufficientDecrease * step * slope {
                return Outcome(step: step, value: trialValue, evaluations: evaluations)
            }
            step *= contraction
        }
        return Outcome(step: 0, value: value, evaluations: evaluations)
    }
}
