import Foundation
import Harness
import Objectives
import Randomness
import Results

/// The `gdbench bench` rows of the own-problems features: a formula Rosenbrock step beside the
/// built-in one (target ≤ 3×), the sparse logistic gradient on a generated LIBSVM set (n = 10⁵,
/// d = 10⁴, 0.1 % dense) beside scipy.sparse, and loading a generated 100 MB CSV beside
/// pandas.read_csv (targets: no slower) — the Python columns via `scripts/reference/data_timing.py`
/// when --python (or $GDBENCH_PYTHON) has scipy, scikit-learn and pandas.
struct OwnProblemsBench {
    static let names = ["formula rosenbrock", "sparse logistic", "csv load"]

    var repeats: Int
    var scale: Double
    var python: String?
    /// `--only`: the formula row, or the data-file rows (timed together), only when one of their
    /// ``names`` contains it; nil: every row.
    var only: String? = nil
    var script = "scripts/reference/data_timing.py"

    func includes(_ name: String) -> Bool { only.map(name.contains) ?? true }

    func rows(format: (Double) -> String) throws -> [[String]] {
        var rows: [[String]] = [["own problems", "size", "gdbench", "reference", "ratio", "target"]]
        if includes(Self.names[0]) { rows.append(try formulaRow(format: format)) }
        guard includes(Self.names[1]) || includes(Self.names[2]) else { return rows }
        try dataRows(format: format, into: &rows)
        return rows
    }

    /// Formula Rosenbrock against the built-in, same optimizer and start.
    func formulaRow(format: (Double) -> String) throws -> [String] {
        let iterations = max(1000, Int(2_000_000 * scale))
        let builtIn = try StepBenchmark.measure(
            StepWorkload(
                name: "rosenbrock", problem: "{kind: rosenbrock}", optimizer: "{kind: sgd, lr: 1e-3}",
                iterations: iterations,
                targetNanoseconds: nil, referenceKey: nil), repeats: repeats)
        let formula = try StepBenchmark.measure(
            StepWorkload(
                name: "formula",
                problem: "{kind: formula, f: \"100*(y - x^2)^2 + (1 - x)^2\", variables: [x, y], "
                    + "start: [-1.2, 1], minimum: 0}", optimizer: "{kind: sgd, lr: 1e-3}", iterations: iterations,
                targetNanoseconds: nil, referenceKey: nil), repeats: repeats)
        return [
            "formula rosenbrock · sgd step (reference: built-in rosenbrock)", "d = 2",
            format(formula.replayNanoseconds), format(builtIn.replayNanoseconds),
            String(format: "%.2f", formula.replayNanoseconds / builtIn.replayNanoseconds), "≤ 3",
        ]
    }

    /// The sparse logistic gradient, LIBSVM and CSV loads on generated files (the Python columns when
    /// a Python with scipy, scikit-learn and pandas is given).
    func dataRows(format: (Double) -> String, into rows: inout [[String]]) throws {
        // Generated data files.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gdbench-bench-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let libsvm = directory.appendingPathComponent("sparse.svm").path
        let csv = directory.appendingPathComponent("dense.csv").path
        let n = max(1000, Int(100_000 * scale)), d = 10_000, perRow = 10
        try Self.writeSparse(path: libsvm, rows: n, columns: d, perRow: perRow)
        let csvRows = max(1000, Int(1_000_000 * scale))
        try Self.writeCSV(path: csv, rows: csvRows, columns: 10)
        let referenceColumn = referenceTimes(libsvm: libsvm, csv: csv)
        let reference = try? referenceColumn.get()

        let loadStart = DispatchTime.now().uptimeNanoseconds
        let table = try DataFileReader.read(libsvm)
        let loadSeconds = Double(DispatchTime.now().uptimeNanoseconds - loadStart) / 1e9
        guard case .sparse(let matrix) = table.storage else {
            throw InputError("the generated LIBSVM file read as dense")
        }
        let labels = try table.binaryLabels()
        let problem = SparseFiniteSum(
            matrix: matrix, targets: labels, loss: .logistic, lambda: 1e-3, solvesConstants: false)
        let w = (0..<d).map { -1e-3 + 2e-3 * Double($0) / Double(d - 1) }
        var gradient = [Double](repeating: 0, count: d)
        let gradientSeconds = Self.median(repeats: max(3, repeats)) { problem.gradient(at: w, into: &gradient) }
        let shape = "n = \(n), d = \(d), \(matrix.values.count) non-zeros"
        rows.append([
            "sparse logistic gradient (reference: scipy.sparse X@w, Xᵀc)", shape, format(gradientSeconds * 1e9),
            reference?.sparseGradient.map { format($0 * 1e9) } ?? "–",
            reference?.sparseGradient.map { String(format: "%.2f", gradientSeconds / $0) } ?? "–", "≤ 1",
        ])
        rows.append([
            "LIBSVM load (reference: sklearn load_svmlight_file)", shape, format(loadSeconds * 1e9),
            reference?.libsvmLoad.map { format($0 * 1e9) } ?? "–",
            reference?.libsvmLoad.map { String(format: "%.2f", loadSeconds / $0) } ?? "–", "",
        ])

        let bytes = (try? FileManager.default.attributesOfItem(atPath: csv)[.size] as? Int) ?? 0
        let csvSeconds = Self.median(repeats: max(1, min(repeats, 3))) { _ = try? DataFileReader.read(csv) }
        rows.append([
            "CSV load (reference: pandas.read_csv)", String(format: "%.0f MB, %d × 11", Double(bytes) / 1e6, csvRows),
            format(csvSeconds * 1e9), reference?.csvLoad.map { format($0 * 1e9) } ?? "–",
            reference?.csvLoad.map { String(format: "%.2f", csvSeconds / $0) } ?? "–", "≤ 1",
        ])
        switch referenceColumn {
        case .success(let reference):
            rows.append(["python references: " + reference.versions.joined(separator: ", "), "", "", "", "", ""])
        case .failure(let absence): rows.append(["python references: " + absence.reason, "", "", "", "", ""])
        }
    }

    static func median(repeats: Int, _ body: () -> Void) -> Double {
        var times: [Double] = []
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return Median.of(times)
    }

    /// `rows` LIBSVM lines with `perRow` distinct seeded columns each, values N(0, 1), labels ±1 (seeded).
    static func writeSparse(path: String, rows: Int, columns: Int, perRow: Int) throws {
        var generator = Xoshiro256StarStar(seed: 14)
        var text = ""
        text.reserveCapacity(rows * perRow * 16)
        for _ in 0..<rows {
            var picked = Set<Int>()
            while picked.count < perRow { picked.insert(generator.nextInt(below: columns) + 1) }
            text += generator.nextDouble(in: 0, 1) < 0.5 ? "-1" : "+1"
            for column in picked.sorted() { text += " \(column):\(String(format: "%.6g", generator.nextGaussian()))" }
            text += "\n"
        }
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    /// A header and `rows` rows of `columns` seeded features (about 9 characters each) and a 0/1 label.
    static func writeCSV(path: String, rows: Int, columns: Int) throws {
        var generator = Xoshiro256StarStar(seed: 15)
        guard
            let handle = FileHandle(forWritingAtPath: path)
                ?? {
                    FileManager.default.createFile(atPath: path, contents: nil)
                    return FileHandle(forWritingAtPath: path)
                }()
        else { throw InputError("cannot write \(path)") }
        defer { try? handle.close() }
        var text = (0..<columns).map { "x\($0)" }.joined(separator: ",") + ",label\n"
        for row in 0..<rows {
            for _ in 0..<columns { text += String(format: "%.6f,", generator.nextGaussian()) }
            text += row % 2 == 0 ? "0\n" : "1\n"
            if text.utf8.count > 1 << 20 {
                handle.write(Data(text.utf8))
                text = ""
            }
        }
        handle.write(Data(text.utf8))
    }

    /// `scripts/reference/data_timing.py`'s reply; a column is nil where its package is missing.
    struct ReferenceTimes: Decodable {
        var sparseGradient: Double?
        var libsvmLoad: Double?
        var csvLoad: Double?
        var versions: [String]
        enum CodingKeys: String, CodingKey {
            case sparseGradient = "sparse_gradient_seconds"
            case libsvmLoad = "libsvm_load_seconds"
            case csvLoad = "csv_load_seconds"
            case versions
        }
    }

    func referenceTimes(libsvm: String, csv: String) -> Result<ReferenceTimes, PythonReferenceScript.Absence> {
        PythonReferenceScript(
            python: PythonReferenceScript.python(given: python), script: script,
            arguments: [libsvm, csv, "0.001", String(max(3, repeats))], needs: "scipy, scikit-learn and pandas"
        ).run(as: ReferenceTimes.self)
    }
}
