import GradientCheck
import Objectives
import Testing

/// A quadratic ½‖x‖² + x₀x₁ whose gradient can be made deliberately wrong.
struct CheckedQuadratic: Objective {
    var wrongGradient = false
    var dimension: Int { 3 }
    var startingPoint: [Double] { [1, -2, 0.5] }
    var constants: ObjectiveConstants { ObjectiveConstants() }
    func value(at x: [Double]) -> Double { 0.5 * (x[0] * x[0] + x[1] * x[1] + x[2] * x[2]) + x[0] * x[1] }
    func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
        gradient[0] = x[0] + x[1]
        gradient[1] = x[1] + (wrongGradient ? 2 * x[0] : x[0]) // the bug: a factor 2
        gradient[2] = x[2]
        return value(at: x)
    }
    func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double]) {
        result[0] = v[0] + v[1]
        result[1] = v[1] + v[0]
        result[2] = v[2]
    }
}

@Suite struct GradientCheckTests {
    @Test func catchesADeliberatelyWrongGradient() {
        let right = GradientCheck.check(CheckedQuadratic())
        #expect(right.verdict == .fine, "\(right)")
        #expect(right.results.count == 5)
        let wrong = GradientCheck.check(CheckedQuadratic(wrongGradient: true))
        #expect(wrong.verdict == .wrong, "\(wrong)")
        #expect(wrong.results.allSatisfy { $0.gradientError > 1e-2 && $0.worstComponent == 1 })
    }

    @Test func directionalModeForLargeDimensions() {
        var configuration = GradientCheck.Configuration()
        configuration.maximumCoordinates = 2
        let report = GradientCheck.check(CheckedQuadratic(wrongGradient: true), configuration: configuration)
        #expect(report.directional)
        #expect(report.verdict == .wrong)
        #expect(GradientCheck.check(CheckedQuadratic(), configuration: configuration).verdict == .fine)
    }

    @Test func everyBuiltInProblemPasses() throws {
        for objective: any Objective in [Rosenbrock(), Beale(), Himmelblau(), Wood(), PowellSingular()] {
            let report = GradientCheck.check(objective)
            #expect(report.verdict != .wrong, "\(objective): \(report)")
            #expect(report.largestGradientError < 1e-6, "\(objective): \(report)")
        }
    }
}
