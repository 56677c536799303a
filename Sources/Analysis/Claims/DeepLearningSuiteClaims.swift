import Results

/// The claims of the `deep-learning` suite (suites/README.md): its runs finish, and every claim of the
/// notes (``DeepLearningClaims``) finds its runs and gets numbers and a verdict — the verdicts
/// themselves are whatever the runs give (report.md's section "Deep-learning claims").
enum DeepLearningSuiteClaims {
    static let all: [Claim] = [
        Claim("Every run finishes without an error status.") { results in
            guard !results.records.isEmpty else { return .missing("runs") }
            let errors = results.records.filter { $0.status == .error }.count
            return .when(errors == 0, "\(results.records.count) runs, \(errors) with status error")
        },
        Claim("Every claim of the notes is measured: its runs are in the suite and it gets a median and a verdict.") {
            results in
            let outcomes = DeepLearningClaims.all.map { ($0.statement, $0.evaluate(results.records)) }
            let missing = outcomes.filter { $0.1 == nil }.map(\.0)
            return .when(
                missing.isEmpty,
                "\(outcomes.count - missing.count)/\(outcomes.count) measured"
                    + (missing.isEmpty ? "" : "; without runs: " + missing.joined(separator: "; ")))
        },
    ]
}
