import Results

/// The claims of the `dimension` suite (suites/README.md): the rows of ``DimensionScaling/checks(_:)``
/// (iterations flat in d at fixed κ; seconds per iteration ∝ d² dense, ∝ d axis-aligned), one claim
/// each, decided by every row of its kind; a skipped row (timings too disturbed) leaves it untested.
enum DimensionClaims {
    static let all: [Claim] = [
        claim(
            "On the fixed-κ quadratics the iterations to the target do not grow with d.",
            rows: "iterations flat in d"),
        claim(
            "Seconds per iteration grow like d² when the Hessian is dense (rotated).",
            rows: "seconds/iteration ∝ d²"),
        claim(
            "Seconds per iteration grow like d when the Hessian is diagonal (axis-aligned).",
            rows: "seconds/iteration ∝ d "),
    ]

    static func claim(_ statement: String, rows prefix: String) -> Claim {
        Claim(statement) { results in
            let series = DimensionScaling.all(results, targetIndex: results.lastTargetIndex)
            let rows = DimensionScaling.checks(series).filter { ($0.check + " ").hasPrefix(prefix) }
            guard !rows.isEmpty else {
                return .missing("quadratic series with three dimensions ≥ \(DimensionScaling.asymptoticDimension)")
            }
            // A timing row too noisy to decide is a skip (untested), never a pass.
            return .all(
                rows.map { row in
                    row.skipped
                        ? ClaimOutcome(.untested, "\(row.subject): \(row.measured)")
                        : .when(row.passed, "\(row.subject): \(row.measured)")
                })
        }
    }
}
