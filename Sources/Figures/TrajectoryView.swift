import Results

extension TrajectoryFigure {
    /// The box a trajectory figure shows (the contour grid's), and paths clipped to it.
    struct View {
        var xMin, xMax, yMin, yMax: Double

        init(xs: [Double], ys: [Double]) {
            xMin = xs.first ?? 0
            xMax = xs.last ?? 1
            yMin = ys.first ?? 0
            yMax = ys.last ?? 1
        }

        /// Equal x and y scales keep the function's aspect; beyond 4:1 they would squeeze the plot.
        var equalScales: Bool {
            let ratio = (yMax - yMin) / max(xMax - xMin, .leastNonzeroMagnitude)
            return ratio >= 0.25 && ratio <= 4
        }

        func contains(_ x: Double, _ y: Double) -> Bool {
            x.isFinite && y.isFinite && x >= xMin && x <= xMax && y >= yMin && y <= yMax
        }

        /// The points up to the first one outside the box, and where the segment to it crosses the
        /// edge (nil when the path stays inside). A non-finite point leaves at the last finite one.
        func clip(_ points: [TrajectoryFile.Point]) -> (points: [TrajectoryFile.Point], exit: TrajectoryFile.Point?) {
            guard let outside = points.firstIndex(where: { !contains($0.x, $0.y) }) else { return (points, nil) }
            let kept = Array(points[..<outside])
            guard let last = kept.last else { return ([], points.first) }
            let next = points[outside]
            guard next.x.isFinite, next.y.isFinite else { return (kept, last) }
            // Largest t in [0, 1] keeping last + t·(next − last) inside the box.
            var t = 1.0
            let dx = next.x - last.x, dy = next.y - last.y
            if dx > 0 { t = min(t, (xMax - last.x) / dx) }
            if dx < 0 { t = min(t, (xMin - last.x) / dx) }
            if dy > 0 { t = min(t, (yMax - last.y) / dy) }
            if dy < 0 { t = min(t, (yMin - last.y) / dy) }
            let exit = TrajectoryFile.Point(
                iteration: next.iteration, x: last.x + t * dx, y: last.y + t * dy, value: last.value)
            return (kept + [exit], exit)
        }
    }
}
