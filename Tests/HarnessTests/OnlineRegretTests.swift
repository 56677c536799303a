import Foundation
import Objectives
import Optimizers
import Results
import Testing

@testable import Harness

/// Regret of online gradient descent (`online-gd`, `online-*` problems): a four-round case by hand,
/// recorded regret against an independent replay of the stream, and the bounds of Hazan 2022
/// (Thm 3.1, 3.3).
@Suite struct OnlineRegretTests {
    /// f_t(x) = y_t·x on [−1, 1] (d = 1, R = 1, D = 2, G = 1), y = (1, −1, 1, 1), η_t = D/(G√t) = 2/√t:
    /// x₁ = 0; x₂ = Π(0 − 2) = −1; x₃ = −1 + 2/√2 = √2 − 1; x₄ = √2 − 1 − 2/√3.
    /// x₅ = Π(x₄ − 1) = −1. Σ f_t(x_t) = 0 + 1 + (√2 − 1) + (√2 − 1 − 2/√3); min_{|x|≤1} 2x = −2.
    @Test func fourRoundsByHand() throws {
        let stream = OnlineStream(
            loss: .linear, dimension: 1, radius: 1, lambda: 0, features: [1, 1, 1, 1],
            targets: [1, -1, 1, 1])
        #expect(stream.gradientBound == 1)
        var oracle = Oracle(objective: stream, seed: 1)
        var method = OnlineGradientDescent(rule: .sqrt)
        var x = stream.startingPoint
        try method.prepare(at: x, oracle: &oracle)
        var monitor = RegretMonitor(stream)
        for round in 0..<4 {
            monitor.play(round: round, at: x)
            _ = try method.iterate(&x, oracle: &oracle)
        }
        let root2 = 2.0.squareRoot(), root3 = 3.0.squareRoot()
        let expected = 0 + 1 + (root2 - 1) + (root2 - 1 - 2 / root3) + 2
        let measured = monitor.regret(after: 4)
        let regret = try #require(measured)
        #expect(abs(regret - expected) <= 1e-14)
        #expect(x == [-1]) // x₅ = Π(x₄ − 2/√4) = Π(√2 − 2 − 2/√3) = −1
        #expect(regret <= 1.5 * 2 * 1 * 4.0.squareRoot())
        #expect(oracle.counts.gradientEvaluations == 4 && oracle.counts.rowGradients == 4)
    }

    /// The absolute loss |x − y_t| (a = 1): the comparator is the median, Σ|median − y_t|.
    @Test func absoluteLossComparatorIsTheMedian() {
        let stream = OnlineStream(
            loss: .absolute, dimension: 1, radius: 1, lambda: 0, features: [1, 1, 1, 1, 1],
            targets: [0.9, -0.5, 0.2, 0.7, -0.8])
        var warm = [0.0]
        let best = stream.comparator(rounds: 5, warmStart: &warm)
        #expect(best.minimizer == [0.2])
        #expect(abs(best.value - (0.7 + 0.7 + 0 + 0.5 + 1.0)) <= 1e-15)
    }

    /// Least squares on the ball: inside, the normal equations; outside, the KKT point on the sphere.
    /// d = 1: Σ½(x − 3)² over |x| ≤ 1 is minimised at x = 1; over |x| ≤ 5 at x = 3.
    @Test func leastSquaresComparatorInsideAndOnTheSphere() {
        for (radius, minimizer) in [(1.0, 1.0), (5.0, 3.0)] {
            let stream = OnlineStream(
                loss: .squared, dimension: 1, radius: radius, lambda: 0, features: [1, 1],
                targets: [2, 4])
            var warm = [0.0]
            let best = stream.comparator(rounds: 2, warmStart: &warm)
            #expect(abs(best.minimizer[0] - minimizer) <= 1e-12)
            let value = 0.5 * (minimizer - 2) * (minimizer - 2) + 0.5 * (minimizer - 4) * (minimizer - 4)
            #expect(abs(best.value - value) <= 1e-12)
        }
    }

    /// The regret a run records equals an independent replay of online gradient descent on the same
    /// stream (the test's own loop and comparator by scanning the sphere direction), and stays under
    /// (3/2)·D·G·√T.
    @Test func recordedRegretMatchesAReplay() throws {
        let text = """
            name: t
            seed: 3
            budget: {max-iterations: 400}
            targets: {measure: absolute-gap, thresholds: [1e-3]}
            problems: [{kind: online-linear, rounds: 400, d: 3}]
            optimizers: [{kind: online-gd}]
            """
        let plan = try RunPlan(suite: try SuiteLoader(catalog: .builtIn).load(text: text, file: "t.yaml"))
        let records = try SuiteRunner.records(plan, options: SuiteRunOptions(jobs: 1))
        let record = try #require(records.first)
        #expect(record.final.progress.iteration == 400)
        let spec = try #require(plan.specs.first)
        let stream = try #require(
            try Instantiation.makeProblem(spec.problem, problemSeed: spec.problemSeed).objective
                as? OnlineStream)
        let online = try #require(record.problem.online)
        #expect(online.diameter == 2 && online.rounds == 400)
        // Replay: x_{t+1} = Π(x_t − D/(G√t)·y_t a_t); regret = Σ y_t⟨a_t, x_t⟩ + R‖Σ y_t a_t‖.
        var x = [0.0, 0.0, 0.0], played = 0.0, sum = [0.0, 0.0, 0.0]
        var expected: [Int: Double] = [:]
        for t in 0..<400 {
            let a = (0..<3).map { stream.features[t * 3 + $0] }, y = stream.targets[t]
            played += y * zip(a, x).map(*).reduce(0, +)
            for k in 0..<3 { sum[k] += y * a[k] }
            let step = 2 / (online.gradientBound * Double(t + 1).squareRoot())
            for k in 0..<3 { x[k] -= step * y * a[k] }
            let norm = x.map { $0 * $0 }.reduce(0, +).squareRoot()
            if norm > 1 { x = x.map { $0 / norm } }
            expected[t + 1] = played + sum.map { $0 * $0 }.reduce(0, +).squareRoot()
        }
        let points = record.trace.filter { $0.iteration >= 1 }
        #expect(points.count > 20)
        for point in points {
            let regret = try #require(point.regret), reference = try #require(expected[point.iteration])
            #expect(abs(regret - reference) <= 1e-9 * max(1, abs(reference)), "T = \(point.iteration)")
            #expect(regret <= online.sqrtStepBound(rounds: point.iteration))
        }
    }

    /// η_t = 1/(αt) on λ-regularised online least squares: R_T ≤ G²/(2α)(1 + ln T) at every trace point.
    @Test func stronglyConvexBoundHolds() throws {
        let text = """
            name: t
            seed: 5
            budget: {max-iterations: 2000}
            targets: {measure: absolute-gap, thresholds: [1e-3]}
            problems: [{kind: online-least-squares, rounds: 2000, d: 4, lambda: 0.5}]
            optimizers: [{kind: online-gd, step: strongly-convex}, {kind: online-gd, step: sqrt}]
            """
        let plan = try RunPlan(suite: try SuiteLoader(catalog: .builtIn).load(text: text, file: "t.yaml"))
        for record in try SuiteRunner.records(plan, options: SuiteRunOptions(jobs: 1)) {
            let online = try #require(record.problem.online)
            #expect(online.roundStrongConvexity == 0.5)
            for point in record.trace where point.iteration >= 1 {
                let regret = try #require(point.regret)
                #expect(regret <= online.sqrtStepBound(rounds: point.iteration))
                if record.optimizer.id.contains("strongly") {
                    let bound = try #require(online.stronglyConvexBound(rounds: point.iteration))
                    #expect(regret <= bound)
                }
            }
        }
    }

    /// online-gd refuses a problem that is not an online stream, naming the kinds it needs.
    @Test func refusesOfflineProblems() throws {
        func attempt<O: Objective>(_ objective: O) throws {
            var oracle = Oracle(objective: objective, seed: 1)
            var method = OnlineGradientDescent()
            try method.prepare(at: objective.startingPoint, oracle: &oracle)
        }
        #expect(throws: MethodError.self) { try attempt(AxisAlignedQuadratic.narrowValley) }
    }
}
