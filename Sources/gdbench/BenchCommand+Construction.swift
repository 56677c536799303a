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
        var rows: [[String]] = [["construction (one thread)", "gdbench", "numpy/scipy", "gdbench/numpy", "target"]]
        for d in dimensions {
            // numpy first, then gdbench, dimension by dimension: the two columns see the same machine load.
            let reference = python.flatMap {
                constructionReference(
                    python: $0, script: "scripts/reference/construction_timing.py", arguments: ["\(d)"])
            }
            versions = versions ?? reference?.versions
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
            let reference = python.flatMap {
                constructionReference(
                    python: $0, script: "scripts/reference/finite_sum_construction_timing.py",
                    arguments: [benchmarkCase.key])
            }
            versions = versions ?? reference?.versions
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
        } else {
            print("numpy/scipy column: no Python with numpy and scipy found (--python PATH or GDBENCH_PYTHON).")
        }
    }

    struct ConstructionReference: Decodable {
        var seconds: [String: Double]
        var versions: String
    }

    func constructionReference(python: String, script: String, arguments: [String]) -> ConstructionReference? {
        guard FileManager.default.fileExists(atPath: script) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script] + arguments
        let output = Pipe()
        process.standardOutput = output
        do { try process.run() } catch {
            FileHandle.standardError.write(Data("warning: could not start \(python): \(error)\n".utf8))
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
            let times = try? JSONDecoder().decode(ConstructionReference.self, from: data)
        else {
            FileHandle.standardError.write(
                Data("warning: \(script) failed (exit \(process.terminationStatus)); no numpy column\n".utf8))
            return nil
        }
        return times
    }
}
