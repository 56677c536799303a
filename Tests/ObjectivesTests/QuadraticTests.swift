import Foundation
import Objectives
import Randomness
import Testing

struct QuadraticTests {
    static func make(_ values: [String: ParameterValue], seed: UInt64 = 7) throws -> any Objective {
        var generator = Xoshiro256StarStar(seed: seed)
        return try ProblemKind.quadratic.make(ParameterSet(values), &generator)
    }

    static func dense(_ objective: any Objective) -> [Double] {
        let d = objective.dimension
        var h = [Double](repeating: 0, count: d * d)
        objective.hessian(at: [Double](repeating: 0, count: d), into: &h)
        return h
    }

    @Test(arguments: ["none", "random"])
    func derivativesMatchFiniteDifferences(rotation: String) throws {
        for d in [1, 2, 5, 13, 20] {
            for spectrum in ["log", "linear", "outlier", "two-cluster"] where d > 1 || spectrum == "log" {
                let kappa = d == 1 ? 1.0 : 1e3
                let objective = try Self.make([
                    "d": .number(Double(d)), "kappa": .number(kappa), "spectrum": .text(spectrum),
                    "rotation": .text(rotation),
                ])
                let points = TestLinearAlgebra.points(
                    around: objective.startingPoint, spread: 1, count: 3, seed: UInt64(d))
                expectExactDerivatives(
                    objective, at: points + [objective.startingPoint], "quadratic d=\(d) \(spectrum) \(rotation)")
                expectOptimum(objective, "quadratic d=\(d) \(spectrum) \(rotation)")
            }
        }
    }

    @Test func storageFollowsRotation() throws {
        #expect(try Self.make(["rotation": .text("none")]) is AxisAlignedQuadratic)
        #expect(try Self.make(["rotation": .text("random")]) is DenseQuadratic)
    }

    /// The eigenvalues of the stored A, found by an independent Jacobi routine, are the requested
    /// spectrum; κ from them equals the parameter to 1e-10; the constants carry L and μ exactly.
    @Test(arguments: ["log", "linear", "outlier", "two-cluster"])
    func rotatedSpectrumIsTheRequestedOne(spectrum: String) throws {
        let d = 24, kappa = 1e4, mu = 0.5
        let objective = try Self.make([
            "d": .number(Double(d)), "kappa": .number(kappa), "mu": .number(mu), "spectrum": .text(spectrum),
            "rotation": .text("random"),
        ])
        let eigenvalues = TestLinearAlgebra.symmetricEigenvalues(Self.dense(objective), dimension: d)
        let expected: [Double] = (0..<d).map { i in
            let t = Double(i) / Double(d - 1)
            switch spectrum {
            case "log": return mu * exp(t * log(kappa))
            case "linear": return mu + (kappa * mu - mu) * t
            case "outlier": return i == d - 1 ? kappa * mu : mu
            default: return i < d / 2 ? mu : kappa * mu
            }
        }
        for i in 0..<d {
            #expect(
                abs(eigenvalues[i] - expected[i]) <= 1e-10 * kappa * mu,
                "λ\(i) = \(eigenvalues[i]), expected \(expected[i])")
        }
        let measuredKappa = eigenvalues[d - 1] / eigenvalues[0]
        #expect(abs(measuredKappa - kappa) <= 1e-10 * kappa)
        #expect(objective.constants.strongConvexity == mu)
        #expect(objective.constants.smoothness == kappa * mu)
        #expect(abs(objective.constants.conditionNumber.unsafelyUnwrapped - kappa) <= 1e-15 * kappa)
    }

    /// Axis-aligned spectra by their defining property: log spacing has constant ratios, linear
    /// constant differences; the extremes are μ and L exactly.
    @Test func axisAlignedSpectraHaveTheirShape() throws {
        let d = 9, kappa = 1e6
        for spectrum in ["log", "linear", "outlier", "two-cluster"] {
            let objective = try Self.make([
                "d": .number(Double(d)), "kappa": .number(kappa), "spectrum": .text(spectrum),
            ])
            let h = Self.dense(objective)
            let lambda = (0..<d).map { h[$0 * d + $0] }
            #expect(lambda.first == 1 && lambda.last == kappa, "\(spectrum): extremes \(lambda)")
            for i in 1..<(d - 1) {
                switch spectrum {
                case "log": #expect(abs(lambda[i] / lambda[i - 1] - pow(kappa, 1.0 / 8)) <= 1e-12)
                case "linear": #expect(abs((lambda[i] - lambda[i - 1]) - (kappa - 1) / 8) <= 1e-9)
                case "outlier": #expect(lambda[i] == 1)
                default: #expect(lambda[i] == (i < d / 2 ? 1 : kappa))
                }
            }
        }
    }

    /// The rotation is the first draw of the problem generator (documented order): rebuilding it
    /// gives an orthogonal Q whose columns are eigenvectors of A: A·qᵢ = λᵢqᵢ.
    @Test func rotationIsOrthogonalAndDiagonalisesA() throws {
        let d = 16, kappa = 100.0
        let objective = try Self.make(
            ["d": .number(Double(d)), "kappa": .number(kappa), "rotation": .text("random")], seed: 99)
        var generator = Xoshiro256StarStar(seed: 99)
        let q = RandomOrthogonalMatrix.make(dimension: d, using: &generator)
        for i in 0..<d {
            for j in 0..<d {
                var dot = 0.0
                for k in 0..<d { dot += q[k * d + i] * q[k * d + j] }
                #expect(abs(dot - (i == j ? 1 : 0)) <= 1e-12)
            }
        }
        for i in 0..<d {
            let column = (0..<d).map { q[$0 * d + i] }
            var product = [Double](repeating: 0, count: d)
            objective.hessianVectorProduct(at: column, vector: column, result: &product)
            let lambda = pow(kappa, Double(i) / Double(d - 1))
            let residual = (0..<d).map { product[$0] - lambda * column[$0] }
            #expect(TestLinearAlgebra.maxAbs(residual) <= 1e-12 * kappa, "A·q\(i) ≠ λ\(i)·q\(i)")
        }
    }

    @Test(arguments: ["none", "random"])
    func sameSeedSameInstanceDifferentSeedDifferent(rotation: String) throws {
        let parameters: [String: ParameterValue] = [
            "d": .number(12), "kappa": .number(1e4), "rotation": .text(rotation),
        ]
        let a = try Self.make(parameters, seed: 2024), b = try Self.make(parameters, seed: 2024),
            c = try Self.make(parameters, seed: 2025)
        #expect(Self.dense(a).map(\.bitPattern) == Self.dense(b).map(\.bitPattern))
        #expect(
            a.constants.minimizer.unsafelyUnwrapped.map(\.bitPattern)
                == b.constants.minimizer.unsafelyUnwrapped.map(\.bitPattern))
        #expect(a.startingPoint.map(\.bitPattern) == b.startingPoint.map(\.bitPattern))
        #expect(a.constants.minimizer != c.constants.minimizer)
        #expect(a.startingPoint != c.startingPoint)
        if rotation == "random" { #expect(Self.dense(a) != Self.dense(c)) }
    }

    /// ‖x₀ − x*‖ = start-scale·√d; `ones` puts x₀ − x* along (1, …, 1); `zero` gives x* = 0.
    @Test func startPointIsAtTheRequestedDistance() throws {
        let d = 25
        let random = try Self.make(["d": .number(Double(d)), "start-scale": .number(3), "rotation": .text("random")])
        let offset = zip(random.startingPoint, random.constants.minimizer.unsafelyUnwrapped).map { $0 - $1 }
        #expect(abs(TestLinearAlgebra.norm(offset) - 3 * 5) <= 1e-12)
        let ones = try Self.make([
            "d": .number(Double(d)), "start-direction": .text("ones"), "minimizer": .text("zero"),
        ])
        #expect(ones.constants.minimizer == [Double](repeating: 0, count: d))
        for value in ones.startingPoint { #expect(abs(value - 1) <= 1e-15) }
        // f(x₀) = ½Σλᵢ for x₀ − x* = 1 on the axis-aligned log spectrum (κ = 100, μ = 1).
        var expected = 0.0
        for i in 0..<d { expected += 0.5 * pow(100.0, Double(i) / Double(d - 1)) }
        #expect(abs(ones.value(at: ones.startingPoint) - expected) <= 1e-12 * expected)
    }

    @Test func narrowValleyAndShiftedBowl() throws {
        var generator = Xoshiro256StarStar(seed: 1)
        let valley = try ProblemKind.narrowValley.make(ParameterSet(), &generator)
        #expect(valley.startingPoint == [1, 1])
        #expect(valley.value(at: [1, 1]) == 50.5) // ½(1 + 100)
        #expect(TestLinearAlgebra.gradient(valley, at: [1, 1]) == [1, 100])
        #expect(valley.constants.smoothness == 100 && valley.constants.strongConvexity == 1)
        expectOptimum(valley, "narrow-valley")
        let bowl = try ProblemKind.shiftedBowl.make(ParameterSet(), &generator)
        #expect(bowl.startingPoint == [0, 0])
        #expect(bowl.value(at: [0, 0]) == 13) // (0 − 2)² + (0 − 3)²
        #expect(TestLinearAlgebra.gradient(bowl, at: [0, 0]) == [-4, -6]) // (2(x₀ − 2), 2(x₁ − 3))
        #expect(bowl.constants.smoothness == 2 && bowl.constants.strongConvexity == 2)
        #expect(bowl.constants.minimizer == [2, 3])
        expectOptimum(bowl, "shifted-bowl")
        for objective in [valley, bowl] {
            expectExactDerivatives(
                objective, at: TestLinearAlgebra.points(around: [0, 0], spread: 2, count: 3, seed: 5), "2-D quadratic")
        }
    }

    @Test func rejectsBadParameters() throws {
        let cases: [(String, ParameterValue)] = [
            ("kappa", .number(0.5)), ("d", .number(0)), ("d", .number(2.5)), ("mu", .number(0)),
            ("spectrum", .text("cubic")), ("rotation", .text("sometimes")), ("minimizer", .text("far")),
            ("start-direction", .text("up")), ("start-scale", .number(-1)), ("kappa", .text("big")),
            ("kapa", .number(10)),
        ]
        for (key, value) in cases {
            #expect(throws: ParameterError.self) { _ = try Self.make([key: value]) }
            do {
                _ = try Self.make([key: value])
            } catch let error as ParameterError {
                #expect(error.key == key, "\(key)=\(value.summary) reported as \(error)")
            }
        }
        #expect(throws: ParameterError.self) {
            _ = try Self.make([
                "d": .number(Double(InstanceLimits.maximumDenseDimension + 1)), "rotation": .text("random"),
            ])
        }
        // One eigenvalue cannot have κ > 1.
        #expect(
            throws: ParameterError(
                key: "kappa", expected: "1 when d − zero-eigenvalues = 1 (one positive eigenvalue)", found: "10")
        ) {
            _ = try Self.make(["d": .number(1), "kappa": .number(10)])
        }
    }

    /// Reference §D deterministic counts (author's numpy, ±1 for IEEE differences): gradient descent
    /// with η = 1/L and η = 2/(L + μ), stopped at the first k with ‖x_k − x*‖ ≤ 1e−6‖x₀ − x*‖, on
    /// diag(1, 100) from (1, 1) (the narrow valley) and on d = 50 with linspace / geomspace(1, 100)
    /// eigenvalues from x₀ = 1 (`minimizer: zero`, `start-direction: ones`).
    @Test func gradientDescentCountsMatchTheReference() throws {
        var generator = Xoshiro256StarStar(seed: 1)
        let valley = try ProblemKind.narrowValley.make(ParameterSet(), &generator)
        let linear = try Self.make([
            "d": .number(50), "kappa": .number(100), "spectrum": .text("linear"), "minimizer": .text("zero"),
            "start-direction": .text("ones"),
        ])
        let geometric = try Self.make([
            "d": .number(50), "kappa": .number(100), "spectrum": .text("log"), "minimizer": .text("zero"),
            "start-direction": .text("ones"),
        ])
        let cases: [(any Objective, Int, Int)] = [(valley, 1341, 691), (linear, 1181, 611), (geometric, 1185, 612)]
        for (objective, oneOverL, optimal) in cases {
            let l = objective.constants.smoothness.unsafelyUnwrapped,
                mu = objective.constants.strongConvexity.unsafelyUnwrapped
            #expect(abs(Self.gradientDescentSteps(objective, rate: 1 / l) - oneOverL) <= 1)
            #expect(abs(Self.gradientDescentSteps(objective, rate: 2 / (l + mu)) - optimal) <= 1)
        }
    }

    static func gradientDescentSteps(_ objective: any Objective, rate: Double) -> Int {
        let xStar = objective.constants.minimizer.unsafelyUnwrapped
        var x = objective.startingPoint
        var g = [Double](repeating: 0, count: x.count)
        let initial = TestLinearAlgebra.norm(zip(x, xStar).map { $0 - $1 })
        for k in 1...100_000 {
            _ = objective.evaluate(at: x, gradient: &g)
            for i in x.indices { x[i] -= rate * g[i] }
            if TestLinearAlgebra.norm(zip(x, xStar).map { $0 - $1 }) <= 1e-6 * initial { return k }
        }
        return -1
    }
}
