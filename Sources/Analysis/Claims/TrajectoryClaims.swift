import Foundation
import Results

/// The claims of the `trajectories` suite (suites/README.md), from the records and the path
/// sidecars (`paths/`, ``TrajectoryFile``) of the run directory.
enum TrajectoryClaims {
    static let all: [Claim] = [
        Claim("Newton jumps: on the narrow valley (a quadratic) it reaches the target in one step.") { results in
            let runs = results.runs(problem: "narrow-valley*", optimizer: "newton")
            guard !runs.isEmpty else { return .missing("newton on narrow-valley") }
            let ones = runs.filter { $0.targets.ladder.last?.hit?.iteration == 1 }.count
            return .when(ones == runs.count, "\(ones)/\(runs.count) runs in one iteration")
        },
        Claim(
            "GD zig-zags across the narrow valley (lr = 1.5/L): the steep coordinate changes sign at every step of "
                + "its path."
        ) { results in
            guard let path = path(results, problem: "narrow-valley*", optimizer: "sgd[lr=*") else {
                return .missing("the path of sgd on narrow-valley (paths/)")
            }
            let moves = steepCoordinate(path).prefix(12).filter { abs($0) > 1e-12 }
            let flips = zip(moves, moves.dropFirst()).filter { $0 * $1 < 0 }.count
            return .when(
                moves.count >= 4 && flips == moves.count - 1,
                "\(flips) sign changes in the first \(moves.count) recorded points")
        },
        Claim(
            "Momentum overshoots: on the narrow valley f rises at some step of its path, while GD's f falls at every "
                + "step."
        ) { results in
            guard let momentum = path(results, problem: "narrow-valley*", optimizer: "sgd[*momentum*"),
                let plain = path(results, problem: "narrow-valley*", optimizer: "sgd[lr=*")
            else { return .missing("the paths of sgd with and without momentum on narrow-valley") }
            func rises(_ path: TrajectoryFile) -> Int {
                zip(path.points, path.points.dropFirst()).filter { $1.value > $0.value }.count
            }
            return .when(
                rises(momentum) > 0 && rises(plain) == 0,
                "steps where f rises: momentum \(rises(momentum)), GD \(rises(plain))")
        },
        Claim(
            "Plain GD crawls along Rosenbrock's floor: it misses the target that momentum, Adam, L-BFGS and Newton "
                + "reach."
        ) { results in
            let gd = results.runs(problem: "rosenbrock*", optimizer: "sgd[lr=*").filter {
                !$0.optimizer.id.contains("momentum")
            }
            let others = ["sgd[*momentum*", "adam*", "lbfgs*", "newton"].flatMap {
                results.runs(problem: "rosenbrock*", optimizer: $0)
            }
            guard !gd.isEmpty, !others.isEmpty else { return .missing("GD and the others on rosenbrock") }
            return .when(
                ResultSet.successes(gd) == 0 && ResultSet.successes(others) == others.count,
                "GD hit \(ResultSet.successes(gd))/\(gd.count), the others "
                    + "\(ResultSet.successes(others))/\(others.count)")
        },
    ]

    /// The recorded path of the first run matching the globs (without momentum unless asked), from `RUN/paths/`.
    static func path(_ results: ResultSet, problem: String, optimizer: String) -> TrajectoryFile? {
        let wantsMomentum = optimizer.contains("momentum")
        guard let directory = results.directory,
            let run = results.runs(problem: problem, optimizer: optimizer)
                .first(where: { $0.optimizer.id.contains("momentum") == wantsMomentum })
        else { return nil }
        return try? TrajectoryFile.read(runID: run.id, in: directory)
    }

    /// The coordinates of a path along its steeper axis (the one it moves most along in its first step).
    static func steepCoordinate(_ path: TrajectoryFile) -> [Double] {
        guard path.points.count >= 2 else { return [] }
        let a = path.points[0], b = path.points[1]
        return abs(b.x - a.x) >= abs(b.y - a.y) ? path.points.map(\.x) : path.points.map(\.y)
    }
}
