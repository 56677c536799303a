import Results

/// The claims of the `smoke` suite (suites/README.md): the pipeline works; the numbers mean little.
enum SmokeClaims {
    static let all: [Claim] = [
        Claim("Every run of the pipeline check finishes without an error status.") { results in
            guard !results.records.isEmpty else { return .missing("runs") }
            let errors = results.records.filter { $0.status == .error }.count
            return .when(errors == 0, "\(results.records.count) runs, \(errors) with status error")
        },
        Claim("L-BFGS reaches the last target on every problem, full batch and mini-batch.") { results in
            let runs = results.runs(optimizer: "lbfgs")
            guard !runs.isEmpty else { return .missing("lbfgs") }
            let hits = ResultSet.successes(runs)
            return .when(hits == runs.count, "lbfgs hit \(hits)/\(runs.count)")
        },
    ]
}
