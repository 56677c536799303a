import Foundation
import Objectives
import Testing

@testable import Optimizers

struct NesterovConstantMomentumTests {
    /// Reference §D table, "NAG const β" column (±1), η = 1/L, β = (√κ−1)/(√κ+1) from the
    /// objective's constants: stop at ‖x_k‖ ≤ 1e−6‖x₀‖ measured on the x-sequence.
    @Test(arguments: [
        ([1.0, 100], 155),
        (Spectrum.linear(1, 100, count: 50), 139),
        (Spectrum.geometric(1, 100, count: 50), 139),
    ])
    func referenceIterationCounts(eigenvalues: [Double], expected: Int) throws {
        let objective = AxisAlignedQuadratic(eigenvalues: eigenvalues)
        var driver = TestDriver(objective)
        var method = NesterovConstantMomentum()
        let count = try driver.run(
            &method, maxIterations: 5000,
            stop: Stop.relativeDistance(1e-6, start: objective.startingPoint, minimizer: objective.minimizer))
        #expect(abs(count - expected) <= 1, "iterations \(count)")
        #expect(driver.oracle.counts.gradientEvaluations == count)
    }

    /// Reference §A.18 (Nesterov 2004): f(x_k) − f* ≤ (1 − 1/√κ)^k·(f(x₀) − f* + μ/2‖x₀ − x*‖²) along
    /// a run on a rotated quadratic with κ = 1e3.
    @Test func strongConvexityGuaranteeHolds() throws {
        let eigenvalues = Spectrum.geometric(0.5, 500, count: 25)
        let minimizer = (0..<25).map { cos(Double($0)) }
        let objective = TestQuadratic(
            eigenvalues: eigenvalues, minimizer: minimizer, optimalValue: -3, rotationSeed: 12)
        var driver = TestDriver(objective)
        let x0 = driver.x
        let constant = objective.value(at: x0) + 3 + 0.25 * Foundation.pow(Stop.distance(x0, minimizer), 2)
        let factor = 1 - 1 / (1e3).squareRoot()
        var method = NesterovConstantMomentum()
        try driver.run(
            &method, maxIterations: 400,
            each: { k, x, _ in
                let gap = objective.value(at: x) + 3
                #expect(gap <= Foundation.pow(factor, Double(k)) * constant * (1 + 1e-9) + 1e-12, "k = \(k)")
            })
    }
}
