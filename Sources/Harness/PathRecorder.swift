import Results

/// Collects the iterates of a run on a 2-D problem during the monitored pass (so it is neither
/// counted nor timed), for the ``TrajectoryFile`` sidecar that trajectory figures draw.
///
/// Every iterate up to iteration ``everyIterationUpTo`` (1000) is kept; after that only the
/// log-spaced trace iterations and the last iterate, so a long run's file stays small (about
/// 1000 + `tracePoints` lines) while the early steps, where paths differ, are exact. f is evaluated
/// on the objective directly (one value per stored point, 2-D so cheap). Inactive (stores nothing)
/// for other dimensions.
struct PathRecorder {
    static let everyIterationUpTo = 1000

    let isActive: Bool
    private(set) var points: [TrajectoryFile.Point] = []

    init(dimension: Int) {
        isActive = dimension == 2
        if isActive { points.reserveCapacity(PathRecorder.everyIterationUpTo + 1) }
    }

    /// Whether iteration `iteration` is stored (`atTraceMark`: it is one of the trace iterations).
    func wants(_ iteration: Int, atTraceMark: Bool) -> Bool {
        isActive && (iteration <= PathRecorder.everyIterationUpTo || atTraceMark)
    }

    mutating func append(_ iteration: Int, _ x: [Double], value: Double) {
        guard isActive, x.count == 2, points.last?.iteration != iteration else { return }
        points.append(TrajectoryFile.Point(iteration: iteration, x: x[0], y: x[1], value: value))
    }
}
