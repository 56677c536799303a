import Foundation
import Objectives
import Parameters
import Randomness
import Testing

/// The online problem kinds: exact derivatives of the mean loss, the rows as the rounds, the exact
/// gradient bound G, and the comparator against an independent projected-gradient solve on the ball.
@Suite struct OnlineStreamTests {
    func stream(_ kind: ProblemKind, _ parameters: [String: ParameterValue], seed: UInt64 = 11) throws -> OnlineStream {
        var generator = Xoshiro256StarStar(seed: seed)
        return try #require(try kind.make(ParameterSet(parameters), &generator) as? OnlineStream)
    }

    @Test func derivativesOfTheMeanLoss() throws {
        for lambda in [0.0, 0.3] {
            let squared = try stream(
                OnlineProblems.leastSquares, ["rounds": .number(50), "d": .number(4), "lambda": .number(lambda)])
            let logistic = try stream(
                OnlineProblems.logistic, ["rounds": .number(50), "d": .number(4), "lambda": .number(lambda)])
            let points = [[0.1, -0.2, 0.3, 0.05], [0.5, 0.4, -0.3, 0.2]]
            expectExactDerivatives(squared, at: points, "online-least-squares λ=\(lambda)")
            expectExactDerivatives(logistic, at: points, "online-logistic λ=\(lambda)")
        }
    }

    /// The mean of the round losses is f, and one row's batched gradient is the round's gradient.
    @Test func roundsAreTheRowsOfTheMean() throws {
        for kind in [OnlineProblems.leastSquares, OnlineProblems.logistic, OnlineProblems.linear] {
            let s = try stream(kind, ["rounds": .number(30), "d": .number(3)])
            let x = [0.2, -0.1, 0.3]
            let mean = (0..<30).map { s.roundLoss($0, at: x) }.reduce(0, +) / 30
            #expect(abs(mean - s.value(at: x)) <= 1e-13 * max(1, abs(mean)), "\(kind.name)")
            var gradient = [0.0, 0.0, 0.0]
            let loss = [7].withUnsafeBufferPointer { s.evaluate(at: x, rows: $0, gradient: &gradient) }
            #expect(abs(loss - s.roundLoss(7, at: x)) <= 1e-15)
        }
    }

    /// G bounds every round's gradient on the ball (checked at random points of the sphere).
    @Test func gradientBoundHoldsOnTheBall() throws {
        var generator = Xoshiro256StarStar(seed: 3)
        for kind in [OnlineProblems.leastSquares, OnlineProblems.logistic, OnlineProblems.linear] {
            let s = try stream(
                kind,
                ["rounds": .number(200), "d": .number(5), "lambda": kind.name == "online-linear" ? nil : .number(0.2)]
                    .compactMapValues { $0 })
            var gradient = [Double](repeating: 0, count: 5)
            for t in 0..<200 {
                let x = generator.nextUnitVector(dimension: 5).map { $0 * s.radius }
                _ = [t].withUnsafeBufferPointer { s.evaluate(at: x, rows: $0, gradient: &gradient) }
                #expect(gradient.map { $0 * $0 }.reduce(0, +).squareRoot() <= s.gradientBound * (1 + 1e-12))
            }
        }
    }

    /// The comparator equals the minimum of Σ f_t over the ball found by projected gradient descent
    /// (an independent method, run to convergence), for prefixes where the minimiser is inside the
    /// ball and where it is on the sphere; and no point of the ball does better.
    @Test func comparatorMatchesProjectedGradientDescent() throws {
        let cases: [(ProblemKind, [String: ParameterValue])] = [
            (OnlineProblems.leastSquares, ["rounds": .number(400), "d": .number(3)]),
            (OnlineProblems.leastSquares, ["rounds": .number(400), "d": .number(3), "radius": .number(0.2)]),
            (OnlineProblems.logistic, ["rounds": .number(400), "d": .number(3)]),
            (OnlineProblems.logistic, ["rounds": .number(400), "d": .number(3), "radius": .number(0.3)]),
            (OnlineProblems.linear, ["rounds": .number(400), "d": .number(3)]),
            (OnlineProblems.linear, ["rounds": .number(400), "d": .number(3), "loss": .text("absolute")]),
        ]
        for (kind, parameters) in cases {
            let s = try stream(kind, parameters)
            for m in [5, 60, 400] {
                var warm = [0.0, 0.0, 0.0]
                let best = s.comparator(rounds: m, warmStart: &warm)
                #expect(best.minimizer.map { $0 * $0 }.reduce(0, +).squareRoot() <= s.radius * (1 + 1e-12))
                let reference = projectedGradientMinimum(s, rounds: m)
                #expect(best.value <= reference + 1e-9 * max(1, abs(reference)), "\(kind.name) \(parameters) m=\(m)")
                if s.loss != .absolute {
                    #expect(
                        abs(best.value - reference) <= 1e-7 * max(1, abs(reference)),
                        "\(kind.name) \(parameters) m=\(m)")
                }
            }
        }
    }

    /// min over the ball of Σ_{t<m} f_t by projected (sub)gradient descent with decreasing steps,
    /// the best value seen.
    func projectedGradientMinimum(_ s: OnlineStream, rounds m: Int) -> Double {
        let rows = Array(0..<m)
        var x = [Double](repeating: 0, count: s.dimension), gradient = x
        var best = Double.infinity
        for k in 0..<20_000 {
            let mean = rows.withUnsafeBufferPointer { s.evaluate(at: x, rows: $0, gradient: &gradient) }
            best = min(best, mean * Double(m))
            let smooth = s.loss == .squared || s.loss == .logistic
            let length = gradient.map { $0 * $0 }.reduce(0, +).squareRoot()
            // Smooth: a fixed step 1/L of the prefix mean (L ≤ ‖a‖²max ≤ G); else normalised steps R/√k.
            let step =
                smooth ? 1 / s.constants.smoothness! / 4 : s.radius / (Double(k) + 1).squareRoot() / max(length, 1e-12)
            for i in x.indices { x[i] -= step * gradient[i] }
            let norm = x.map { $0 * $0 }.reduce(0, +).squareRoot()
            if norm > s.radius { x = x.map { $0 * s.radius / norm } }
        }
        return best
    }
}
