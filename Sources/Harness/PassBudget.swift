import Objectives

/// The budget of a monitored pass in the units the loop checks before each iteration: iterations
/// (max-iterations and, for mini-batch runs, max-epochs), row gradients (max-epochs of a finite
/// sum) and gradient evaluations.
struct PassBudget {
    /// The iteration budget implied by max-iterations, for mini-batch runs max-epochs, and for online
    /// runs the stream's rounds.
    let iterations: Int
    /// Row gradients of max-epochs on a finite sum; nil without one. Saturating: a budget built in
    /// code may exceed what validate accepts from a suite file.
    let rows: Int?
    /// max-gradient-evaluations. Checked against the oracle's count; it bounds the trace spacing too,
    /// as at least one gradient per iteration is the common case.
    let gradients: Int?

    /// `rounds`: the stream's T on an online problem (``RegretMonitor/roundLimit``), else `Int.max`.
    init(_ settings: RunSettings, sampleCount: Int?, batchSize: Int?, rounds: Int = .max) {
        var limit = settings.budget.maxIterations
        if let n = sampleCount, let epochs = settings.budget.maxEpochs {
            let perEpoch = batchSize.map { (n + $0 - 1) / $0 } ?? 1
            let fromEpochs = (epochs * Double(perEpoch)).rounded(.up)
            if fromEpochs < Double(limit) { limit = max(1, Int(fromEpochs)) }
        }
        iterations = min(limit, rounds)
        rows = sampleCount.flatMap { n in
            settings.budget.maxEpochs.map { Int(min(($0 * Double(n)).rounded(.up), 1e18)) }
        }
        gradients = settings.budget.maxGradientEvaluations
    }

    /// Whether no further iteration may start after `iteration` iterations (the oracle's counts are
    /// read only for the budgets that are set).
    @inline(__always)
    func isSpent(iteration: Int, oracle: Oracle) -> Bool {
        if iteration >= iterations { return true }
        if let rows, oracle.counts.rowGradients >= rows { return true }
        if let gradients, oracle.counts.gradientEvaluations >= gradients { return true }
        return false
    }
}
