import Foundation
import Results

/// The measured per-iteration contraction factor of the f-gap in the linear phase of a run:
/// ρ = exp(slope) of the least-squares line of ln(f − f*) against iteration over the trace points
/// whose relative gap (f − f*)/(f₀ − f*) lies in [1e−11, 1e−1] — past the initial transient, above
/// the floating-point floor. nil when fewer than three trace points fall in that window or f* is
/// unknown. With `polynomialDegree` p the fit is of ln(f − f*) − p·ln k: the rate of a gap that
/// behaves like k^p·ρ^k (heavy ball at its optimal constants, whose iteration matrix has a double
/// root: f − f* ~ k²ρ^{2k}).
public enum LinearRate {
    public static let upperRelativeGap = 1e-1
    public static let lowerRelativeGap = 1e-11

    public static func measured(_ record: RunRecord, polynomialDegree: Double = 0) -> Double? {
        guard let initialGap = record.trace.first?.gap, initialGap > 0 else { return nil }
        var iterations: [Double] = []
        var logGaps: [Double] = []
        for point in record.trace {
            guard let gap = point.gap, gap > 0 else { continue }
            let relative = gap / initialGap
            if relative <= upperRelativeGap && relative >= lowerRelativeGap && point.iteration > 0 {
                iterations.append(Double(point.iteration))
                logGaps.append(log(gap) - polynomialDegree * log(Double(point.iteration)))
            }
        }
        guard iterations.count >= 3, let fit = LineFit(x: iterations, y: logGaps) else { return nil }
        return exp(fit.slope)
    }
}
