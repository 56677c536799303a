import Foundation

/// The iterates of one run at its trace checkpoints, for any dimension (`record-iterates: true`):
/// a binary sidecar `iterates/<fileStem(run id)>.f64` of the run directory, so a run can be replayed
/// or analysed elsewhere without rounding.
///
/// Layout, all little-endian:
/// ```
/// bytes 0..<8    magic "GDBITER1"
/// bytes 8..<16   d (UInt64)
/// bytes 16..<24  m, the number of iterates (UInt64)
/// then m records of 8·(d + 1) bytes: the iteration (UInt64), then x₁ … x_d (IEEE 754 binary64)
/// ```
/// The iterations are those of the record's `trace` (same order). Python reader (numpy):
/// ```
/// import numpy as np
/// def read_iterates(path):
///     head = np.fromfile(path, dtype="<u8", count=3)
///     assert head[0].tobytes() == b"GDBITER1"
///     d = int(head[1])
///     rows = np.fromfile(path, dtype=[("iteration", "<u8"), ("x", "<f8", (d,))], offset=24)
///     return rows["iteration"], rows["x"]
/// ```
/// (also `scripts/read_iterates.py`). Swift: ``IterateFile/init(contentsOf:)``.
public struct IterateFile: Sendable, Equatable {
    public static let magic = Array("GDBITER1".utf8)
    public static let folderName = "iterates"

    public var runID: String
    public var dimension: Int
    public var iterations: [Int]
    /// Row-major m × d.
    public var values: [Double]

    public init(runID: String, dimension: Int, iterations: [Int], values: [Double]) {
        precondition(values.count == iterations.count * dimension, "IterateFile: values must hold m × d numbers")
        self.runID = runID
        self.dimension = dimension
        self.iterations = iterations
        self.values = values
    }

    /// The k-th stored iterate.
    public func iterate(_ k: Int) -> ArraySlice<Double> { values[(k * dimension)..<((k + 1) * dimension)] }

    /// `iterates/<stem>.f64` inside `runDirectory`.
    public static func url(runID: String, in runDirectory: URL) -> URL {
        runDirectory.appendingPathComponent(folderName).appendingPathComponent(TrajectoryFile.fileStem(runID) + ".f64")
    }

    public var data: Data {
        var bytes = IterateFile.magic
        bytes.reserveCapacity(24 + iterations.count * (dimension + 1) * 8)
        func append(_ word: UInt64) { withUnsafeBytes(of: word.littleEndian) { bytes.append(contentsOf: $0) } }
        append(UInt64(dimension))
        append(UInt64(iterations.count))
        for (k, iteration) in iterations.enumerated() {
            append(UInt64(iteration))
            for j in 0..<dimension { append(values[k * dimension + j].bitPattern) }
        }
        return Data(bytes)
    }

    /// Writes the file atomically into `runDirectory`'s `iterates` folder.
    public func write(in runDirectory: URL) throws {
        let url = IterateFile.url(runID: runID, in: runDirectory)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicFile.write(data, to: url)
    }

    /// Reads a file written by ``write(in:)``; the run id is not stored in the file (its name holds it).
    public init(contentsOf url: URL, runID: String = "") throws {
        let data = try Data(contentsOf: url)
        func fail(_ message: String) -> ResultsError { ResultsError("\(url.path): \(message)") }
        guard data.count >= 24, Array(data.prefix(8)) == IterateFile.magic else {
            throw fail("not a gdbench iterate file (no GDBITER1 header)")
        }
        func word(_ offset: Int) -> UInt64 {
            var value: UInt64 = 0
            for k in 0..<8 { value |= UInt64(data[data.startIndex + offset + k]) << (8 * UInt64(k)) }
            return value
        }
        let d = Int(clamping: word(8)), m = Int(clamping: word(16))
        guard d >= 1, d < 1 << 40, m < 1 << 40, data.count == 24 + m * (d + 1) * 8 else {
            throw fail("the header (d = \(d), m = \(m)) does not match the file size \(data.count)")
        }
        var iterations: [Int] = []
        var values: [Double] = []
        values.reserveCapacity(m * d)
        var offset = 24
        for _ in 0..<m {
            iterations.append(Int(clamping: word(offset)))
            offset += 8
            for _ in 0..<d {
                values.append(Double(bitPattern: word(offset)))
                offset += 8
            }
        }
        self.init(runID: runID, dimension: d, iterations: iterations, values: values)
    }
}
