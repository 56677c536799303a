import Objectives
import Randomness
import Testing

struct SaddleTests {
    static func make(_ kind: ProblemKind, _ values: [String: ParameterValue], seed: UInt64 = 11) throws -> any Objective
    {
        var generator = Xoshiro256StarStar(seed: seed)
        return try kind.make(ParameterSet(values), &generator)
    }

    /// Reference §C.3: ∇f(0) = 0 with Hessian diag(a, −1); minima (0, ±1) with f* = −¼.
    @Test(arguments: [1.0, 2.0])
    func doubleWellCriticalPoints(curvature: Double) throws {
        let f = try Self.make(.doubleWell, ["x-curvature": .number(curvature)])
        #expect(f.constants.saddleValue == 0 && f.value(at: [0, 0]) == 0)
        #expect(TestLinearAlgebra.gradient(f, at: [0, 0]) == [0, 0])
        #expect(TestLinearAlgebra.hessianEigenvalues(f, at: [0, 0]) == [-1, curvature].sorted())
        for y in [1.0, -1.0] {
            #expect(f.value(at: [0, y]) == -0.25)
            #expect(TestLinearAlgebra.gradient(f, at: [0, y]) == [0, 0])
        }
        expectOptimum(f, "double-well")
        // a = 2 is the reference's x² + y⁴/4 − y²/2.
        if curvature == 2 { #expect(f.value(at: [0.5, 2]) == 0.25 + 4 - 2) }
        expectExactDerivatives(
            f, at: TestLinearAlgebra.points(around: [0, 0], spread: 1.5, count: 4, seed: 8), "double-well")
    }

    @Test func startsAtTheRequestedDistanceFromTheSaddle() throws {
        for (kind, d) in [(ProblemKind.doubleWell, 2), (.monkeySaddle, 2), (.indexSaddle, 10)] {
            let near = try Self.make(kind, [:])
            #expect(near.startingPoint.count == d)
            #expect(abs(TestLinearAlgebra.norm(near.startingPoint) - 1e-3) <= 1e-15, "\(kind.name)")
            let far = try Self.make(kind, ["start-distance": .number(0.25)])
            #expect(abs(TestLinearAlgebra.norm(far.startingPoint) - 0.25) <= 1e-15, "\(kind.name)")
            let other = try Self.make(kind, [:], seed: 12)
            #expect(other.startingPoint != near.startingPoint, "\(kind.name): the seed must move the start")
        }
    }

    /// Hessian at the saddle has exactly k eigenvalues −m and d − k eigenvalues p (independent
    /// Jacobi eigenvalues), ∇f(0) = 0, and every sign pattern of the minimiser is a minimum with
    /// f* = −k·m²/4.
    @Test(arguments: ["none", "random"])
    func indexSaddleCriticalPoints(rotation: String) throws {
        let d = 7, k = 3, m = 2.0, p = 0.5
        let f = try Self.make(
            .indexSaddle,
            [
                "d": .number(Double(d)), "index": .number(Double(k)), "negative-curvature": .number(m),
                "positive-curvature": .number(p), "rotation": .text(rotation),
            ])
        let zero = [Double](repeating: 0, count: d)
        #expect(TestLinearAlgebra.maxAbs(TestLinearAlgebra.gradient(f, at: zero)) == 0)
        #expect(f.value(at: zero) == 0 && f.constants.saddleValue == 0)
        let eigenvalues = TestLinearAlgebra.hessianEigenvalues(f, at: zero)
        for i in 0..<d { #expect(abs(eigenvalues[i] - (i < k ? -m : p)) <= 1e-12, "eigenvalues \(eigenvalues)") }
        #expect(f.constants.optimalValue == -Double(k) * m * m / 4)
        expectOptimum(f, "index-saddle \(rotation)")
        // Flip the sign of the first negative-curvature coordinate: x = Q·y with y₀ → −y₀, where
        // q₀ (column 0 of Q) is rebuilt from the generator's first draw (the documented order).
        let xStar = f.constants.minimizer.unsafelyUnwrapped
        var generator = Xoshiro256StarStar(seed: 11)
        let q = RandomOrthogonalMatrix.make(dimension: d, using: &generator)
        let q0 = (0..<d).map { rotation == "none" ? ($0 == 0 ? 1 : 0) : q[$0 * d] }
        let projection = zip(q0, xStar).reduce(0) { $0 + $1.0 * $1.1 }
        let flipped = (0..<d).map { xStar[$0] - 2 * projection * q0[$0] }
        #expect(TestLinearAlgebra.maxAbs(TestLinearAlgebra.gradient(f, at: flipped)) <= 1e-12)
        #expect(abs(f.value(at: flipped) - f.constants.optimalValue.unsafelyUnwrapped) <= 1e-12)
        #expect(TestLinearAlgebra.hessianEigenvalues(f, at: xStar)[0] > 0)
    }

    @Test func indexSaddleDerivatives() throws {
        for rotation in ["none", "random"] {
            for (d, k) in [(1, 1), (2, 1), (5, 2), (12, 4)] {
                let f = try Self.make(
                    .indexSaddle,
                    [
                        "d": .number(Double(d)), "index": .number(Double(k)), "rotation": .text(rotation),
                        "negative-curvature": .number(1.5),
                    ])
                let points = TestLinearAlgebra.points(
                    around: [Double](repeating: 0, count: d), spread: 1, count: 3, seed: UInt64(d))
                expectExactDerivatives(f, at: points, "index-saddle d=\(d) k=\(k) \(rotation)")
            }
        }
    }

    /// The degenerate saddle at 0 (zero gradient and zero Hessian); the three minimisers on the
    /// circle r = 3/(4c) are critical points with positive definite Hessian and value −27/(256c³),
    /// and a grid search over [−2, 2]² finds nothing lower.
    @Test(arguments: [1.0, 0.5])
    func monkeySaddleCriticalPoints(bowl: Double) throws {
        let f = try Self.make(.monkeySaddle, ["bowl": .number(bowl)])
        #expect(TestLinearAlgebra.gradient(f, at: [0, 0]) == [0, 0])
        var h = [Double](repeating: 1, count: 4)
        f.hessian(at: [0, 0], into: &h)
        #expect(h == [0, 0, 0, 0])
        #expect(f.value(at: [0, 0]) == 0 && f.constants.saddleValue == 0)
        let fStar = f.constants.optimalValue.unsafelyUnwrapped
        for x in (f as? MonkeySaddle).unsafelyUnwrapped.minimizers {
            #expect(abs(TestLinearAlgebra.norm(x) - 0.75 / bowl) <= 1e-14)
            #expect(TestLinearAlgebra.maxAbs(TestLinearAlgebra.gradient(f, at: x)) <= 1e-13)
            #expect(abs(f.value(at: x) - fStar) <= 1e-14 * abs(fStar))
            #expect(TestLinearAlgebra.hessianEigenvalues(f, at: x)[0] > 0)
        }
        var lowest = Double.infinity
        let extent = 2 / bowl
        for i in 0...400 {
            for j in 0...400 {
                lowest = min(
                    lowest, f.value(at: [-extent + Double(i) * extent / 200, -extent + Double(j) * extent / 200]))
            }
        }
        #expect(lowest >= fStar && lowest - fStar <= 1e-3 * abs(fStar))
        expectOptimum(f, "monkey-saddle")
        expectExactDerivatives(
            f, at: TestLinearAlgebra.points(around: [0, 0], spread: 1, count: 4, seed: 21), "monkey-saddle")
    }

    @Test func rejectsBadParameters() throws {
        let cases: [(ProblemKind, [String: ParameterValue], String)] = [
            (.doubleWell, ["x-curvature": .number(0)], "x-curvature"),
            (.doubleWell, ["start-distance": .number(0)], "start-distance"),
            (.monkeySaddle, ["bowl": .number(-1)], "bowl"),
            (.indexSaddle, ["index": .number(11)], "index"),
            (.indexSaddle, ["index": .number(0)], "index"),
            (.indexSaddle, ["d": .number(0)], "d"),
            (.indexSaddle, ["negative-curvature": .number(0)], "negative-curvature"),
            (.indexSaddle, ["positive-curvature": .text("one")], "positive-curvature"),
            (.indexSaddle, ["rotation": .text("haar")], "rotation"),
            (.indexSaddle, ["k": .number(2)], "k"),
            (
                .indexSaddle,
                ["d": .number(Double(InstanceLimits.maximumDenseDimension + 1)), "rotation": .text("random")], "d"
            ),
        ]
        for (kind, parameters, key) in cases {
            do {
                _ = try Self.make(kind, parameters)
                Issue.record("\(kind.name) \(parameters) was accepted")
            } catch let error as ParameterError {
                #expect(error.key == key, "\(kind.name) \(parameters) reported as \(error)")
            }
        }
    }
}
