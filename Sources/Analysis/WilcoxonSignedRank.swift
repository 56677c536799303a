import Foundation

/// The Wilcoxon signed-rank test of paired differences dᵢ = aᵢ − bᵢ (Wilcoxon 1945; Lehmann,
/// *Nonparametrics*, 1975, ch. 3), two-sided, as `scipy.stats.wilcoxon` computes it:
/// - zero differences are dropped (`zero_method="wilcox"`); n is the number left;
/// - |dᵢ| are ranked with average ranks for ties; W⁺ = Σ ranks of positive dᵢ, W⁻ of negative;
///   the statistic is min(W⁺, W⁻);
/// - **exact** when n ≤ 25 and there are no ties: the null distribution of W⁺ (each of the 2ⁿ sign
///   patterns equally likely) by counting subsets of {1…n} with each rank sum;
///   p = min(1, 2·min(P(W⁺ ≤ w⁺), P(W⁺ ≥ w⁺)));
/// - otherwise the **normal approximation** with tie correction σ² = n(n+1)(2n+1)/24 − Σ(t³ − t)/48
///   (t the size of each tie group) and continuity correction: z = (W⁺ − n(n+1)/4 − ½·sign)/σ,
///   p = 2Φ(−|z|) (scipy `method="asymptotic", correction=True`).
/// Infinite differences (one run failed) rank above every finite one; ties among them share ranks.
/// Effect size: the matched-pairs rank-biserial correlation r = (W⁺ − W⁻)/(W⁺ + W⁻) (Kerby 2014),
/// in [−1, 1], positive when a tends to be larger than b.
public struct WilcoxonSignedRank: Sendable, Equatable {
    public enum Method: String, Sendable { case exact, normal }

    public var pairs: Int
    /// Pairs left after dropping zero differences.
    public var n: Int
    public var positiveRankSum: Double
    public var negativeRankSum: Double
    public var statistic: Double { min(positiveRankSum, negativeRankSum) }
    public var pValue: Double
    public var method: Method
    public var rankBiserial: Double
    /// z of the normal approximation (with continuity correction); nil when exact.
    public var z: Double?

    public static let exactLimit = 25

    /// nil when no non-zero difference remains.
    public init?(_ a: [Double], _ b: [Double]) {
        let differences = zip(a, b).map { pair -> Double in
            if pair.0 == pair.1 { return 0 }
            return pair.0 - pair.1
        }.filter { $0 != 0 && !$0.isNaN }
        pairs = min(a.count, b.count)
        n = differences.count
        guard n > 0 else { return nil }
        let order = differences.indices.sorted { abs(differences[$0]) < abs(differences[$1]) }
        var ranks = [Double](repeating: 0, count: n)
        var tieCorrection = 0.0
        var hasTies = false
        var start = 0
        while start < n {
            var end = start
            while end + 1 < n && abs(differences[order[end + 1]]) == abs(differences[order[start]]) { end += 1 }
            let average = Double(start + end + 2) / 2
            for k in start...end { ranks[order[k]] = average }
            let t = Double(end - start + 1)
            if t > 1 { hasTies = true }
            tieCorrection += t * t * t - t
            start = end + 1
        }
        var plus = 0.0
        var minus = 0.0
        for i in 0..<n { if differences[i] > 0 { plus += ranks[i] } else { minus += ranks[i] } }
        positiveRankSum = plus
        negativeRankSum = minus
        rankBiserial = (plus - minus) / (plus + minus)
        let count = Double(n)
        if n <= WilcoxonSignedRank.exactLimit && !hasTies {
            method = .exact
            z = nil
            let distribution = WilcoxonSignedRank.nullCounts(n)
            let total = pow(2, count)
            let w = Int(plus.rounded())
            let lower = distribution[0...w].reduce(0, +) / total
            let upper = distribution[w...].reduce(0, +) / total
            pValue = min(1, 2 * min(lower, upper))
        } else {
            method = .normal
            let mean = count * (count + 1) / 4
            let sigma = ((count * (count + 1) * (2 * count + 1) - tieCorrection / 2) / 24).squareRoot()
            let centred = plus - mean
            let sign: Double = centred > 0 ? 1 : (centred < 0 ? -1 : 0)
            let zValue = (centred - 0.5 * sign) / sigma
            z = zValue
            pValue = min(1, erfc(abs(zValue) / 2.0.squareRoot()))
        }
    }

    /// counts[w] = number of subsets of {1, …, n} with sum w, w = 0 … n(n+1)/2.
    static func nullCounts(_ n: Int) -> [Double] {
        var counts = [Double](repeating: 0, count: n * (n + 1) / 2 + 1)
        counts[0] = 1
        var reach = 0
        for k in stride(from: 1, through: n, by: 1) {
            reach += k
            for w in stride(from: reach, through: k, by: -1) { counts[w] += counts[w - k] }
        }
        return counts
    }
}
