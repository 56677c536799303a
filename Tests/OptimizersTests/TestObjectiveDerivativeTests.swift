import Objectives
import TestSupport
import Testing

/// The test-only objectives are checked before the method tests rely on them: central finite
/// differences (TestSupport.DerivativeCheck) and reference §C.1's values.
struct TestObjectiveDerivativeTests {
    @Test func rosenbrockMatchesReferenceValues() {
        let twoD = ChainedRosenbrock(dimension: 2)
        var g = [0.0, 0.0]
        #expect(abs(twoD.evaluate(at: [-1.2, 1], gradient: &g) - 24.2) <= 1e-12)
        #expect(abs(g[0] - -215.6) <= 1e-12 && abs(g[1] - -88) <= 1e-12)
        var h = [Double](repeating: 0, count: 4)
        twoD.hessian(at: [-1.2, 1], into: &h)
        #expect(zip(h, [1330.0, 480, 480, 200]).allSatisfy { abs($0 - $1) <= 1e-10 })
        #expect(abs(ChainedRosenbrock(dimension: 10).value(at: (0..<10).map { 0.1 * Double($0) }) - 76.56) <= 1e-12)
    }

    @Test(arguments: [2, 5, 10])
    func rosenbrockDerivativesMatchFiniteDifferences(dimension: Int) {
        let objective = ChainedRosenbrock(dimension: dimension)
        let x = (0..<dimension).map { 0.3 * Double($0) - 0.7 }
        #expect(DerivativeCheck.gradientError(objective, at: x) <= 1e-7)
        #expect(
            DerivativeCheck.hessianVectorError(objective, at: x, vector: (0..<dimension).map { 1 / Double($0 + 1) })
                <= 1e-6)
        #expect(DerivativeCheck.hessianError(objective, at: x) <= 1e-6)
        #expect(DerivativeCheck.valueConsistencyError(objective, at: x) == 0)
    }

    @Test func quadraticDerivativesAndConstants() {
        let objective = TestQuadratic(
            eigenvalues: [0.5, 2, 7, 30], minimizer: [1, -2, 0.5, 3], optimalValue: 4, rotationSeed: 3)
        let x = [0.2, 0.4, -1, 2]
        #expect(DerivativeCheck.gradientError(objective, at: x) <= 1e-7)
        #expect(DerivativeCheck.hessianVectorError(objective, at: x, vector: [1, 0, -1, 2]) <= 1e-6)
        #expect(DerivativeCheck.hessianError(objective, at: x) <= 1e-6)
        #expect(objective.value(at: [1, -2, 0.5, 3]) == 4)
        #expect(objective.constants.smoothness == 30 && objective.constants.strongConvexity == 0.5)
        // The trace is invariant under the rotation: Σλ = 39.5.
        let trace = (0..<4).reduce(0.0) { $0 + objective.matrix[$1 * 4 + $1] }
        #expect(abs(trace - 39.5) <= 1e-12)
    }
}
