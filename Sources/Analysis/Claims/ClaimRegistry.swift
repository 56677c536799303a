/// The claims of every shipped suite, by suite name: the one place a suite registers what its
/// description in suites/README.md states (`gdbench report` checks them; a test runs every suite and
/// requires them to hold). A new suite adds its `…Claims.swift` file beside these and one line here.
public enum ClaimRegistry {
    public static let bySuite: [String: [Claim]] = [
        "smoke": SmokeClaims.all,
        "conditioning": ConditioningClaims.all,
        "rosenbrock": RosenbrockClaims.all,
        "saddles": SaddleClaims.all,
        "trajectories": TrajectoryClaims.all,
        "logistic": LogisticClaims.all,
        "schedules": ScheduleClaims.all,
        "learning-rate": LearningRateClaims.all,
        "batch-size": BatchSizeClaims.all,
        "dimension": DimensionClaims.all,
        "own-problems": OwnProblemClaims.all,
        "external": ExternalClaims.all,
        "deep-learning": DeepLearningSuiteClaims.all,
        "online": OnlineClaims.all,
        "convex": ConvexClaims.all,
    ]

    /// The claims of the suite the records come from (its manifest, else the records' suite name).
    public static func claims(for results: ResultSet) -> [Claim] {
        guard let suite = results.manifest?.suite ?? results.records.first?.suite else { return [] }
        return bySuite[suite] ?? []
    }

    /// Every claim of the records' suite, checked.
    public static func evaluate(_ results: ResultSet) -> [ClaimResult] {
        claims(for: results).map { ClaimResult(statement: $0.statement, outcome: $0.check(results)) }
    }
}
