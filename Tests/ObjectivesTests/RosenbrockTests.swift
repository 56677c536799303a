import Objectives
import Randomness
import Testing

struct RosenbrockTests {
    static func make(_ values: [String: ParameterValue]) throws -> any Objective {
        var generator = Xoshiro256StarStar(seed: 3)
        return try ProblemKind.rosenbrock.make(ParameterSet(values), &generator)
    }

    /// Reference §C.1 [run]: f(−1.2, 1) = 24.2, ∇f = (−215.6, −88), ∇²f = [[1330, 480], [480, 200]].
    @Test func twoDimensionalValuesAtTheStandardStart() throws {
        let f = try Self.make([:])
        #expect(f is Rosenbrock)
        #expect(f.startingPoint == [-1.2, 1])
        #expect(abs(f.value(at: [-1.2, 1]) - 24.2) <= 1e-13)
        let g = TestLinearAlgebra.gradient(f, at: [-1.2, 1])
        #expect(abs(g[0] + 215.6) <= 1e-12 && abs(g[1] + 88) <= 1e-12)
        var h = [Double](repeating: 0, count: 4)
        f.hessian(at: [-1.2, 1], into: &h)
        for (value, expected) in zip(h, [1330.0, 480, 480, 200]) { #expect(abs(value - expected) <= 1e-12) }
        expectOptimum(f, "rosenbrock 2-D")
    }

    /// scipy: rosen(0.1·(0, …, 9)) = 76.56; rosen at (−1.2, 1, …) with n = 100 is 24926.
    @Test func chainedMatchesScipyRosen() throws {
        let ten = try Self.make(["d": .number(10)])
        #expect(ten is ChainedRosenbrock)
        #expect(abs(ten.value(at: (0..<10).map { 0.1 * Double($0) }) - 76.56) <= 1e-12)
        let hundred = try Self.make(["d": .number(100), "variant": .text("chained")])
        #expect(abs(hundred.value(at: hundred.startingPoint) - 24926) <= 1e-9)
        expectOptimum(hundred, "chained n=100")
    }

    /// MGH f(x₀) = 1210 for n = 100; OptimTestProblems.jl's ½ form gives 605.
    @Test func extendedMatchesMGHAndOptimTestProblems() throws {
        let full = try Self.make(["d": .number(100), "variant": .text("extended")])
        let half = try Self.make(["d": .number(100), "variant": .text("extended"), "scale": .number(0.5)])
        #expect(abs(full.value(at: full.startingPoint) - 1210) <= 1e-9)
        #expect(abs(half.value(at: half.startingPoint) - 605) <= 1e-9)
        expectOptimum(full, "extended n=100")
        expectOptimum(half, "extended n=100 scale ½")
    }

    @Test func derivativesMatchFiniteDifferences() throws {
        let cases: [[String: ParameterValue]] = [
            [:], ["d": .number(3)], ["d": .number(4)], ["d": .number(11)],
            ["d": .number(2), "variant": .text("extended"), "scale": .number(0.5)],
            ["d": .number(4), "variant": .text("extended")],
            ["d": .number(10), "variant": .text("extended"), "scale": .number(0.5)],
        ]
        for (index, parameters) in cases.enumerated() {
            let f = try Self.make(parameters)
            let points = TestLinearAlgebra.points(around: f.startingPoint, spread: 0.7, count: 3, seed: UInt64(index))
            expectExactDerivatives(f, at: points + [f.startingPoint], "rosenbrock \(parameters)")
        }
    }

    /// The chained form's second local minimiser (reference §C.1). For n = 4 the reference gives
    /// the point to 6 decimals, so ∇f there is only ≈ H·5e−7 ≈ 1e−3: instead Newton (analytic
    /// Hessian) refines it, and the refined point must lie within the rounding (5e−7, checked at
    /// 1e−6) of the reference point and give the reference's f = 3.701428610430017. For n = 5, 6, 7
    /// Newton from (−1, 1, …, 1) lands on local minima with the reference's values.
    @Test func chainedSecondLocalMinimum() throws {
        let reference: [Int: Double] = [
            4: 3.701428610430017, 5: 3.930839434133027, 6: 3.973940500930294, 7: 3.983600536424854,
        ]
        for n in 4...7 {
            let f = ChainedRosenbrock(dimension: n)
            let guess =
                n == 4 ? [-0.775659, 0.613093, 0.382063, 0.145972] : [-1] + [Double](repeating: 1, count: n - 1)
            let x = TestLinearAlgebra.newtonRefine(f, from: guess)
            if n == 4 {
                for i in 0..<n { #expect(abs(x[i] - guess[i]) <= 1e-6) }
            }
            #expect(TestLinearAlgebra.maxAbs(TestLinearAlgebra.gradient(f, at: x)) <= 1e-12, "n=\(n)")
            #expect(abs(f.value(at: x) - reference[n].unsafelyUnwrapped) <= 1e-14 * 4, "n=\(n): f = \(f.value(at: x))")
            #expect(TestLinearAlgebra.hessianEigenvalues(f, at: x)[0] > 0, "n=\(n): not a minimum")
        }
    }

    @Test func rejectsBadParameters() throws {
        let cases: [([String: ParameterValue], String)] = [
            (["d": .number(1)], "d"),
            (["d": .number(5), "variant": .text("extended")], "d"),
            (["variant": .text("2d")], "variant"),
            (["scale": .number(0.7), "variant": .text("extended")], "scale"),
            (["scale": .number(2), "variant": .text("extended")], "scale"),
            (["scale": .number(0.5), "d": .number(10)], "scale"),
            (["dimension": .number(10)], "dimension"),
        ]
        for (parameters, key) in cases {
            do {
                _ = try Self.make(parameters)
                Issue.record("\(parameters) was accepted")
            } catch let error as ParameterError {
                #expect(error.key == key, "\(parameters) reported as \(error)")
            }
        }
    }
}
