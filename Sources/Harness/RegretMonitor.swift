import LinearAlgebra
import Objectives

/// The regret of a run on an ``OnlineObjective``, kept by the monitored pass: before each iteration t
/// (0-based round) it adds f_t(x_t) at the point the learner plays, and at a trace point after T
/// iterations it returns R_T = Σ_{t<T} f_t(x_t) − min_{x∈K} Σ_{t<T} f_t(x), the comparator computed
/// exactly by the problem. Monitoring: nothing here goes through the oracle, so nothing is counted.
/// Inactive (and free) for every other objective; the run then stops after T iterations at the latest.
struct RegretMonitor {
    let stream: (any OnlineObjective)?
    var played = CompensatedSum()
    var warmStart: [Double]

    init<O: Objective>(_ objective: O) {
        stream = objective as? any OnlineObjective
        warmStart = [Double](repeating: 0, count: objective.dimension)
    }

    /// The rounds of the stream (Int.max when inactive): a run cannot play more.
    var roundLimit: Int { stream?.rounds ?? Int.max }

    /// Adds f_t(x_t) for round `round` (0-based), the loss of the point played.
    mutating func play(round: Int, at x: [Double]) {
        guard let stream, round < stream.rounds else { return }
        played.add(stream.roundLoss(round, at: x))
    }

    /// R_T after `rounds` rounds; nil when inactive.
    mutating func regret(after rounds: Int) -> Double? {
        guard let stream else { return nil }
        guard rounds > 0 else { return 0 }
        return played.value - stream.comparator(rounds: min(rounds, stream.rounds), warmStart: &warmStart).value
    }
}
