import Foundation
import Objectives
import Testing

@testable import Optimizers

struct SteepestDescentExactTests {
    /// Reference §D.1 (Boyd & Vandenberghe §9.3.2): A = diag(1, κ), x₀ = (κ, 1): every step
    /// multiplies f by ((κ−1)/(κ+1))² and x_k = ((κ−1)/(κ+1))^k·(κ, (−1)^k), α = 2/(1+κ).
    @Test func zigZagOnTwoByTwoQuadratic() throws {
        let kappa = 10.0
        let objective = AxisAlignedQuadratic(eigenvalues: [1, kappa], start: [kappa, 1])
        var driver = TestDriver(objective)
        var method = SteepestDescentExact()
        try method.prepare(at: driver.x, oracle: &driver.oracle)
        var previous = objective.value(at: driver.x)
        let ratio = (kappa - 1) / (kappa + 1)
        for k in 1...20 {
            let report = try method.iterate(&driver.x, oracle: &driver.oracle)
            let value = try #require(report.valueAtNewIterate)
            #expect(abs(value / previous - 0.6694214876033058) <= 1e-12)
            #expect(abs(report.learningRate - 2 / (1 + kappa)) <= 1e-15)
            let scale = Foundation.pow(ratio, Double(k))
            #expect(abs(driver.x[0] - scale * kappa) <= 1e-12 * scale * kappa)
            #expect(abs(driver.x[1] - scale * (k % 2 == 0 ? 1 : -1)) <= 1e-12 * scale)
            if k == 1 {
                #expect(abs(driver.x[0] - 8.181818181818182) <= 1e-14)
                #expect(abs(driver.x[1] - -0.8181818181818182) <= 1e-14)
            }
            previous = value
        }
        // Doc comment: prepare one ∇f; per iteration one Hv, one f and one ∇f.
        #expect(driver.oracle.counts.gradientEvaluations == 1 + 20)
        #expect(driver.oracle.counts.hessianVectorProducts == 20)
        #expect(driver.oracle.counts.functionEvaluations == 20)
    }

    /// Reference §D table, "SD exact LS" column (±1): stop at ‖x_k‖ ≤ 1e−6‖x₀‖.
    @Test(arguments: [
        ([1.0, 100], 6),
        (Spectrum.linear(1, 100, count: 50), 592),
        (Spectrum.geometric(1, 100, count: 50), 594),
    ])
    func referenceIterationCounts(eigenvalues: [Double], expected: Int) throws {
        let objective = AxisAlignedQuadratic(eigenvalues: eigenvalues)
        var driver = TestDriver(objective)
        var method = SteepestDescentExact()
        let count = try driver.run(
            &method, maxIterations: 5000,
            stop: Stop.relativeDistance(1e-6, start: objective.startingPoint, minimizer: objective.minimizer))
        #expect(abs(count - expected) <= 1, "iterations \(count)")
    }

    /// The Kantorovich bound f_{k+1} − f* ≤ ((κ−1)/(κ+1))²(f_k − f*) on a rotated quadratic.
    @Test func kantorovichBoundHoldsOnRotatedQuadratic() throws {
        let eigenvalues = Spectrum.geometric(1, 1000, count: 30)
        let objective = TestQuadratic(
            eigenvalues: eigenvalues, minimizer: (0..<30).map { Double($0) / 10 }, optimalValue: 2, rotationSeed: 5)
        var driver = TestDriver(objective)
        var method = SteepestDescentExact()
        let bound = (999.0 / 1001) * (999.0 / 1001)
        var gap = objective.value(at: driver.x) - 2
        try driver.run(
            &method, maxIterations: 200,
            each: { _, x, _ in
                let next = objective.value(at: x) - 2
                #expect(next <= bound * gap * (1 + 1e-10) + 1e-13)
                gap = next
            })
    }

    /// On a non-quadratic the step is the Newton step along −g: α = gᵀg/gᵀHg with the Hessian at x.
    /// Reference §A.14/§C.1: at Rosenbrock's start g = (−215.6, −88), H = [[1330, 480], [480, 200]].
    @Test func nonQuadraticStepIsNewtonAlongTheGradient() throws {
        var driver = TestDriver(ChainedRosenbrock(dimension: 2))
        var method = SteepestDescentExact()
        var step = 0.0
        try driver.run(&method, maxIterations: 1, each: { _, _, report in step = report.learningRate })
        let g = [-215.6, -88.0]
        let gg = g[0] * g[0] + g[1] * g[1]
        let gHg = 1330 * g[0] * g[0] + 2 * 480 * g[0] * g[1] + 200 * g[1] * g[1]
        #expect(abs(step - gg / gHg) <= 1e-15)
        #expect(abs(driver.x[0] - (-1.2 - step * g[0])) <= 1e-14)
    }

    @Test func nonPositiveCurvatureIsAnError() throws {
        let objective = TestQuadratic(eigenvalues: [-1, -2])
        var driver = TestDriver(objective)
        var method = SteepestDescentExact()
        #expect(throws: MethodError.self) { try driver.run(&method, maxIterations: 1) }
    }
}
