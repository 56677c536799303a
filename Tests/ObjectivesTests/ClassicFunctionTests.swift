import Foundation
import Objectives
import Randomness
import Testing

struct ClassicFunctionTests {
    static func make(_ kind: ProblemKind, _ values: [String: ParameterValue] = [:], seed: UInt64 = 5) throws
        -> any Objective
    {
        var generator = Xoshiro256StarStar(seed: seed)
        return try kind.make(ParameterSet(values), &generator)
    }

    /// Values at the standard starts: reference §C.2 (Beale 14.203125, Booth f(0, 0) = 74,
    /// Himmelblau f(0, 0) = 170) and hand-computed MGH starts (Powell (3, −1, 0, 1):
    /// 49 + 5 + 1 + 160 = 215; Wood (−3, −1, −3, −1): 19192).
    @Test func valuesAtTheStandardStarts() throws {
        let beale = try Self.make(.beale), booth = try Self.make(.booth), himmelblau = try Self.make(.himmelblau)
        #expect(beale.startingPoint == [1, 1] && beale.value(at: [1, 1]) == 14.203125)
        #expect(booth.startingPoint == [0, 0] && booth.value(at: [0, 0]) == 74)
        #expect(himmelblau.startingPoint == [2, 2] && himmelblau.value(at: [0, 0]) == 170)
        let powell = try Self.make(.powellSingular), wood = try Self.make(.wood)
        #expect(powell.startingPoint == [3, -1, 0, 1] && powell.value(at: powell.startingPoint) == 215)
        #expect(wood.startingPoint == [-3, -1, -3, -1] && abs(wood.value(at: wood.startingPoint) - 19192) <= 1e-10)
        let camel6 = try Self.make(.sixHumpCamel), camel3 = try Self.make(.threeHumpCamel)
        #expect(abs(camel6.value(at: [-1, 1]) - (4 - 2.1 + 1.0 / 3 - 1)) <= 1e-15)
        #expect(abs(camel3.value(at: [-1.5, 1.5]) - 1.0828125) <= 1e-15)
    }

    @Test func optimaHaveTheKnownValueAndZeroGradient() throws {
        for kind in [ProblemKind.beale, .booth, .himmelblau, .sixHumpCamel, .threeHumpCamel, .powellSingular, .wood] {
            expectOptimum(try Self.make(kind), kind.name)
        }
        for d in [1, 2, 7] {
            expectOptimum(try Self.make(.styblinskiTang, ["d": .number(Double(d))]), "styblinski-tang d=\(d)")
            expectOptimum(try Self.make(.rastrigin, ["d": .number(Double(d))]), "rastrigin d=\(d)")
        }
    }

    /// Reference §C.2: the four minima (f = 0) and the other critical points [run] with their values,
    /// and the Hessian's signature at each: minima positive definite, saddles one negative
    /// eigenvalue, the maximum two.
    @Test func himmelblauCriticalPoints() throws {
        let f = try Self.make(.himmelblau)
        for x in Himmelblau.minimizers {
            #expect(TestLinearAlgebra.maxAbs(TestLinearAlgebra.gradient(f, at: x)) <= 1e-12, "\(x)")
            #expect(f.value(at: x) <= 1e-24)
            #expect(TestLinearAlgebra.hessianEigenvalues(f, at: x)[0] > 0)
        }
        let others: [([Double], Double, Int)] = [
            ([-0.2708445906673476, -0.9230385564799812], 181.6165215225827, 2),
            ([3.385154183607021, 0.07385187983774949], 13.311926270405587, 1),
            ([0.08667750455539634, 2.884254701174776], 67.71915008752613, 1),
            ([-3.0730257507643897, -0.08135304428796751], 104.01516291755811, 1),
            ([-0.12796134673068008, -1.9537149802445766], 178.33723920192745, 1),
        ]
        for (x, value, negatives) in others {
            #expect(TestLinearAlgebra.maxAbs(TestLinearAlgebra.gradient(f, at: x)) <= 1e-11, "\(x)")
            #expect(abs(f.value(at: x) - value) <= 1e-13 * value)
            #expect(TestLinearAlgebra.hessianEigenvalues(f, at: x).filter { $0 < 0 }.count == negatives)
        }
    }

    /// Both global minima ±x* of the six-hump camel: zero gradient, f* of the reference, within the
    /// reference's 10 printed digits of ±(0.0898420131, −0.7126564030); the saddle at the origin.
    @Test func sixHumpCamelCriticalPoints() throws {
        let f = try Self.make(.sixHumpCamel)
        let xStar = f.constants.minimizer.unsafelyUnwrapped
        #expect(abs(xStar[0] - 0.0898420131) <= 5e-11 && abs(xStar[1] + 0.7126564030) <= 5e-11)
        for x in [xStar, xStar.map { -$0 }] {
            #expect(TestLinearAlgebra.maxAbs(TestLinearAlgebra.gradient(f, at: x)) <= 1e-13)
            #expect(abs(f.value(at: x) - -1.0316284534898774) <= 2e-16)
            #expect(TestLinearAlgebra.hessianEigenvalues(f, at: x)[0] > 0)
        }
        #expect(TestLinearAlgebra.gradient(f, at: [0, 0]) == [0, 0])
        #expect(TestLinearAlgebra.hessianEigenvalues(f, at: [0, 0]).filter { $0 < 0 }.count == 1)
    }

    /// Reference §C.2 per-coordinate critical points: global minimum −2.903534027771177, local
    /// minimum 2.7468027709908305 (value −25.02944665528394 per coordinate), local maximum
    /// 0.1567312567803401.
    @Test func styblinskiTangCriticalPoints() throws {
        let f = try Self.make(.styblinskiTang, ["d": .number(3)])
        #expect(abs(f.constants.optimalValue.unsafelyUnwrapped - -39.16616570377141 * 3) <= 1e-13)
        let local = [2.7468027709908305, -2.903534027771177, 0.1567312567803401]
        #expect(TestLinearAlgebra.maxAbs(TestLinearAlgebra.gradient(f, at: local)) <= 1e-12)
        let top = 0.1567312567803401, topSquared = top * top
        let topValue: Double = 0.5 * (topSquared * topSquared - 16 * topSquared + 5 * top)
        let expected: Double = -25.02944665528394 - 39.16616570377141 + topValue
        #expect(abs(f.value(at: local) - expected) <= 1e-12)
        let eigenvalues = TestLinearAlgebra.hessianEigenvalues(f, at: local)
        #expect(eigenvalues.filter { $0 < 0 }.count == 1)
    }

    /// Rastrigin's Hessian is diag(2 + 40π²cos 2πxᵢ): at the integers it equals L = 2 + 40π², and
    /// no point exceeds it.
    @Test func rastriginSmoothnessConstant() throws {
        let f = try Self.make(.rastrigin, ["d": .number(3)])
        let l = f.constants.smoothness.unsafelyUnwrapped
        #expect(abs(l - (2 + 40 * Double.pi * Double.pi)) <= 1e-12)
        #expect(abs(TestLinearAlgebra.hessianEigenvalues(f, at: [1, -2, 0]).last.unsafelyUnwrapped - l) <= 1e-12 * l)
        for x in TestLinearAlgebra.points(around: [0, 0, 0], spread: 3, count: 20, seed: 4) {
            #expect(TestLinearAlgebra.hessianEigenvalues(f, at: x).allSatisfy { abs($0) <= l })
        }
        #expect(f.value(at: [0, 0, 0]) == 0)
    }

    /// Booth is the quadratic with H = [[10, 8], [8, 10]]: eigenvalues μ = 2, L = 18 (κ = 9).
    @Test func boothConstantsAreItsHessianSpectrum() throws {
        let f = try Self.make(.booth)
        #expect(TestLinearAlgebra.hessianEigenvalues(f, at: [4, -7]).map { ($0 * 1e12).rounded() / 1e12 } == [2, 18])
        #expect(f.constants.strongConvexity == 2 && f.constants.smoothness == 18 && f.constants.conditionNumber == 9)
    }

    /// Powell's Hessian at the minimiser 0 is singular (two zero eigenvalues).
    @Test func powellSingularHessianAtTheMinimum() throws {
        let eigenvalues = TestLinearAlgebra.hessianEigenvalues(try Self.make(.powellSingular), at: [0, 0, 0, 0])
        #expect(eigenvalues.filter { abs($0) <= 1e-12 }.count == 2)
    }

    @Test func derivativesMatchFiniteDifferences() throws {
        let fixed: [(ProblemKind, [Double], Double)] = [
            (.beale, [1, 1], 1.5), (.booth, [0, 0], 5), (.himmelblau, [0, 0], 3), (.sixHumpCamel, [0, 0], 1.2),
            (.threeHumpCamel, [0, 0], 1.5), (.powellSingular, [3, -1, 0, 1], 1), (.wood, [-3, -1, -3, -1], 1),
        ]
        for (kind, center, spread) in fixed {
            let f = try Self.make(kind)
            let points = TestLinearAlgebra.points(around: center, spread: spread, count: 4, seed: 17)
            expectExactDerivatives(f, at: points + [f.startingPoint], kind.name)
        }
        for d in [1, 3, 10] {
            for kind in [ProblemKind.styblinskiTang, .rastrigin] {
                let f = try Self.make(kind, ["d": .number(Double(d))])
                let points = TestLinearAlgebra.points(around: f.startingPoint, spread: 1, count: 3, seed: UInt64(d))
                expectExactDerivatives(f, at: points + [f.startingPoint], "\(kind.name) d=\(d)")
            }
        }
    }

    /// Random starts stay inside the usual domains and follow the seed.
    @Test func separableStartsAreSeededInTheDomain() throws {
        for (kind, bound) in [(ProblemKind.styblinskiTang, 5.0), (.rastrigin, 5.12)] {
            let a = try Self.make(kind, ["d": .number(50)], seed: 1),
                b = try Self.make(kind, ["d": .number(50)], seed: 1)
            let c = try Self.make(kind, ["d": .number(50)], seed: 2)
            #expect(a.startingPoint.allSatisfy { abs($0) <= bound })
            #expect(a.startingPoint.map(\.bitPattern) == b.startingPoint.map(\.bitPattern))
            #expect(a.startingPoint != c.startingPoint)
        }
    }

    @Test func separableKindsRejectBadDimensions() {
        for kind in [ProblemKind.styblinskiTang, .rastrigin] {
            for bad in [ParameterValue.number(0), .number(-3), .number(1.5)] {
                #expect(throws: ParameterError.self) { _ = try Self.make(kind, ["d": bad]) }
                do {
                    _ = try Self.make(kind, ["d": bad])
                } catch let error as ParameterError {
                    #expect(error.key == "d")
                } catch {
                    Issue.record("\(error)")
                }
            }
        }
    }
}
