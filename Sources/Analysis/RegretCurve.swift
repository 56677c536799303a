import Foundation
import Results

/// The regret of a group of runs on one online problem (records with `regret` in the trace): the
/// median over the runs of R_T at each trace iteration T ≥ 1 that every run recorded, and the fitted
/// growth exponent — the least-squares slope of ln R_T against ln T (``LineFit``, with its 95%
/// interval) over T ≥ `fromRound`, the median curve's positive values only.
public struct RegretCurve: Sendable, Equatable {
    public var rounds: [Int]
    public var medians: [Double]

    public init(_ runs: [RunRecord]) {
        var byRound: [Int: [Double]] = [:]
        for run in runs {
            for point in run.trace where point.iteration >= 1 {
                if let regret = point.regret { byRound[point.iteration, default: []].append(regret) }
            }
        }
        rounds = byRound.keys.sorted().filter { byRound[$0]?.count == runs.count }
        medians = rounds.map { Median.of(byRound[$0] ?? []) }
    }

    /// The fit of ln R_T against ln T over T ≥ `fromRound`; nil with fewer than three positive points.
    public func exponent(fromRound: Int = 100) -> LineFit? {
        let points = zip(rounds, medians).filter { $0.0 >= fromRound && $0.1 > 0 }
        guard points.count >= 3 else { return nil }
        return LineFit(x: points.map { log(Double($0.0)) }, y: points.map { log($0.1) })
    }
}
