import Foundation
import Results

/// The claims of the `learning-rate` suite (suites/README.md): GD, SGD with heavy-ball momentum 0.9 and
/// 0.5, torch's Nesterov momentum 0.9 and Adam swept over η on one deterministic quadratic with known L
/// and μ. Stability limits on a quadratic (eigenvalues of the 2×2 iteration matrix of each mode, e.g.
/// docs/reference.md §D.2; the effective step η/(1−β) is §D.4): heavy ball η < 2(1+β)/L,
/// Nesterov (torch form) η < 2(1+β)/((1+2β)L).
enum LearningRateClaims {
    static let all: [Claim] = [
        Claim("GD is fastest near 2/(L+μ): the fastest step of the grid lies in [1.5/L, 2/L).") { results in
            let sweep = gradientDescent(results)
            guard let constants = sweep.first.flatMap({ KnownConstants($0.runs[0].problem) }), sweep.count >= 2 else {
                return .missing("a GD learning-rate sweep on a problem with known L")
            }
            let best = sweep.min { ($0.median, $0.lr) < ($1.median, $1.lr) }!
            let scaled = best.lr * constants.smoothness
            return .when(
                best.median.isFinite && scaled >= 1.5 && scaled < 2,
                "fastest η = \(ClaimNumber.text(scaled))/L (\(ClaimNumber.text(best.median)) iterations); 2/(L+μ) = "
                    + "\(ClaimNumber.text(2 / (1 + 1 / constants.conditionNumber)))/L")
        },
        Claim("GD diverges just above 2/L: every run with η > 2/L diverges, none with η < 2/L does.") { results in
            stability(gradientDescent(results), limitTimesL: 2)
        },
        Claim(
            "SGD with momentum β = 0.9 is stable only below 2(1+β)/L = 3.8/L: no run below diverges, every run above "
                + "does."
        ) { results in
            stability(heavyBall(results, momentum: "0.9"), limitTimesL: 3.8)
        },
        Claim(
            "SGD with momentum β = 0.5 is stable only below 2(1+β)/L = 3/L: no run below diverges, every run above "
                + "does."
        ) { results in
            stability(heavyBall(results, momentum: "0.5"), limitTimesL: 3)
        },
        Claim(
            "Nesterov momentum β = 0.9 (torch's form) is stable only below 2(1+β)/((1+2β)L) ≈ 1.357/L: no run below "
                + "diverges, every run above does."
        ) { results in
            stability(sweep(results, optimizer: "sgd[*momentum=0.9*nesterov=true*"), limitTimesL: 3.8 / 2.8)
        },
        Claim(
            "With small steps momentum β = 0.9 at η acts as GD at the effective step η/(1−β) = 10η: for 10η ∈ "
                + "{0.1/L, 0.3/L, 1/L} its median iterations to the last target are within 20% of GD's at 10η."
        ) { results in
            effectiveStep(results)
        },
        Claim("Adam converges for η from 10⁻³ to 1 and diverges at none of the five decades.") { results in
            let runs = results.runs(optimizer: "adam[*")
            guard !runs.isEmpty else { return .missing("adam") }
            let wide = runs.filter { ($0.optimizer.parameters["lr"].flatMap(Double.init) ?? 0) >= 1e-3 }
            let diverged = runs.filter { $0.status == .diverged }.count, hits = ResultSet.successes(wide)
            return .when(
                diverged == 0 && hits == wide.count,
                "η ≥ 10⁻³: hit \(hits)/\(wide.count); diverged \(diverged)/\(runs.count)")
        },
    ]

    struct Point {
        var lr: Double
        var runs: [RunRecord]
        var median: Double
    }

    /// SGD with heavy-ball momentum `momentum` (not Nesterov), by lr.
    static func heavyBall(_ results: ResultSet, momentum: String) -> [Point] {
        sweep(results, optimizer: "sgd[*momentum=\(momentum)*", excluding: "nesterov=true")
    }

    /// Holds when, at each effective step 10η of the grid up to 1/L, momentum 0.9's median iterations
    /// are within 20% of GD's.
    static func effectiveStep(_ results: ResultSet) -> ClaimOutcome {
        let plain = gradientDescent(results), heavy = heavyBall(results, momentum: "0.9")
        guard let constants = plain.first.flatMap({ KnownConstants($0.runs[0].problem) }) else {
            return .missing("a GD learning-rate sweep on a problem with known L")
        }
        let parts = [0.1, 0.3, 1.0].map { scaled -> ClaimOutcome in
            let target = scaled / constants.smoothness
            guard let gd = plain.first(where: { abs($0.lr / target - 1) <= 1e-9 }),
                let momentum = heavy.first(where: { abs($0.lr * 10 / target - 1) <= 1e-9 })
            else {
                return .missing(
                    "GD at \(ClaimNumber.text(scaled))/L and momentum 0.9 at \(ClaimNumber.text(scaled / 10))/L")
            }
            let ratio = momentum.median / gd.median
            return .when(
                ratio.isFinite && abs(ratio - 1) <= 0.2,
                "10η = \(ClaimNumber.text(scaled))/L: momentum \(ClaimNumber.text(momentum.median)), GD "
                    + "\(ClaimNumber.text(gd.median)) iterations (ratio \(ClaimNumber.text(ratio)))")
        }
        return .all(parts)
    }

    static func gradientDescent(_ results: ResultSet) -> [Point] {
        sweep(results, optimizer: "sgd[lr=*", excluding: "momentum")
    }

    /// The runs of the matching optimizers (but not those whose id contains `excluding`) grouped by
    /// their lr, lr increasing.
    static func sweep(_ results: ResultSet, optimizer: String, excluding: String? = nil) -> [Point] {
        var byRate: [Double: [RunRecord]] = [:]
        for run in results.runs(optimizer: optimizer) where excluding.map({ !run.optimizer.id.contains($0) }) ?? true {
            guard let lr = run.optimizer.parameters["lr"].flatMap(Double.init) else { continue }
            byRate[lr, default: []].append(run)
        }
        return byRate.keys.sorted().map { lr in
            Point(lr: lr, runs: byRate[lr] ?? [], median: ResultSet.medianIterations(byRate[lr] ?? []) ?? .infinity)
        }
    }

    /// Holds when no run below `limitTimesL`/L diverged and every run above did, and both sides exist.
    static func stability(_ sweep: [Point], limitTimesL: Double) -> ClaimOutcome {
        guard let constants = sweep.first.flatMap({ KnownConstants($0.runs[0].problem) }) else {
            return .missing("a learning-rate sweep on a problem with known L")
        }
        let limit = limitTimesL / constants.smoothness
        let below = sweep.filter { $0.lr < limit }.flatMap(\.runs),
            above = sweep.filter { $0.lr > limit }.flatMap(\.runs)
        guard !below.isEmpty, !above.isEmpty else {
            return .missing(
                "η on both sides of \(ClaimNumber.text(limitTimesL))/L (grid up to "
                    + "\(ClaimNumber.text((sweep.last?.lr ?? 0) * constants.smoothness))/L)")
        }
        let stable = below.filter { $0.status != .diverged }.count,
            diverged = above.filter { $0.status == .diverged }.count
        let largest = sweep.filter { $0.lr < limit }.last.map { $0.lr * constants.smoothness } ?? 0
        let smallest = sweep.first { $0.lr > limit }.map { $0.lr * constants.smoothness } ?? 0
        return .when(
            stable == below.count && diverged == above.count,
            "η ≤ \(ClaimNumber.text(largest))/L: not diverged \(stable)/\(below.count); η ≥ "
                + "\(ClaimNumber.text(smallest))/L: diverged \(diverged)/\(above.count)")
    }
}
