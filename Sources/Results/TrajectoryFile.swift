import Foundation

/// The path of one run on a 2-D problem, a sidecar of the run directory that trajectory figures
/// read (the record's trace holds only fingerprints, not iterates).
///
/// File `paths/<fileStem(record id)>.dat` in the run directory, UTF-8, one iterate per line:
/// ```
/// # gdbench path v1
/// # run quadratic[d=2,kappa=10]/sgd[lr=0.1]/rep=0
/// # iteration x y f
/// 0 1 1 5.5
/// 1 0.9 0.1 0.455
/// ```
/// Numbers are written in shortest round-trip form (`"\(Double)"`), so a file read back has the
/// same bits; `nan`/`inf`/`-inf` are allowed. The harness (`PathRecorder` in Harness) writes
/// every iterate of a 2-D run up to iteration 1000, then the log-spaced trace iterations and the last.
public struct TrajectoryFile: Sendable, Equatable {
    /// One iterate: its index, coordinates and objective value.
    public struct Point: Sendable, Equatable {
        public var iteration: Int
        public var x: Double
        public var y: Double
        public var value: Double

        public init(iteration: Int, x: Double, y: Double, value: Double) {
            self.iteration = iteration
            self.x = x
            self.y = y
            self.value = value
        }
    }

    public var runID: String
    public var points: [Point]

    public init(runID: String, points: [Point]) {
        self.runID = runID
        self.points = points
    }

    /// The folder of path files inside a run directory.
    public static let folderName = "paths"

    /// `paths/<stem>.dat` for a run id inside `runDirectory`.
    public static func url(runID: String, in runDirectory: URL) -> URL {
        runDirectory.appendingPathComponent(folderName).appendingPathComponent(fileStem(runID) + ".dat")
    }

    /// A file name for an id, reversible and so collision-free: ASCII letters, digits and
    /// `. _ = , [ ] -` are kept; every other byte (`/`, spaces, `~`, non-ASCII) becomes `~XX`
    /// (upper-case hex). `quadratic[d=2]/sgd[lr=0.1]/rep=0` → `quadratic[d=2]~2Fsgd[lr=0.1]~2Frep=0`.
    public static func fileStem(_ id: String) -> String {
        var stem = ""
        for byte in id.utf8 {
            let scalar = Unicode.Scalar(byte)
            let kept =
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || ".,_=[]-".unicodeScalars.contains(scalar)
            if kept {
                stem.unicodeScalars.append(scalar)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                stem += "~" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return stem
    }

    public var text: String {
        var text = "# gdbench path v1\n# run \(runID)\n# iteration x y f\n"
        for point in points {
            text += "\(point.iteration) \(point.x) \(point.y) \(point.value)\n"
        }
        return text
    }

    public func write(in runDirectory: URL) throws {
        let url = TrajectoryFile.url(runID: runID, in: runDirectory)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicFile.write(text, to: url)
    }

    /// Parses the text of a path file; `source` names it in errors.
    public init(parsing text: String, source: String) throws {
        var runID: String?
        var points: [Point] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            if trimmed.hasPrefix("#") {
                if trimmed.hasPrefix("# run ") { runID = String(trimmed.dropFirst(6)) }
                continue
            }
            let fields = trimmed.split(separator: " ")
            guard fields.count == 4, let iteration = Int(fields[0]), let x = SidecarNumber.parse(fields[1]),
                let y = SidecarNumber.parse(fields[2]), let value = SidecarNumber.parse(fields[3])
            else {
                throw ResultsError("\(source):\(index + 1): expected `iteration x y f`, found `\(trimmed)`")
            }
            points.append(Point(iteration: iteration, x: x, y: y, value: value))
        }
        guard let runID else { throw ResultsError("\(source): no `# run <id>` line (not a gdbench path file)") }
        self.init(runID: runID, points: points)
    }

    /// The path of `runID` in `runDirectory`, or nil when the run wrote none.
    public static func read(runID: String, in runDirectory: URL) throws -> TrajectoryFile? {
        let url = TrajectoryFile.url(runID: runID, in: runDirectory)
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return try TrajectoryFile(parsing: String(decoding: data, as: UTF8.self), source: url.path)
    }
}
