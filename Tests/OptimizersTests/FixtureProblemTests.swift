import Objectives
import TestSupport
import Testing

/// The library objectives that stand for the fixture problems, against central finite differences, so
/// that the golden trajectories rest on correct gradients.
@Suite struct FixtureProblemTests {
    @Test(arguments: ["rosenbrock", "rosenbrock10", "quadratic", "logistic"])
    func derivativesMatchFiniteDifferences(_ name: String) throws {
        let objective = try Fixtures.problem(name)
        let d = objective.dimension
        let points = [objective.startingPoint, (0..<d).map { 0.3 * Double($0 % 4) - 0.4 }]
        for x in points {
            #expect(DerivativeCheck.gradientError(objective, at: x) <= 1e-6, "\(name) at \(x)")
            #expect(DerivativeCheck.valueConsistencyError(objective, at: x) == 0, "\(name) at \(x)")
            #expect(DerivativeCheck.hessianError(objective, at: x) <= 1e-5, "\(name) at \(x)")
        }
    }

    /// scipy's check value rosen(0.1·(0, 1, …, 9)) = 76.56 and f = 24.2 at (−1.2, 1) (reference §C.1).
    @Test func rosenbrockValues() {
        #expect(abs(ChainedRosenbrock(dimension: 10).value(at: (0..<10).map { 0.1 * Double($0) }) - 76.56) <= 1e-12)
        #expect(abs(ChainedRosenbrock(dimension: 2).value(at: [-1.2, 1]) - 24.2) <= 1e-12)
    }
}
