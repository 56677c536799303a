import Objectives
import Randomness
import TestSupport
import Testing

/// The shared derivative assertions: at every point, central finite differences agree with the
/// analytic gradient, Hessian-vector product (along a seeded direction) and dense Hessian to a
/// relative 1e-6, and `value(at:)` agrees with `evaluate`'s return to 1e-14.
func expectExactDerivatives(
    _ objective: some Objective, at points: [[Double]], _ label: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    var generator = Xoshiro256StarStar(seed: 0xD1FF)
    for x in points {
        let direction = generator.nextUnitVector(dimension: objective.dimension)
        let gradient = DerivativeCheck.gradientError(objective, at: x)
        let hv = DerivativeCheck.hessianVectorError(objective, at: x, vector: direction)
        let hessian = DerivativeCheck.hessianError(objective, at: x)
        let value = DerivativeCheck.valueConsistencyError(objective, at: x)
        #expect(gradient <= 1e-6, "\(label): gradient error \(gradient) at \(x)", sourceLocation: sourceLocation)
        #expect(hv <= 1e-6, "\(label): Hv error \(hv) at \(x)", sourceLocation: sourceLocation)
        #expect(hessian <= 1e-6, "\(label): Hessian error \(hessian) at \(x)", sourceLocation: sourceLocation)
        #expect(
            value <= 1e-14, "\(label): value(at:) differs from evaluate by \(value)", sourceLocation: sourceLocation)
    }
}

/// f(x*) = f* and ∇f(x*) = 0 to `tolerance` (relative to max(1, |f*|) for the value).
func expectOptimum(
    _ objective: some Objective, tolerance: Double = 1e-12, _ label: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let xStar = objective.constants.minimizer, let fStar = objective.constants.optimalValue else {
        Issue.record("\(label): x* or f* missing", sourceLocation: sourceLocation)
        return
    }
    let gradient = TestLinearAlgebra.gradient(objective, at: xStar)
    #expect(
        abs(objective.value(at: xStar) - fStar) <= tolerance * max(1, abs(fStar)), "\(label): f(x*) ≠ f*",
        sourceLocation: sourceLocation)
    #expect(
        TestLinearAlgebra.maxAbs(gradient) <= tolerance, "\(label): ∇f(x*) = \(gradient)",
        sourceLocation: sourceLocation)
}
