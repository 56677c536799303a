import Foundation
import Results

/// The measured per-iteration contraction factor of the f-gap in the linear phase of a run:
/// ρ = exp(slope) of the least-squares line of ln(f − f*) against iteration over the trace points
/// whose relative gap (f − f*)/(f₀ − f*) lies in [1e−11, 1e−1] — past the initial transient, above
/// the floating-point floor. nil when fewer than three trace points fall in that window or f* is
/// unknown.
public enum LinearRate {
    public static let upperRelativeGap = 1e-1
    public static let lowerRelativeGap = 1e-11

    public static func measured(_ record: RunRecord) -> Double? {
        guard let initialGap = record.trace.first?.gap, initialGap > 0 else { return nil }
        var iterations: [Double] = []
        var logGaps: [Double] = []
        for point in record.trace {
            guard let gap = point.gap, gap > 0 else { continue }
            let relative = gap / initialGap
            if relative <= upperRelativeGap && relative >= lowerRelativeGap {
                iterations.append(Double(point.iteration))
                logGaps.append(log(gap))
            }
        }
        guard iterations.count >= 3, let fit = LineFit(x: iterations, y: logGaps) else { return nil }
        return exp(fit.slope)
    }
}
