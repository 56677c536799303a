import Foundation
import Objectives
import Testing

@testable import Optimizers

struct BarzilaiBorweinTests {
    /// First step 1/L from the objective's constants; then the BB step from s and y, checked with an
    /// independent computation on a diagonal quadratic: x₁ = x₀ − g₀/L, α₁ = sᵀs/sᵀy (long) or
    /// sᵀy/yᵀy (short).
    @Test(arguments: [BarzilaiBorwein.Variant.long, .short])
    func stepsFollowTheFormulas(variant: BarzilaiBorwein.Variant) throws {
        let lambda = [1.0, 4, 9]
        let objective = AxisAlignedQuadratic(eigenvalues: lambda, start: [1, 1, 1])
        var driver = TestDriver(objective)
        var method = BarzilaiBorwein(variant: variant)
        var steps: [Double] = []
        try driver.run(&method, maxIterations: 2, each: { _, _, report in steps.append(report.learningRate) })
        #expect(steps[0] == 1.0 / 9)
        let x1 = (0..<3).map { 1 - lambda[$0] / 9 }
        let s = (0..<3).map { x1[$0] - 1 }
        let y = (0..<3).map { lambda[$0] * s[$0] }
        let ss = zip(s, s).reduce(0) { $0 + $1.0 * $1.1 }, sy = zip(s, y).reduce(0) { $0 + $1.0 * $1.1 },
            yy = zip(y, y).reduce(0) { $0 + $1.0 * $1.1 }
        let expected = variant == .long ? ss / sy : sy / yy
        #expect(abs(steps[1] - expected) <= 1e-15)
        // Reference §A.17: on quadratics the BB steps lie in [1/L, 1/μ].
        #expect(steps[1] >= 1.0 / 9 - 1e-15 && steps[1] <= 1 + 1e-15)
        // Doc comment: plain BB spends one ∇f per iteration (plus one in prepare) and no f.
        #expect(driver.oracle.counts.gradientEvaluations == 3)
        #expect(driver.oracle.counts.functionEvaluations == 0)
    }

    /// R-linear convergence on strictly convex quadratics (Raydan 1993): both variants reach
    /// ‖x − x*‖ ≤ 1e−8‖x₀ − x*‖ on a rotated κ = 1e3 quadratic well within GD's 1/L iteration count
    /// (§D: GD needs about κ·ln(1e8) ≈ 18 000 iterations).
    @Test(arguments: [BarzilaiBorwein.Variant.long, .short])
    func convergesOnIllConditionedQuadratic(variant: BarzilaiBorwein.Variant) throws {
        let objective = DenseQuadratic(
            eigenvalues: Spectrum.geometric(1, 1e3, count: 40), minimizer: (0..<40).map { sin(Double($0)) },
            rotationSeed: 31)
        var driver = TestDriver(objective)
        var method = BarzilaiBorwein(variant: variant)
        let count = try driver.run(
            &method, maxIterations: 5000,
            stop: Stop.relativeDistance(1e-8, start: objective.startingPoint, minimizer: objective.minimizer))
        #expect(count < 2000, "iterations \(count)")
    }

    /// Without L (Rosenbrock) the first step comes from one Armijo search from 1: reference §A.13's
    /// α = 2⁻¹⁰ at the standard start, costing 11 function evaluations.
    @Test func firstStepFromArmijoWhenLIsUnknown() throws {
        var driver = TestDriver(ChainedRosenbrock(dimension: 2))
        var method = BarzilaiBorwein()
        var step = 0.0
        try driver.run(&method, maxIterations: 1, each: { _, _, report in step = report.learningRate })
        #expect(step == 0x1p-10)
        #expect(abs(driver.x[0] - -0.9894531249999999) <= 1e-15)
        #expect(driver.oracle.counts.functionEvaluations == 1 + 11)
        #expect(driver.oracle.counts.gradientEvaluations == 2)
    }

    /// Plain BB1 does not converge on Rosenbrock within 5000 iterations (reference §A.17); the
    /// non-monotone safeguard (Raydan 1997) makes it reach ‖∇f‖ ≤ 1e−6, and it never exceeds the max
    /// of the last 10 values.
    @Test func nonmonotoneSafeguardConvergesOnRosenbrock() throws {
        let objective = ChainedRosenbrock(dimension: 2)
        var driver = TestDriver(objective)
        var plainDriver = TestDriver(objective)
        var plain = BarzilaiBorwein()
        #expect(try plainDriver.run(&plain, maxIterations: 5000, stop: Stop.gradientNorm(1e-6)) == 5000)
        var method = BarzilaiBorwein(nonmonotone: true)
        var values = [objective.value(at: driver.x)]
        let count = try driver.run(
            &method, maxIterations: 5000, stop: Stop.gradientNorm(1e-6),
            each: { _, x, report in
                let value = objective.value(at: x)
                #expect(report.valueAtNewIterate == value)
                #expect(value <= values.suffix(10).max()!)
                values.append(value)
            })
        #expect(count < 5000)
    }
}
