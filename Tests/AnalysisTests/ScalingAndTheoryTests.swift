import Foundation
import Results
import Testing

@testable import Analysis

@Suite struct ScalingAndTheoryTests {
    let b = RecordBuilder.self

    @Test func kappaScalingRecoversAnExactPowerLaw() throws {
        // iterations = 3·κ for κ = 10, 100, 1000 (two reps each): p = 1, c = 3, zero residuals.
        var records: [RunRecord] = []
        for kappa in [10, 100, 1000] {
            for rep in 0..<2 {
                records.append(
                    b.record(
                        problemParameters: ["d": "2", "kappa": "\(kappa)"], optimizerParameters: ["lr": "1/L"],
                        repetition: rep, hits: [b.checkpoint(3 * kappa)]))
            }
        }
        let series = KappaScaling.all(ResultSet(records: records), targetIndex: 0)
        #expect(series.count == 1)
        let scaling = try #require(series.first)
        #expect(scaling.family == "quadratic[d=2]")
        let fit = try #require(scaling.fit)
        #expect(abs(fit.slope - 1) < 1e-12)
        #expect(abs((scaling.coefficient ?? 0) - 3) < 1e-9)
        #expect(scaling.theoryExponent == 1)
    }

    @Test func kappaScalingDropsAKappaWhoseMedianRunFailed() throws {
        var records: [RunRecord] = []
        for (kappa, iterations) in [(10, 20), (100, 200), (1000, nil as Int?)] {
            for rep in 0..<3 {
                records.append(
                    b.record(
                        problemParameters: ["kappa": "\(kappa)"], optimizer: "heavy-ball", repetition: rep,
                        hits: [iterations.map { b.checkpoint($0) }], final: b.checkpoint(5000)))
            }
        }
        let scaling = try #require(KappaScaling.all(ResultSet(records: records), targetIndex: 0).first)
        #expect(scaling.points.map(\.kappa) == [10, 100])
        #expect(scaling.droppedKappas == [1000])
        #expect(scaling.theoryExponent == 0.5)
    }

    /// A κ where every run needs one iteration (κ = 1 for GD at 1/L) carries no growth information
    /// and is left out: iterations 1, 20, 200, 2000 at κ = 1, 10, 100, 1000 fit p = 1 exactly without
    /// it, while with it the least-squares slope is 1.0903 (numpy.polyfit).
    @Test func kappaScalingLeavesOutCellsAtOneIteration() throws {
        var records: [RunRecord] = []
        for (kappa, iterations) in [(1, 1), (10, 20), (100, 200), (1000, 2000)] {
            for rep in 0..<2 {
                records.append(
                    b.record(
                        problemParameters: ["kappa": "\(kappa)"], optimizerParameters: ["lr": "1"],
                        optimizerID: "sgd[lr=1/L]",
                        repetition: rep, hits: [b.checkpoint(iterations)]))
            }
        }
        let scaling = try #require(KappaScaling.all(ResultSet(records: records), targetIndex: 0).first)
        #expect(scaling.oneIterationKappas == [1])
        #expect(scaling.points.map(\.kappa) == [10, 100, 1000])
        #expect(abs((scaling.fit?.slope ?? 0) - 1) < 1e-12)
        let withOne = try #require(LineFit(x: [0, 1, 2, 3], y: [0, log10(20), log10(200), log10(2000)]))
        #expect(abs(withOne.slope - 1.0903) < 1e-3)
    }

    /// One problem whose seeded instances differ in κ from repetition to repetition (logistic
    /// regression on data drawn per repetition) is not a κ sweep: no series. Two such problems are
    /// two points, each at the median κ of its repetitions.
    @Test func kappaScalingPoolsTheRepetitionsOfOneProblem() throws {
        func run(_ parameters: [String: String], kappa: Double, repetition: Int, iterations: Int) -> RunRecord {
            var record = b.record(
                problem: "logistic", problemParameters: parameters, optimizer: "lbfgs", repetition: repetition,
                hits: [b.checkpoint(iterations)])
            record.problem.smoothness = kappa
            record.problem.strongConvexity = 1
            return record
        }
        let one = [
            run(["n": "200"], kappa: 251.18, repetition: 0, iterations: 15),
            run(["n": "200"], kappa: 251.72, repetition: 1, iterations: 14),
        ]
        #expect(KappaScaling.all(ResultSet(records: one), targetIndex: 0).isEmpty)

        let two =
            one + [
                run(["n": "400"], kappa: 2500, repetition: 0, iterations: 30),
                run(["n": "400"], kappa: 2600, repetition: 1, iterations: 34),
                run(["n": "400"], kappa: 2700, repetition: 2, iterations: 32),
            ]
        let series = KappaScaling.all(ResultSet(records: two), targetIndex: 0)
        #expect(series.count == 0, "n differs, so these are two families, not one sweep")
        var sweep = two
        for index in sweep.indices { sweep[index].problem.parameters["n"] = nil }
        let pooled = try #require(KappaScaling.all(ResultSet(records: sweep), targetIndex: 0).first)
        #expect(pooled.points.map(\.kappa) == [251.45, 2600])
        #expect(pooled.points.map(\.iterations) == [14.5, 32])
    }

    @Test func linearRateOfAGeometricTraceIsItsRatio() throws {
        // gap_k = 0.81^k: relative gaps 1e-1 … 1e-11 occur for k ≈ 11 … 120.
        let record = b.record(trace: b.geometricTrace(rate: 0.81, at: [0, 1, 2, 5, 10, 20, 40, 80, 120, 160, 200]))
        let rate = try #require(LinearRate.measured(record))
        #expect(abs(rate - 0.81) < 1e-12)
    }

    @Test func gradientDescentRateCheckPassesAtTheBoundAndFailsWhenSlower() throws {
        // κ = 10, L = 10 (μ = 1): lr = 1/L = 0.1, predicted f-gap factor (1 − 1/10)² = 0.81.
        let parameters = ["kappa": "10", "d": "2"]
        let atBound = b.record(
            problemParameters: parameters, optimizerParameters: ["lr": "0.1"], optimizerID: "sgd[lr=1/L]",
            trace: b.geometricTrace(rate: 0.81, at: Array(stride(from: 0, through: 200, by: 10))))
        let slower = b.record(
            problemParameters: parameters, optimizerParameters: ["lr": "0.1"], optimizerID: "sgd[lr=1/L]",
            repetition: 1,
            trace: b.geometricTrace(rate: 0.9, at: Array(stride(from: 0, through: 300, by: 10))))
        let rows = TheoryCheck.all(ResultSet(records: [atBound, slower]))
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0.check == "GD rate, lr = 1/L" })
        #expect(rows.first { $0.subject == atBound.id }?.passed == true)
        #expect(rows.first { $0.subject == slower.id }?.passed == false)
        // Another lr in (0, 2/L) is checked against its own factor max(|1 − ηL|, |1 − ημ|)² and labelled by it:
        // η = 0.05 = 0.5/L gives 0.95² = 0.9025; η = 2/(L+μ) = 2/11 gives (9/11)².
        let other = b.record(problemParameters: parameters, optimizerParameters: ["lr": "0.05"], trace: atBound.trace)
        let half = try #require(TheoryCheck.all(ResultSet(records: [other])).first)
        #expect(half.check == "GD rate, lr = 0.5/L")
        #expect(half.predicted.contains("0.9025"))
        #expect(half.passed)
        let optimal = b.record(
            problemParameters: parameters, optimizerParameters: ["lr": "\(2.0 / 11)"], optimizerID: "sgd[lr=2/(L+mu)]",
            trace: b.geometricTrace(rate: 0.7, at: Array(stride(from: 0, through: 100, by: 5))))
        let optimalRow = try #require(TheoryCheck.all(ResultSet(records: [optimal])).first)
        #expect(optimalRow.check == "GD rate, lr = 1.818182/L = 2/(L+μ)")
        #expect(optimalRow.predicted.contains(String(format: "%.6g", pow(9.0 / 11, 2))))
        #expect(optimalRow.passed == (log(0.7) <= TheoryCheck.rateTolerance * 2 * log(9.0 / 11)))
        // At lr ≥ 2/L there is no rate to check.
        let unstable = b.record(problemParameters: parameters, optimizerParameters: ["lr": "0.2"], trace: atBound.trace)
        #expect(TheoryCheck.all(ResultSet(records: [unstable])).isEmpty)
    }

    /// Polyak's optimal heavy ball at κ = 100: the f-gap of its double-root modes is k²ρ^{2k},
    /// ρ = (√κ−1)/(√κ+1) = 9/11; removing the k² factor the row measures ρ² exactly, and a slower
    /// trace fails. Heavy ball at other constants has no row.
    @Test func heavyBallRateRow() throws {
        let parameters = ["kappa": "100", "d": "2"]
        let rho = 9.0 / 11
        func trace(_ rate: Double) -> [TracePoint] {
            stride(from: 0, through: 120, by: 4).map { k in
                let gap = k == 0 ? 1 : Double(k * k) * pow(rate, Double(2 * k))
                return TracePoint(
                    iteration: k, gradientEvaluations: k, functionEvaluations: 0, epochs: nil, seconds: nil,
                    value: gap, gap: gap, gradientNorm: 0, learningRate: nil, fingerprint: RunRecord.hex(0))
            }
        }
        let optimal = b.record(
            problemParameters: parameters, optimizer: "heavy-ball", optimizerParameters: ["lr": "optimal"],
            trace: trace(rho))
        let row = try #require(TheoryCheck.all(ResultSet(records: [optimal])).first)
        #expect(row.check == "Heavy-ball rate, optimal η, β")
        #expect(row.passed)
        #expect(abs((Double(row.measured) ?? 0) - rho * rho) <= 1e-6)
        let slow = b.record(problemParameters: parameters, optimizer: "heavy-ball", trace: trace(0.9))
        #expect(TheoryCheck.all(ResultSet(records: [slow])).first?.passed == false)
        let other = b.record(
            problemParameters: parameters, optimizer: "heavy-ball", optimizerParameters: ["momentum": "0.5"],
            trace: trace(rho))
        #expect(TheoryCheck.all(ResultSet(records: [other])).isEmpty)
    }

    @Test func rateChecksPassRunsAlreadyAtTargetAndSkipRunsThatNeverEnterTheWindow() throws {
        let parameters = ["kappa": "10", "d": "2"]
        // κ = 1 style: the last target reached at iteration 1, no linear phase — nothing contradicts theory.
        let exact = b.record(
            problemParameters: parameters, optimizerParameters: ["lr": "0.1"], optimizerID: "sgd[lr=1/L]",
            hits: [b.checkpoint(1)], trace: b.geometricTrace(rate: 1e-20, at: [0, 1]))
        let exactRow = try #require(TheoryCheck.all(ResultSet(records: [exact])).first)
        #expect(exactRow.passed && !exactRow.skipped && exactRow.measured.hasPrefix("at the target after 1 iteration"))
        // A run whose gap never falls to 0.1 of its start cannot show a linear phase: skipped, not failed.
        var stuck = b.record(
            problemParameters: parameters, optimizerParameters: ["lr": "0.1"], optimizerID: "sgd[lr=1/L]",
            repetition: 1,
            trace: b.geometricTrace(rate: 0.999, at: [0, 10, 20, 40]))
        stuck.final.relativeGap = 0.96
        for index in stuck.targets.ladder.indices { stuck.targets.ladder[index].hit = nil }
        let row = try #require(TheoryCheck.all(ResultSet(records: [stuck])).first)
        #expect(row.skipped && !row.passed)
        // The same run ending below 0.1 without a measurable phase fails.
        stuck.final.relativeGap = 0.01
        #expect(TheoryCheck.all(ResultSet(records: [stuck])).first.map { !$0.skipped && !$0.passed } == true)
    }

    @Test func nesterovRateCheckUsesOneMinusOneOverRootKappa() throws {
        // κ = 100: guarantee 1 − 1/10 = 0.9 per step; a trace at 0.8 passes, one at 0.95 fails.
        let parameters = ["kappa": "100"]
        let fast = b.record(
            problemParameters: parameters, optimizer: "nesterov-constant",
            trace: b.geometricTrace(rate: 0.8, at: Array(stride(from: 0, through: 120, by: 5))))
        let slow = b.record(
            problemParameters: parameters, optimizer: "nesterov-constant", repetition: 1,
            trace: b.geometricTrace(rate: 0.95, at: Array(stride(from: 0, through: 500, by: 10))))
        let rows = TheoryCheck.all(ResultSet(records: [fast, slow]))
        #expect(rows.map(\.passed) == [true, false])
        #expect(rows[0].predicted.contains("0.9"))
    }

    @Test func divergenceThresholdBracketsTwoOverL() {
        // κ = 100, μ = 1 → L = 100, 2/L = 0.02 (reference §D.2: 0.0199 converges, 0.0201 diverges).
        func sweep(_ statuses: [(String, RunStatus)]) -> [TheoryCheck] {
            let records = statuses.map { lr, status in
                b.record(problemParameters: ["kappa": "100"], optimizerParameters: ["lr": lr], status: status)
            }
            return TheoryCheck.all(ResultSet(records: records)).filter { $0.check == "GD divergence at 2/L" }
        }
        let good = sweep([("0.01", .converged), ("0.0199", .converged), ("0.0201", .diverged), ("0.03", .diverged)])
        #expect(good.count == 1)
        #expect(good.first?.passed == true)
        // A diverging lr below 2/L contradicts the theory.
        #expect(sweep([("0.01", .converged), ("0.015", .diverged)]).first?.passed == false)
        // An lr above 2/L that did not diverge leaves the threshold unbracketed.
        #expect(sweep([("0.01", .converged), ("0.025", .budget)]).first?.passed == false)
        // A sweep entirely below 2/L without divergence says nothing about the threshold: no row.
        #expect(sweep([("0.01", .converged), ("0.019", .converged)]).isEmpty)
    }

    @Test func newtonCheckNeedsEveryTargetAtIterationOne() {
        let thresholds = [1e-1, 1e-6]
        let one = b.record(optimizer: "newton", thresholds: thresholds, hits: [b.checkpoint(1), b.checkpoint(1)])
        let two = b.record(
            optimizer: "newton", repetition: 1, thresholds: thresholds, hits: [b.checkpoint(1), b.checkpoint(2)])
        let rows = TheoryCheck.all(ResultSet(records: [one, two]))
        #expect(rows.map(\.passed) == [true, false])
        #expect(rows[1].measured == "2 iterations")
    }

    @Test func knownConstantsFollowTheDocumentedRules() {
        func problem(_ kind: String, _ parameters: [String: String]) -> ProblemIdentity {
            ProblemIdentity(
                id: kind, kind: kind, parameters: parameters, batchSize: nil, gradientNoise: 0, dimension: 2,
                sampleCount: nil)
        }
        #expect(KnownConstants(problem("quadratic", [:])) == KnownConstants(smoothness: 100, strongConvexity: 1))
        #expect(
            KnownConstants(problem("quadratic", ["kappa": "1e4", "mu": "0.5"]))
                == KnownConstants(smoothness: 5000, strongConvexity: 0.5))
        #expect(KnownConstants(problem("narrow-valley", [:]))?.conditionNumber == 100)
        #expect(KnownConstants(problem("rosenbrock", [:])) == nil)
        #expect(KnownConstants(problem("anything", ["L": "4", "mu": "2"]))?.conditionNumber == 2)
    }

    @Test func recordedConstantsTakePrecedenceOverTheFallbackRules() {
        var quadratic = ProblemIdentity(
            id: "q", kind: "quadratic", parameters: ["kappa": "10"], batchSize: nil, gradientNoise: 0,
            dimension: 2, sampleCount: nil, smoothness: 8, strongConvexity: 2, conditionNumber: 4)
        #expect(KnownConstants(quadratic) == KnownConstants(smoothness: 8, strongConvexity: 2))
        quadratic.strongConvexity = nil
        #expect(KnownConstants(quadratic) == nil)
        let logistic = ProblemIdentity(
            id: "l", kind: "logistic", parameters: [:], batchSize: nil, gradientNoise: 0,
            dimension: 5, sampleCount: 200, smoothness: 3, strongConvexity: 0.01)
        #expect(KnownConstants(logistic)?.conditionNumber == 300)
    }
}
