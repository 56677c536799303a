import LinearAlgebra
import Objectives

/// Gradient descent with Armijo backtracking (`gd-armijo`; Nocedal & Wright Alg. 3.1, Boyd &
/// Vandenberghe §9.2–9.3): p = −∇f(x), x ← x + αp with α from ``ArmijoBacktracking``.
///
/// The first trial step is `initialStep` (α₀ = 1) at every iteration, or, with `warmStart`, the
/// previous accepted step times `growth` (default 2), so the step can grow back after a hard region.
///
/// Evaluations: `prepare` spends one f and one ∇f (`valueAndGradient` at x₀). Each iteration spends
/// j + 1 function evaluations for a search that backtracks j times, then one gradient at the new
/// iterate. Reference §A.13: on Rosenbrock from (−1.2, 1) with c₁ = 1e−4, ρ = ½, α₀ = 1, iteration 1
/// accepts α = 2⁻¹⁰ after 11 function evaluations and 1 gradient, x₁ = (−0.98945…, 1.0859375).
public struct GradientDescentArmijo: Method {
    public var lineSearch: ArmijoBacktracking
    public var initialStep: Double
    public var warmStart: Bool
    public var growth: Double
    @usableFromInline var gradient: [Double] = []
    @usableFromInline var direction: [Double] = []
    @usableFromInline var value = Double.nan
    @usableFromInline var previousStep = Double.nan

    public init(
        lineSearch: ArmijoBacktracking = ArmijoBacktracking(), initialStep: Double = 1, warmStart: Bool = false,
        growth: Double = 2
    ) {
        self.lineSearch = lineSearch
        self.initialStep = initialStep
        self.warmStart = warmStart
        self.growth = growth
    }

    public mutating func prepare(at x: [Double], oracle: inout Oracle) throws {
        gradient = [Double](repeating: 0, count: x.count)
        direction = gradient
        lineSearch.prepare(dimension: x.count)
        value = oracle.valueAndGradient(at: x, into: &gradient)
        previousStep = .nan
    }

    @inlinable
    public mutating func iterate(_ x: inout [Double], oracle: inout Oracle) throws -> IterationReport {
        VectorKernels.setScaled(&direction, -1, gradient)
        let slope = -VectorKernels.dot(gradient, gradient)
        guard slope < 0 else { return IterationReport(valueAtNewIterate: value, learningRate: 0, isStalled: true) }
        let start = warmStart && previousStep.isFinite ? previousStep * growth : initialStep
        let outcome = lineSearch.search(
            from: x, value: value, slope: slope, direction: direction, initialStep: start, oracle: &oracle)
        guard outcome.accepted else {
            return IterationReport(valueAtNewIterate: value, learningRate: 0, isStalled: true)
        }
        VectorKernels.copy(lineSearch.trialPoint, into: &x)
        value = outcome.value
        previousStep = outcome.step
        oracle.gradient(at: x, into: &gradient)
        return IterationReport(valueAtNewIterate: value, learningRate: outcome.step)
    }
}
