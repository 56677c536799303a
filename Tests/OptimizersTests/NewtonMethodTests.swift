import Objectives
import Testing

@testable import Optimizers

struct NewtonMethodTests {
    /// Reference §A.14: on a strictly convex quadratic Newton reaches x* in exactly one step.
    @Test(arguments: [true, false])
    func solvesQuadraticInOneStep(damping: Bool) throws {
        let minimizer = (0..<12).map { Double($0) - 5 }
        let objective = DenseQuadratic(
            eigenvalues: Spectrum.geometric(1e-2, 1e3, count: 12), minimizer: minimizer, rotationSeed: 9)
        var driver = TestDriver(objective)
        var method = NewtonMethod(damping: damping)
        try driver.run(&method, maxIterations: 1)
        for i in 0..<12 { #expect(abs(driver.x[i] - minimizer[i]) <= 1e-9) }
        #expect(method.lastShift == 0)
        #expect(driver.oracle.counts.hessianEvaluations == 1)
    }

    /// Reference §A.14, pure Newton on Rosenbrock from (−1.2, 1) (author's numpy).
    @Test func pureNewtonOnRosenbrockMatchesReference() throws {
        let objective = ChainedRosenbrock(dimension: 2)
        var driver = TestDriver(objective)
        var method = NewtonMethod(damping: false)
        var iterates: [[Double]] = []
        try driver.run(&method, maxIterations: 7, each: { _, x, _ in iterates.append(x) })
        #expect(abs(iterates[0][0] - -1.1752808988764043) <= 1e-14)
        #expect(abs(iterates[0][1] - 1.3806741573033705) <= 1e-14)
        #expect(abs(objective.value(at: iterates[0]) - 4.731884325266608) <= 1e-13)
        #expect(abs(iterates[1][0] - 0.763114871176473) <= 1e-12)
        #expect(abs(iterates[1][1] - -3.175033854748202) <= 1e-12)
        #expect(abs(objective.value(at: iterates[1]) - 1411.845179309927) <= 1e-9)
        #expect(objective.value(at: iterates[5]) < 1e-18)
        #expect(iterates[6] == [1, 1])
        // Doc comment: without damping, one Hessian, one f and one ∇f per iteration.
        #expect(driver.oracle.counts.hessianEvaluations == 7)
        #expect(driver.oracle.counts.functionEvaluations == 1 + 7)
        #expect(driver.oracle.counts.gradientEvaluations == 1 + 7)
    }

    /// Reference §A.14, damped Newton (Armijo c₁ 1e−4, ρ ½): t₁ = 1, t₂ = 0.125,
    /// x₂ = (−0.9329814276197946, 0.811210655796924), converged (∇f = 0 to ‖g‖ ≤ 1e−10) at iteration 22.
    @Test func dampedNewtonOnRosenbrockMatchesReference() throws {
        var driver = TestDriver(ChainedRosenbrock(dimension: 2))
        var method = NewtonMethod()
        var steps: [Double] = []
        var second: [Double] = []
        let iterations = try driver.run(
            &method, maxIterations: 100, stop: Stop.gradientNorm(1e-10),
            each: { k, x, report in
                steps.append(report.learningRate)
                if k == 2 { second = x }
            })
        #expect(steps[0] == 1)
        #expect(steps[1] == 0.125)
        #expect(abs(second[0] - -0.9329814276197946) <= 1e-13)
        #expect(abs(second[1] - 0.811210655796924) <= 1e-13)
        #expect(iterations == 22)
    }

    /// At (0, 1) the Rosenbrock Hessian diag(−398, 200) is indefinite: the Levenberg shift makes
    /// H + τI positive definite (τ ≥ 398 + β, the N&W Alg. 3.3 start) and the step still decreases f.
    @Test func indefiniteHessianIsShifted() throws {
        let objective = ChainedRosenbrock(dimension: 2)
        var driver = TestDriver(objective, start: [0, 1])
        var method = NewtonMethod()
        try driver.run(&method, maxIterations: 1)
        #expect(method.lastShift >= 398 + 1e-3)
        #expect(method.lastShift < 2 * (398 + 1e-3) + 1e-9)
        #expect(objective.value(at: driver.x) < objective.value(at: [0, 1]))
    }

    @Test func nonFiniteHessianIsAnError() throws {
        let objective = TestQuadratic(eigenvalues: [.nan, 1])
        var driver = TestDriver(objective, start: [1, 1])
        var method = NewtonMethod()
        #expect(throws: MethodError.self) { try driver.run(&method, maxIterations: 1) }
    }
}
