import Foundation
import Results

/// One row of the theory-check table: a measured value held against what theory predicts
/// (reference §D), from result records alone. Which records a check applies to:
///
/// - **GD linear rate** — records whose optimizer is gradient descent `sgd` (``OptimizerFamily``
///   gradient descent, kind `sgd`) with a constant `lr` = η in (0, 2/L), on a full-batch noise-free
///   quadratic with ``KnownConstants``. Predicted: the f-gap contracts by at most
///   max(|1 − ηL|, |1 − ημ|)² per step (the distance by the larger eigenvalue of I − ηA in modulus,
///   §D, A.18): (1 − 1/κ)² at η = 1/L, ((κ − 1)/(κ + 1))² at η = 2/(L + μ). The row is labelled by
///   the actual η (as a multiple of 1/L, and `2/(L+μ)` when it is that). Measured: ``LinearRate``. Pass
///   when ln ρ_measured ≤ 0.95·ln ρ_predicted (at least 95% of the predicted log-contraction).
/// - **Nesterov rate** — `nesterov-constant` with default or optimal parameters (lr = 1/L) on such a
///   quadratic. Predicted: the guarantee f_k − f* ≤ (1 − 1/√κ)^k·(f₀ − f* + μ/2‖x₀ − x*‖²) (A.18),
///   a per-step factor 1 − 1/√κ. Measured: ``LinearRate``. Pass as for GD.
/// - **Heavy-ball rate** — `heavy-ball` at its optimal constants (the defaults, or η = 4/(√L+√μ)²,
///   β = ((√κ−1)/(√κ+1))² given) on such a quadratic. Predicted: Polyak's rate (√κ−1)/(√κ+1) for the
///   distance, so ((√κ−1)/(√κ+1))² per step for the f-gap, up to the factor k² of the iteration
///   matrix's double root (Polyak 1987, §3.2.1; reference §A.18). Measured: ``LinearRate`` of
///   ln(f − f*) − 2 ln k. Pass as for GD.
/// - **Divergence threshold 2/L** — for each full-batch noise-free quadratic with ``KnownConstants``
///   and each `sgd` gradient-descent optimizer family without momentum whose ids differ only in `lr`
///   (a learning-rate sweep, at least two lr values, with lr on both sides of 2/L or some run
///   diverged): the largest lr whose runs all converged and the smallest lr with a diverged run.
///   Predicted: GD is stable iff η < 2/L (§D.2). Pass when largest converging lr < 2/L ≤ smallest
///   diverging lr (each side must exist).
/// - **Newton one step** — `newton` on such a quadratic: every target of the ladder is reached at
///   iteration 1 (§D: "exact in 1 step"). Measured: iterations to the last target. Pass when 1.
///
/// Rate checks are one row per record, divergence one row per sweep, Newton one row per record. A
/// rate check on a run that reached the last target within ``atTargetIterations`` iterations (κ = 1:
/// every method is exact in a step or two) passes with "at the target": there is no linear phase
/// to measure and nothing theory predicts is contradicted. A run that ends (budget, timeout) before its
/// relative gap falls to 0.1, where the measured window starts, is a "skip". Trimmed baselines work: their traces keep
/// the values (``ResultSet`` reads them), which is all ``LinearRate`` needs.
public struct TheoryCheck: Sendable, Equatable {
    public var check: String
    /// The problem (and for per-run checks, the run) the row is about.
    public var subject: String
    public var measured: String
    public var predicted: String
    public var passed: Bool
    /// True when the check does not apply after all (the run never entered the range it measures);
    /// `passed` is then false and the table says "skip".
    public var skipped: Bool

    public init(
        check: String, subject: String, measured: String, predicted: String, passed: Bool, skipped: Bool = false
    ) {
        self.check = check
        self.subject = subject
        self.measured = measured
        self.predicted = predicted
        self.passed = passed
        self.skipped = skipped
    }

    /// The log-rate tolerance of the rate checks.
    public static let rateTolerance = 0.95

    /// Every check that applies to the records, in record id order (sweeps after per-run rows).
    public static func all(_ results: ResultSet) -> [TheoryCheck] {
        var rows: [TheoryCheck] = []
        for record in results.records {
            guard isDeterministicQuadratic(record.problem), let constants = KnownConstants(record.problem) else {
                continue
            }
            let kappa = constants.conditionNumber
            let lr = record.optimizer.parameters["lr"].flatMap(Double.init)
            if OptimizerFamily(record.optimizer) == .gradientDescent, record.optimizer.kind == "sgd", let lr,
                lr > 0, lr * constants.smoothness < 2
            {
                let L = constants.smoothness, mu = constants.strongConvexity
                let factor = max(abs(1 - lr * L), abs(1 - lr * mu))
                let isOptimal = abs(lr * (L + mu) / 2 - 1) <= 1e-9
                let label =
                    "GD rate, lr = \(String(format: "%.7g", lr * L))/L" + (isOptimal && kappa > 1 ? " = 2/(L+μ)" : "")
                let formula =
                    abs(lr * L - 1) <= 1e-9 ? "(1 − 1/κ)²" : isOptimal ? "((κ−1)/(κ+1))²" : "max(|1−ηL|, |1−ημ|)²"
                rows.append(rateRow(label, record, predicted: factor * factor, formula: formula))
            }
            if record.optimizer.kind == "nesterov-constant",
                lr.map({ abs($0 * constants.smoothness - 1) <= 1e-9 }) ?? true
            {
                rows.append(
                    rateRow(
                        "Nesterov rate, lr = 1/L", record, predicted: 1 - 1 / kappa.squareRoot(), formula: "1 − 1/√κ"))
            }
            if record.optimizer.kind == "heavy-ball", isOptimalHeavyBall(record.optimizer.parameters, constants) {
                let rho = (kappa.squareRoot() - 1) / (kappa.squareRoot() + 1)
                rows.append(
                    rateRow(
                        "Heavy-ball rate, optimal η, β", record, predicted: rho * rho,
                        formula: "((√κ−1)/(√κ+1))²", polynomialDegree: 2))
            }
            if record.optimizer.kind == "newton" {
                let last = record.targets.ladder.last?.hit
                let allAtOne =
                    !record.targets.ladder.isEmpty && record.targets.ladder.allSatisfy { ($0.hit?.iteration ?? 0) == 1 }
                rows.append(
                    TheoryCheck(
                        check: "Newton one step", subject: record.id,
                        measured: last.map { $0.iteration == 1 ? "1 iteration" : "\($0.iteration) iterations" }
                            ?? "not reached",
                        predicted: "1 iteration",
                        passed: allAtOne))
            }
        }
        rows += divergenceRows(results)
        return rows
    }

    static func isDeterministicQuadratic(_ problem: ProblemIdentity) -> Bool {
        KnownConstants.quadraticKinds.contains(problem.kind) && problem.batchSize == nil && problem.gradientNoise == 0
    }

    /// A rate check on a run that reached its last target by this iteration passes as "at the target".
    public static let atTargetIterations = 2

    /// η and β of a `heavy-ball` record are Polyak's optimal ones (given as such, or left `optimal`).
    static func isOptimalHeavyBall(_ parameters: [String: String], _ constants: KnownConstants) -> Bool {
        let l = constants.smoothness.squareRoot(), m = constants.strongConvexity.squareRoot()
        let rho = (l - m) / (l + m)
        func matches(_ key: String, _ optimal: Double) -> Bool {
            guard let text = parameters[key], let value = Double(text) else { return true }
            return abs(value - optimal) <= 1e-9 * optimal
        }
        return matches("lr", 4 / ((l + m) * (l + m))) && matches("momentum", rho * rho)
    }

    static func rateRow(
        _ name: String, _ record: RunRecord, predicted: Double, formula: String,
        polynomialDegree: Double = 0
    ) -> TheoryCheck {
        let finalHit = record.targets.ladder.last?.hit
        if let finalHit, finalHit.iteration <= atTargetIterations {
            return TheoryCheck(
                check: name, subject: record.id,
                measured: "at the target after \(finalHit.iteration) iteration\(finalHit.iteration == 1 ? "" : "s")",
                predicted: "≤ \(formula) = \(format(predicted))", passed: true)
        }
        let neverInWindow = (record.final.relativeGap ?? 0) > LinearRate.upperRelativeGap
        guard let measured = LinearRate.measured(record, polynomialDegree: polynomialDegree) else {
            if neverInWindow {
                return TheoryCheck(
                    check: name, subject: record.id,
                    measured: "relative gap still \(format(record.final.relativeGap ?? .nan)) at the end "
                        + "(\(record.status.rawValue))",
                    predicted: "\(formula) = \(format(predicted))", passed: false, skipped: true)
            }
            return TheoryCheck(
                check: name, subject: record.id, measured: "no linear phase in the trace",
                predicted: "\(formula) = \(format(predicted))", passed: false)
        }
        return TheoryCheck(
            check: name, subject: record.id, measured: format(measured),
            predicted: "≤ \(formula) = \(format(predicted))",
            passed: log(measured) <= rateTolerance * log(predicted))
    }

    static func divergenceRows(_ results: ResultSet) -> [TheoryCheck] {
        struct SweepKey: Hashable, Comparable {
            var problemID: String
            var others: String
            static func < (a: SweepKey, b: SweepKey) -> Bool { (a.problemID, a.others) < (b.problemID, b.others) }
        }
        var sweeps: [SweepKey: [RunRecord]] = [:]
        for record in results.records where record.optimizer.kind == "sgd" && isDeterministicQuadratic(record.problem) {
            guard OptimizerFamily(record.optimizer) == .gradientDescent,
                record.optimizer.parameters["lr"].flatMap(Double.init) != nil,
                KnownConstants(record.problem) != nil
            else { continue }
            let others = record.optimizer.parameters.keys.sorted().filter { $0 != "lr" }
                .map { "\($0)=\(record.optimizer.parameters[$0] ?? "")" }.joined(separator: ",")
            sweeps[SweepKey(problemID: record.problem.id, others: others), default: []].append(record)
        }
        var rows: [TheoryCheck] = []
        for key in sweeps.keys.sorted() {
            let runs = sweeps[key] ?? []
            guard let first = runs.first, let constants = KnownConstants(first.problem) else { continue }
            var byRate: [Double: [RunRecord]] = [:]
            for run in runs {
                if let lr = run.optimizer.parameters["lr"].flatMap(Double.init) { byRate[lr, default: []].append(run) }
            }
            let threshold = 2 / constants.smoothness
            let anyDiverged = runs.contains { $0.status == .diverged }
            let straddles = byRate.keys.contains { $0 < threshold } && byRate.keys.contains { $0 >= threshold }
            guard byRate.count >= 2, straddles || anyDiverged else { continue }
            let converging = byRate.filter { $0.value.allSatisfy { $0.status == .converged } }.keys.max()
            let diverging = byRate.filter { $0.value.contains { $0.status == .diverged } }.keys.min()
            let passed = converging.map { $0 < threshold } == true && diverging.map { threshold <= $0 } == true
            rows.append(
                TheoryCheck(
                    check: "GD divergence at 2/L", subject: key.problemID,
                    measured: "largest converging lr \(converging.map(format) ?? "none"), smallest diverging lr "
                        + "\(diverging.map(format) ?? "none")",
                    predicted: "converging < 2/L = \(format(threshold)) ≤ diverging", passed: passed))
        }
        return rows
    }

    static func format(_ value: Double) -> String { String(format: "%.6g", value) }
}
