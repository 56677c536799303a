import Foundation
import Objectives
import Parameters
import Randomness
import Testing

/// Problems with μ = 0 settable from a suite: the quadratic's zero-eigenvalue block and unregularised
/// logistic regression on separable data.
@Suite struct ConvexRegimeTests {
    func make(_ kind: ProblemKind, _ parameters: [String: ParameterValue]) throws -> any Objective {
        var generator = Xoshiro256StarStar(seed: 21)
        return try kind.make(ParameterSet(parameters), &generator)
    }

    /// μ = 0, f(x*) = f* = 0, ∇f(x*) = 0, and x* is the minimiser nearest the start: gradient descent
    /// from the start (which moves only in the range of A) converges to it.
    @Test func zeroEigenvalueBlock() throws {
        for rotation in ["none", "random"] {
            let q = try make(
                .quadratic,
                [
                    "d": .number(8), "zero-eigenvalues": .number(3), "kappa": .number(10),
                    "rotation": .text(rotation),
                ])
            #expect(q.constants.strongConvexity == 0)
            #expect(q.constants.smoothness == 10)
            let xStar = try #require(q.constants.minimizer)
            var gradient = [Double](repeating: 0, count: 8)
            #expect(abs(q.evaluate(at: xStar, gradient: &gradient)) <= 1e-14)
            #expect(gradient.allSatisfy { abs($0) <= 1e-13 })
            var x = q.startingPoint
            for _ in 0..<2000 {
                _ = q.evaluate(at: x, gradient: &gradient)
                for i in x.indices { x[i] -= gradient[i] / 10 }
            }
            let distance = zip(x, xStar).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
            #expect(distance <= 1e-9, "\(rotation): GD ends \(distance) from x*")
        }
        #expect(throws: ParameterError.self) {
            _ = try make(.quadratic, ["d": .number(4), "zero-eigenvalues": .number(4)])
        }
        #expect(throws: ParameterError.self) {
            _ = try make(.quadratic, ["d": .number(4), "zero-eigenvalues": .number(3), "kappa": .number(10)])
        }
    }

    /// λ = 0 is accepted only on separable synthetic rows, with f* = 0 as infimum and no minimiser.
    @Test func unregularisedLogisticOnSeparableData() throws {
        let separable: [String: ParameterValue] = [
            "n": .number(200), "d": .number(5), "label-noise": .number(0),
            "standardize": .flag(false), "lambda": .number(0),
        ]
        let objective = try make(FiniteSumProblems.logistic, separable)
        #expect(objective.constants.optimalValue == 0)
        #expect(objective.constants.minimizer == nil)
        #expect(objective.constants.strongConvexity == 0)
        // The loss falls towards 0 along the generating direction scaled up: no finite minimiser.
        let start = objective.value(at: [Double](repeating: 0, count: 5))
        #expect(abs(start - log(2.0)) <= 1e-12)
        var withIntercept = separable
        withIntercept["standardize"] = .flag(true)
        withIntercept["intercept"] = .flag(true)
        #expect(throws: Never.self) { _ = try make(FiniteSumProblems.logistic, withIntercept) }
        for (key, value) in [("label-noise", ParameterValue.number(0.1)), ("standardize", .flag(true))] {
            var refused = separable
            refused[key] = value
            #expect(throws: ParameterError.self, "\(key)") { _ = try make(FiniteSumProblems.logistic, refused) }
        }
    }
}
