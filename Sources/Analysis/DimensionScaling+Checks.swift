import Foundation

extension DimensionScaling {
    /// The largest slope of iterations against d that counts as "not growing": over d ≥ 128 to 4096
    /// it allows a factor 2^(0.1·5) ≈ 1.4.
    public static let flatIterationSlope = 0.1
    /// Accepted slopes of seconds per iteration: d² (dense Hessian, A·x) and d (axis-aligned).
    public static let denseSecondsSlope = 1.5...2.5
    public static let diagonalSecondsSlope = 0.6...1.4
    /// The largest widening of those ranges by the replays' spread; noisier timings cannot decide.
    public static let maximumTimingTolerance = 0.4

    /// The claims of the `dimension` suite, for the series on a `quadratic` family (κ is a parameter of
    /// the family, so it is fixed along the series) with at least three dimensions ≥ 128:
    /// - **iterations flat in d**: the fitted slope p of iterations to the target over d ≥ 128 is
    ///   ≤ ``flatIterationSlope`` — at fixed κ the rates of gradient methods do not depend on d (the
    ///   O(κ log 1/ε) and O(√κ log 1/ε) bounds, reference §D), so every optimizer that reaches the
    ///   target at three such d is held to it;
    /// - **seconds per iteration ∝ d² / ∝ d**: the slope p of the fastest replay's seconds per
    ///   iteration over the largest dimensions, d ≥ ``DimensionScaling/timingDimension`` (at least three),
    ///   lies in ``denseSecondsSlope`` for `rotation: random` (one dense d×d product per gradient) or
    ///   ``diagonalSecondsSlope`` for `rotation: none` (O(d) per gradient and update), each widened by
    ///   the tolerance the timings allow: if every point may be off by the largest replay spread s
    ///   (log₁₀ of the second fastest over the fastest replay at one d: how well the fastest time
    ///   reproduces), the slope between the extremes may be off by 2s/log₁₀(d_max/d_min); and points
    ///   that scatter about the fitted line (a machine whose memory bandwidth other jobs share slows
    ///   every replay at the d that leave the cache) allow twice the standard error of p. The larger
    ///   of the two is the tolerance; above ``maximumTimingTolerance`` the row is a skip (the timings
    ///   were too disturbed to decide), never a pass. A loaded machine slows some replays; the fastest
    ///   replay, the largest d and the tolerance keep it from failing a true claim, while a clean wrong
    ///   growth (d for d² or the reverse: a slope off by ≥ 0.5 from the range) fails at any tolerance
    ///   allowed.
    public static func checks(_ series: [DimensionScaling]) -> [TheoryCheck] {
        var rows: [TheoryCheck] = []
        for scaling in series where scaling.kind == "quadratic" {
            let subject = "\(scaling.family) · \(scaling.optimizerID)"
            if let fit = scaling.asymptoticIterationFit, fit.points >= 3 {
                rows.append(
                    TheoryCheck(
                        check: "iterations flat in d (d ≥ \(asymptoticDimension))", subject: subject,
                        measured: "p = " + describe(fit),
                        predicted: "p ≤ \(flatIterationSlope) (rate depends on κ only)",
                        passed: fit.slope <= flatIterationSlope))
            }
            if let row = timingCheck(scaling, subject: subject) { rows.append(row) }
        }
        return rows
    }

    /// The seconds-per-iteration row of ``checks(_:)`` (nil without three timed d ≥ ``timingDimension``).
    static func timingCheck(_ scaling: DimensionScaling, subject: String) -> TheoryCheck? {
        guard let fit = scaling.timingFit, fit.points >= 3, let rotation = scaling.rotation else { return nil }
        let used = scaling.points.filter { $0.dimension >= timingDimension && $0.secondsPerIteration != nil }
        guard let smallest = used.first?.dimension, let largest = used.last?.dimension, largest > smallest else {
            return nil
        }
        let spread = used.compactMap(\.replaySpread).max() ?? 0
        let replayTolerance = 2 * spread / log10(Double(largest) / Double(smallest))
        let scatterTolerance = fit.slopeStandardError.isFinite ? 2 * fit.slopeStandardError : 0
        let tolerance = max(replayTolerance, scatterTolerance)
        let dense = rotation == "random"
        let range = dense ? denseSecondsSlope : diagonalSecondsSlope
        let lower = range.lowerBound - tolerance, upper = range.upperBound + tolerance
        let decidable = tolerance <= maximumTimingTolerance
        return TheoryCheck(
            check: "seconds/iteration ∝ \(dense ? "d²" : "d") (d ≥ \(timingDimension), fastest replay)",
            subject: subject,
            measured: "p = " + describe(fit)
                + String(
                    format: "; two fastest replays ×%.2f apart, SE of p %.2f", pow(10, spread),
                    fit.slopeStandardError.isFinite ? fit.slopeStandardError : 0),
            predicted: String(
                format: "p in [%.2f, %.2f] (%@ ± %.2f from the timings)", lower, upper,
                dense ? "dense A·x, [1.5, 2.5]" : "axis-aligned O(d), [0.6, 1.4]", tolerance)
                + (decidable ? "" : String(format: "; skipped: tolerance above %.1f", maximumTimingTolerance)),
            passed: decidable && fit.slope >= lower && fit.slope <= upper, skipped: !decidable)
    }

    /// `0.98 [0.95, 1.01]` (the interval when there is one).
    public static func describe(_ fit: LineFit) -> String {
        String(format: "%.2f", fit.slope)
            + (fit.slopeLower.isFinite ? String(format: " [%.2f, %.2f]", fit.slopeLower, fit.slopeUpper) : "")
    }
}
