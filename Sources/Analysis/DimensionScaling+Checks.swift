import Foundation

extension DimensionScaling {
    /// The largest slope of iterations against d that counts as "not growing": over d ≥ 128 to 4096
    /// it allows a factor 2^(0.1·5) ≈ 1.4.
    public static let flatIterationSlope = 0.1
    /// Accepted slopes of seconds per iteration: d² (dense Hessian, A·x) and d (axis-aligned).
    public static let denseSecondsSlope = 1.5...2.5
    public static let diagonalSecondsSlope = 0.6...1.4

    /// The claims of the `dimension` suite, for the series on a `quadratic` family (κ is a parameter of
    /// the family, so it is fixed along the series) with at least three dimensions ≥ 128:
    /// - **iterations flat in d**: the fitted slope p of iterations to the target over d ≥ 128 is
    ///   ≤ ``flatIterationSlope`` — at fixed κ the rates of gradient methods do not depend on d (the
    ///   O(κ log 1/ε) and O(√κ log 1/ε) bounds, reference §D), so every optimizer that reaches the
    ///   target at three such d is held to it;
    /// - **seconds per iteration ∝ d² / ∝ d**: the 95% interval of the slope of seconds per iteration
    ///   over d ≥ 128 meets ``denseSecondsSlope`` for `rotation: random` (one dense d×d product per
    ///   gradient) or ``diagonalSecondsSlope`` for `rotation: none` (O(d) per gradient and update) —
    ///   the timings do not reject the predicted growth. Timings of a loaded machine are noisy, and a
    ///   dense matrix that leaves the cache (d ≳ 1000) costs more per entry, which steepens the slope;
    ///   with only two points (no interval) the slope itself must lie in the range.
    public static func checks(_ series: [DimensionScaling]) -> [TheoryCheck] {
        var rows: [TheoryCheck] = []
        for scaling in series where scaling.kind == "quadratic" {
            let subject = "\(scaling.family) · \(scaling.optimizerID)"
            if let fit = scaling.asymptoticIterationFit, fit.points >= 3 {
                rows.append(TheoryCheck(
                    check: "iterations flat in d (d ≥ \(asymptoticDimension))", subject: subject,
                    measured: "p = " + describe(fit), predicted: "p ≤ \(flatIterationSlope) (rate depends on κ only)",
                    passed: fit.slope <= flatIterationSlope))
            }
            guard let fit = scaling.secondsFit, fit.points >= 3, let rotation = scaling.rotation else { continue }
            let dense = rotation == "random"
            let range = dense ? denseSecondsSlope : diagonalSecondsSlope
            rows.append(TheoryCheck(
                check: "seconds/iteration ∝ \(dense ? "d²" : "d") (d ≥ \(asymptoticDimension))", subject: subject,
                measured: "p = " + describe(fit),
                predicted: "p in [\(range.lowerBound), \(range.upperBound)] "
                    + "(\(dense ? "dense A·x" : "axis-aligned, O(d)"))",
                passed: fit.slopeLower.isFinite
                    ? fit.slopeLower <= range.upperBound && fit.slopeUpper >= range.lowerBound : range.contains(fit.slope)))
        }
        return rows
    }

    /// `0.98 [0.95, 1.01]` (the interval when there is one).
    public static func describe(_ fit: LineFit) -> String {
        String(format: "%.2f", fit.slope)
            + (fit.slopeLower.isFinite ? String(format: " [%.2f, %.2f]", fit.slopeLower, fit.slopeUpper) : "")
    }
}
