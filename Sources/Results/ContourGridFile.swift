import Foundation

/// Objective values of a 2-D problem on a rectangular grid, a sidecar of the run directory that
/// trajectory figures draw contours from (Figures never evaluates an objective; the harness writes
/// this once per 2-D problem instance).
///
/// File `contours/<TrajectoryFile.fileStem(problem id)>.dat`, in gnuplot's grid layout (`splot`
/// reads it directly: one block per x value, blocks separated by one blank line):
/// ```
/// # gdbench contour grid v1
/// # problem rosenbrock
/// # minimum 1 1
/// # x y f
/// -2 -1 3609
/// -2 -0.5 ...
///
/// -1.9 -1 ...
/// ```
/// `# minimum x y` lines (any number) mark the known minimisers. Every block has the same y values.
public struct ContourGridFile: Sendable, Equatable {
    public var problemID: String
    /// Grid abscissae, increasing.
    public var xs: [Double]
    /// Grid ordinates, increasing.
    public var ys: [Double]
    /// `values[i][j]` = f(xs[i], ys[j]).
    public var values: [[Double]]
    /// Known minimisers (x, y).
    public var minima: [[Double]]

    public init(problemID: String, xs: [Double], ys: [Double], values: [[Double]], minima: [[Double]]) {
        self.problemID = problemID
        self.xs = xs
        self.ys = ys
        self.values = values
        self.minima = minima
    }

    public static let folderName = "contours"

    public static func url(problemID: String, in runDirectory: URL) -> URL {
        runDirectory.appendingPathComponent(folderName)
            .appendingPathComponent(TrajectoryFile.fileStem(problemID) + ".dat")
    }

    /// `count` evenly spaced values from `lower` to `upper` inclusive (a grid axis).
    public static func axis(from lower: Double, to upper: Double, count: Int) -> [Double] {
        guard count > 1 else { return [lower] }
        return (0..<count).map { lower + (upper - lower) * Double($0) / Double(count - 1) }
    }

    /// The grid of `evaluate(x, y)` on `count` × `count` points over the box (what the harness writes;
    /// the objective is evaluated here, no optimizer runs).
    public static func sampling(
        problemID: String, x: ClosedRange<Double>, y: ClosedRange<Double>, count: Int, minima: [[Double]],
        evaluate: (Double, Double) -> Double
    ) -> ContourGridFile {
        let xs = axis(from: x.lowerBound, to: x.upperBound, count: count)
        let ys = axis(from: y.lowerBound, to: y.upperBound, count: count)
        return ContourGridFile(
            problemID: problemID, xs: xs, ys: ys, values: xs.map { px in ys.map { py in evaluate(px, py) } },
            minima: minima)
    }

    /// A box around the finite points of the paths and the minima, widened by `margin` × its size on
    /// each side (and to at least ±0.5 around a single point); nil when there is no finite point.
    public static func bounds(paths: [TrajectoryFile], minima: [[Double]], margin: Double = 0.1)
        -> (x: ClosedRange<Double>, y: ClosedRange<Double>)?
    {
        var points = paths.flatMap { $0.points.map { [$0.x, $0.y] } }
        points += minima.filter { $0.count == 2 }
        let finite = points.filter { $0[0].isFinite && $0[1].isFinite }
        guard let first = finite.first else { return nil }
        var low = first
        var high = first
        for point in finite {
            low = [min(low[0], point[0]), min(low[1], point[1])]
            high = [max(high[0], point[0]), max(high[1], point[1])]
        }
        func widen(_ a: Double, _ b: Double) -> ClosedRange<Double> {
            let pad = max((b - a) * margin, b == a ? 0.5 : 0)
            return (a - pad)...(b + pad)
        }
        return (widen(low[0], high[0]), widen(low[1], high[1]))
    }

    public var text: String {
        var text = "# gdbench contour grid v1\n# problem \(problemID)\n"
        for minimum in minima where minimum.count == 2 { text += "# minimum \(minimum[0]) \(minimum[1])\n" }
        text += "# x y f\n"
        for (i, x) in xs.enumerated() {
            if i > 0 { text += "\n" }
            for (j, y) in ys.enumerated() { text += "\(x) \(y) \(values[i][j])\n" }
        }
        return text
    }

    public func write(in runDirectory: URL) throws {
        let url = ContourGridFile.url(problemID: problemID, in: runDirectory)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicFile.write(text, to: url)
    }

    /// Parses a grid file; `source` names it in errors.
    public init(parsing text: String, source: String) throws {
        var problemID: String?
        var minima: [[Double]] = []
        var blocks: [[(x: Double, y: Double, f: Double)]] = [[]]
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                if !(blocks.last?.isEmpty ?? true) { blocks.append([]) }
                continue
            }
            if trimmed.hasPrefix("# problem ") {
                problemID = String(trimmed.dropFirst(10))
            } else if trimmed.hasPrefix("# minimum ") {
                let fields = trimmed.dropFirst(10).split(separator: " ")
                guard fields.count == 2, let x = SidecarNumber.parse(fields[0]), let y = SidecarNumber.parse(fields[1])
                else {
                    throw ResultsError("\(source):\(index + 1): expected `# minimum x y`, found `\(trimmed)`")
                }
                minima.append([x, y])
            } else if !trimmed.hasPrefix("#") {
                let fields = trimmed.split(separator: " ")
                guard fields.count == 3, let x = SidecarNumber.parse(fields[0]), let y = SidecarNumber.parse(fields[1]),
                    let f = SidecarNumber.parse(fields[2])
                else {
                    throw ResultsError("\(source):\(index + 1): expected `x y f`, found `\(trimmed)`")
                }
                blocks[blocks.count - 1].append((x, y, f))
            }
        }
        if blocks.last?.isEmpty ?? false { blocks.removeLast() }
        guard let problemID else {
            throw ResultsError("\(source): no `# problem <id>` line (not a gdbench contour grid)")
        }
        guard let first = blocks.first, !first.isEmpty else { throw ResultsError("\(source): the grid is empty") }
        let ys = first.map(\.y)
        for (index, block) in blocks.enumerated() where block.map(\.y) != ys {
            throw ResultsError("\(source): block \(index + 1) has other y values than block 1 (not a rectangular grid)")
        }
        self.init(
            problemID: problemID, xs: blocks.map { $0[0].x }, ys: ys, values: blocks.map { $0.map(\.f) }, minima: minima
        )
    }

    public static func read(problemID: String, in runDirectory: URL) throws -> ContourGridFile? {
        let url = ContourGridFile.url(problemID: problemID, in: runDirectory)
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return try ContourGridFile(parsing: String(decoding: data, as: UTF8.self), source: url.path)
    }
}
