import Foundation
import Harness

extension BenchCommand {
    /// The construction table: gdbench's seconds per construction step beside numpy/scipy's on one
    /// thread (`scripts/reference/construction_timing.py`, when `python` has numpy and scipy), and the
    /// ratio, whose target is ≤ 2; then the finite-sum instances (``FiniteSumConstructionBenchmark``,
    /// `scripts/reference/finite_sum_construction_timing.py`). All in CPU seconds of the timing thread.
    func printConstruction(dimensions: [Int], finiteSums: [FiniteSumConstructionBenchmark.Case], python: String?) {
        guard !dimensions.isEmpty || !finiteSums.isEmpty else { return }
        let dimensions = dimensions.filter { d in
            only.map { text in ConstructionBenchmark.keys(dimensions: [d]).contains { $0.contains(text) } } ?? true
        }
        var versions: String?
        var absence: PythonReferenceScript.Absence?
        /// The numpy/scipy seconds of `script` run with `arguments`, remembering why there are none.
        func numpyTimes(_ script: String, _ arguments: [String]) -> ConstructionReference? {
            let result = PythonReferenceScript(
                python: python, script: script, arguments: arguments, needs: "numpy and scipy"
            ).run(as: ConstructionReference.self)
            switch result {
            case .success(let reference):
                versions = versions ?? reference.versions
                return reference
            case .failure(let reason):
                absence = absence ?? reason
                return nil
            }
        }
        var rows: [[String]] = [["construction (one thread)", "gdbench", "numpy/scipy", "gdbench/numpy", "target"]]
        for d in dimensions {
            // numpy first, then gdbench, dimension by dimension: the two columns see the same machine load.
            let reference = numpyTimes("scripts/reference/construction_timing.py", ["\(d)"])
            for row in ConstructionBenchmark.measure(dimension: d) where only.map(row.key.contains) ?? true {
                let numpy = reference?.seconds[row.key]
                rows.append([
                    row.description, String(format: "%.3g s", row.seconds),
                    numpy.map { String(format: "%.3g s", $0) } ?? "–",
                    numpy.map { String(format: "%.2f", row.seconds / $0) } ?? "–", "≤ 2",
                ])
            }
        }
        for benchmarkCase in finiteSums where only.map(benchmarkCase.key.contains) ?? true {
            let reference = numpyTimes("scripts/reference/finite_sum_construction_timing.py", [benchmarkCase.key])
            let numpy = reference?.seconds[benchmarkCase.key]
            do {
                let row = try FiniteSumConstructionBenchmark.measure(benchmarkCase)
                rows.append([
                    row.description, String(format: "%.3g s", row.seconds),
                    numpy.map { String(format: "%.3g s", $0) } ?? "–",
                    numpy.map { String(format: "%.2f", row.seconds / $0) } ?? "–", "≤ 2",
                ])
            } catch {
                rows.append([benchmarkCase.key + ": \(error)", "–", "–", "–", "≤ 2"])
            }
        }
        print()
        print(table(rows), terminator: "")
        if let versions {
            print(
                "numpy/scipy column: \(versions); both columns the best of their repeats "
                    + "(CPU time of the timing thread)")
        } else if let absence {
            print("numpy/scipy column: \(absence.reason)")
        }
    }

    struct ConstructionReference: Decodable {
        var seconds: [String: Double]
        var versions: String
    }
}
