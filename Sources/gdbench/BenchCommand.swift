import ArgumentParser
import Foundation
import Harness

/// `gdbench bench`: the performance figures of the harness — nanoseconds per iteration for the
/// workloads of the performance targets (``StepWorkload/standard``), for every optimizer and every
/// schedule of the catalog (``StepWorkload/everyOptimizer``, ``StepWorkload/everySchedule``, with
/// evaluations per iteration), the external protocol's round trip per language (``ProtocolBenchmark``),
/// the harness overhead per run, the peak memory of `gdbench run` child
/// processes on 500 and 5 000 runs (flat in the number of runs), and suite wall times — and, when a
/// Python with jax and optax is found, the same workloads timed by `scripts/reference/jax_timing.py`
/// in the same run, printed as ratios (Swift time / jax time). The GD, heavy-ball and Adam rows are also
/// shown as a ratio to a hand-written Swift loop of the same update (``ReferenceLoop``; target ≤ 1.5), beside
/// the same loop with its vectors in memory and over arrays with the gradient called through `any Objective`.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract:
            "Time the harness: ns per step of every optimizer, overhead per run, memory, suite wall times (and jax, "
            + "when installed).",
        discussion: """
            Build with `swift build -c release` first; a debug build's times mean nothing. Times are medians over \
            --repeats replays; the spread column is (max − min)/median, a measure of how noisy the machine was.
            The jax column needs a Python with jax and optax (scripts/reference/requirements.txt): pass --python, \
            or set GDBENCH_PYTHON; without one the Swift figures are printed alone.
            Examples:
              gdbench bench
              gdbench bench --suites smoke --repeats 7
              gdbench bench --suites none --python .venv-reference/bin/python
              gdbench bench --only rosenbrock --no-every-optimizer --suites none
              gdbench bench --only protocol --no-every-optimizer --suites none --construction none
            """)

    @Option(name: .long, help: ArgumentHelp("Timing replays per workload (median reported).", valueName: "n"))
    var repeats: Int = 5

    @Option(
        name: .long, help: ArgumentHelp("Time only the workloads whose name contains this text.", valueName: "text"))
    var only: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Multiply every workload's iterations by this factor (e.g. 0.01 for a quick check).", valueName: "x"))
    var scale: Double = 1

    @Flag(
        name: .customLong("every-optimizer"), inversion: .prefixedNo,
        help: "Also time every optimizer and every schedule of the catalog.")
    var everyOptimizer = true

    @Option(name: .long, help: ArgumentHelp("Comma-separated suites to time, or none.", valueName: "list"))
    var suites: String = "smoke,conditioning"

    @Option(name: [.short, .long], help: ArgumentHelp("Worker threads for the suite runs.", valueName: "n"))
    var jobs: Int = 2

    @OptionGroup var location: SuiteLocation

    @Option(
        name: .long,
        help: ArgumentHelp("Python with jax, optax and numpy (default: $GDBENCH_PYTHON).", valueName: "path"))
    var python: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Comma-separated dimensions of the construction table, or none.", valueName: "list"))
    var construction: String = "1024"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Comma-separated finite-sum construction rows (logistic-NxD, least-squares-NxD; limits: the four "
                + "n·d = 10⁸ rows), or none.",
            valueName: "list"))
    var finiteSums: String = FiniteSumConstructionBenchmark.standardCases.joined(separator: ",")

    @Option(name: .long, help: ArgumentHelp("The jax timing script.", valueName: "path"))
    var referenceScript: String = "scripts/reference/jax_timing.py"

    func run() throws {
        guard repeats >= 1 else { throw InputError("--repeats must be at least 1") }
        guard jobs >= 1 else { throw InputError("--jobs must be at least 1") }
        guard scale > 0 else { throw InputError("--scale must be positive") }
        let dimensions = construction == "none" ? [] : construction.split(separator: ",").compactMap { Int($0) }
        guard construction == "none" || dimensions.count == construction.split(separator: ",").count,
            dimensions.allSatisfy({ $0 >= 1 && $0 <= 8192 })
        else {
            throw InputError(
                "--construction: expected none or dimensions 1…8192 separated by commas, found '\(construction)'")
        }
        let finiteSumKeys = FiniteSumConstructionBenchmark.keys(expanding: finiteSums)
        let finiteSumCases =
            finiteSums == "none" ? [] : finiteSumKeys.compactMap(FiniteSumConstructionBenchmark.Case.init)
        guard finiteSums == "none" || finiteSumCases.count == finiteSumKeys.count else {
            throw InputError(
                "--finite-sums: expected none, limits or keys such as logistic-100000x500, least-squares-10000x1000, "
                    + "found '\(finiteSums)'")
        }
        if let only {
            let names =
                (StepWorkload.standard
                + (everyOptimizer ? StepWorkload.everyOptimizer + StepWorkload.everySchedule : []))
                .map(\.name) + [BenchCommand.neuralNetworkWorkload, BenchCommand.protocolWorkload]
                + OwnProblemsBench.names
                + ConstructionBenchmark.keys(dimensions: dimensions) + finiteSumCases.map(\.key)
            guard names.contains(where: { $0.contains(only) }) else {
                throw InputError(
                    "--only: no workload name contains '\(only)'; the names are: \(names.joined(separator: "; "))")
            }
        }
        if Provenance.buildConfiguration == "debug" {
            FileHandle.standardError.write(
                Data(
                    "warning: this gdbench is a debug build; times are not representative (swift build -c release)\n"
                        .utf8))
        }
        let provenance = Provenance.current()
        print(
            "machine: \(provenance.cpu), \(provenance.cpuCount) cores, \(provenance.operatingSystem); swift "
                + "\(provenance.swiftVersion), \(provenance.buildConfiguration) build; vector kernels "
                + "\(provenance.vectorKernels)")
        print("load average at start: \(loadAverage())")
        // First, while this process is small: a child's peak memory includes its spawner's (Linux).
        let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
        let memory =
            only != nil
            ? []
            : try [500, 5000].map {
                try StepBenchmark.runMemory(runs: $0, executable: executable, jobs: jobs)
            }
        let referenceColumn = referenceTimes()
        let reference = try? referenceColumn.get()

        var rows: [[String]] = [
            [
                "workload", "iterations", "ns/iter", "monitored", "spread", "target", "loop ns/iter", "÷ loop (≤ 1.5)",
                "memory loop ns/iter", "array loop ns/iter", "÷ array loop", "jax ns/iter", "swift/jax",
            ]
        ]
        for var workload in StepWorkload.standard where only.map(workload.name.contains) ?? true {
            workload.iterations = max(100, Int((Double(workload.iterations) * scale).rounded()))
            let result = try StepBenchmark.measure(workload, repeats: repeats)
            let loop = workload.referenceLoop.map {
                $0.nanosecondsPerIteration(iterations: workload.iterations, repeats: repeats)
            }
            let memoryLoop = workload.referenceLoop.map {
                $0.nanosecondsPerIterationInMemory(iterations: workload.iterations, repeats: repeats)
            }
            let arrayLoop = workload.referenceLoop.map {
                $0.nanosecondsPerIterationOverArrays(iterations: workload.iterations, repeats: repeats)
            }
            let jax = workload.referenceKey.flatMap { reference?.jax[$0] }
            var target = workload.targetNanoseconds.map { "≤ \(format($0))" } ?? ""
            if workload.referenceKey == "logistic-gd", let blas = reference?.blas["logistic-two-matvecs"] {
                target = "≤ \(format(1.5 * blas)) (1.5 × OpenBLAS \(format(blas)))"
            }
            rows.append([
                workload.name, "\(result.iterations)", format(result.replayNanoseconds),
                format(result.monitoredNanoseconds),
                String(format: "%.0f%%", 100 * result.spread), target, loop.map(format) ?? "–",
                loop.map { String(format: "%.2f", result.replayNanoseconds / $0) } ?? "–",
                memoryLoop.map(format) ?? "–", arrayLoop.map(format) ?? "–",
                arrayLoop.map { String(format: "%.2f", result.replayNanoseconds / $0) } ?? "–", jax.map(format) ?? "–",
                jax.map { String(format: "%.2f", result.replayNanoseconds / $0) } ?? "–",
            ])
        }
        if rows.count > 1 || only == nil {
            print()
            print(table(rows), terminator: "")
        }

        if only.map(BenchCommand.neuralNetworkWorkload.contains) ?? true { printNeuralNetwork() }

        if everyOptimizer {
            try printSweep("every optimizer", StepWorkload.everyOptimizer, reference: reference)
            try printSweep("every schedule", StepWorkload.everySchedule, reference: reference)
        }

        printConstruction(
            dimensions: dimensions, finiteSums: finiteSumCases,
            python: PythonReferenceScript.python(given: python))
        if only.map({ text in OwnProblemsBench.names.contains { $0.contains(text) } }) ?? true {
            print()
            print(
                table(
                    try OwnProblemsBench(repeats: repeats, scale: scale, python: python, only: only).rows(
                        format: format)),
                terminator: "")
        }

        print()
        if only.map(BenchCommand.protocolWorkload.contains) ?? true {
            try printProtocolRows()
            print("load average after the protocol rounds: \(loadAverage())")
        }
        guard only == nil else { return printReferenceNote(referenceColumn) }
        let overhead = try StepBenchmark.harnessOverhead(runs: 2000)
        var suiteRows: [[String]] = [["harness / suite", "runs", "measured", "target"]]
        suiteRows.append([
            "overhead per run (setup, seeds, both passes, record, write)", "2000",
            String(format: "%.1f µs", overhead * 1e6), "≤ 50 µs",
        ])
        for child in memory {
            let megabytes = Double(child.peakResidentBytes) / 1e6
            suiteRows.append([
                "peak memory of a child `gdbench run`, 1-iteration runs --jobs \(jobs)", "\(child.runs)",
                String(
                    format: child.isChildsOwn ? "%.1f MB in %.2f s" : "≤ %.1f MB in %.2f s (spawner's peak)",
                    megabytes, child.seconds),
                child.runs == memory[0].runs
                    ? ""
                    : String(
                        format: "≤ %.1f MB (flat: %d runs + 5 MB)",
                        Double(memory[0].peakResidentBytes) / 1e6 + 5, memory[0].runs),
            ])
        }
        let suiteTargets = ["smoke": "≤ 5 s", "conditioning": "≤ 60 s"]
        for name in suites.split(separator: ",").map(String.init) where name != "none" {
            let timed = try StepBenchmark.suiteWallTime(
                suite: try location.load(name, with: SuiteLoader(catalog: CommandContext.catalog)), jobs: jobs)
            suiteRows.append([
                "suite \(name) --jobs \(jobs) (wall time)", "\(timed.runs)", String(format: "%.2f s", timed.seconds),
                suiteTargets[name] ?? "",
            ])
        }
        print(table(suiteRows), terminator: "")
        print(
            String(
                format: "\npeak resident memory: %.1f MB; load average at end: %@",
                Double(StepBenchmark.peakResidentBytes()) / 1e6, loadAverage()))
        printReferenceNote(referenceColumn)
    }

    /// One row per workload: iterations, how the run ended, ns per iteration, evaluations per
    /// iteration and the jax time where there is one.
    func printSweep(_ title: String, _ workloads: [StepWorkload], reference: ReferenceTimes?) throws {
        var rows: [[String]] = [
            [title, "iterations", "ended", "ns/iter", "f/iter", "∇f/iter", "jax ns/iter", "swift/jax"]
        ]
        for var workload in workloads where only.map(workload.name.contains) ?? true {
            workload.iterations = max(100, Int((Double(workload.iterations) * scale).rounded()))
            let result = try StepBenchmark.measure(workload, repeats: repeats)
            let jax = workload.referenceKey.flatMap { reference?.jax[$0] }
            rows.append([
                workload.name, "\(result.iterations)", result.status.rawValue, format(result.replayNanoseconds),
                String(format: "%.2f", result.functionEvaluationsPerIteration),
                String(format: "%.2f", result.gradientEvaluationsPerIteration), jax.map(format) ?? "–",
                jax.map { String(format: "%.2f", result.replayNanoseconds / $0) } ?? "–",
            ])
        }
        guard rows.count > 1 else { return }
        print()
        print(table(rows), terminator: "")
    }

    /// The reference timings printed by the jax script as one JSON object.
    struct ReferenceTimes: Decodable {
        var jax: [String: Double]
        var blas: [String: Double]
        var versions: String
        var blasNote: String
        enum CodingKeys: String, CodingKey {
            case jax, blas, versions
            case blasNote = "blas_note"
        }
    }

    /// What the jax column holds, or why it is empty.
    func printReferenceNote(_ column: Result<ReferenceTimes, PythonReferenceScript.Absence>) {
        switch column {
        case .success(let reference):
            print(
                "jax column: \(reference.versions) (jitted, float64, one thread); OpenBLAS via numpy "
                    + "\(reference.blasNote)")
        case .failure(let absence): print("jax column: \(absence.reason)")
        }
    }

    /// The jax column's times, or why it is empty.
    func referenceTimes() -> Result<ReferenceTimes, PythonReferenceScript.Absence> {
        PythonReferenceScript(
            python: PythonReferenceScript.python(given: python), script: referenceScript, needs: "jax and optax",
            scriptOption: "--reference-script"
        ).run(as: ReferenceTimes.self)
    }

    func loadAverage() -> String {
        var loads = [Double](repeating: 0, count: 3)
        let count = getloadavg(&loads, 3)
        return count == 3 ? String(format: "%.2f %.2f %.2f", loads[0], loads[1], loads[2]) : "unknown"
    }

    func format(_ nanoseconds: Double) -> String {
        nanoseconds >= 1e5
            ? String(format: "%.3g ms", nanoseconds / 1e6)
            : nanoseconds >= 1e3 ? String(format: "%.3g µs", nanoseconds / 1e3) : String(format: "%.1f ns", nanoseconds)
    }

    /// Left-aligned columns separated by two spaces.
    func table(_ rows: [[String]]) -> String {
        var widths = [Int](repeating: 0, count: rows.map(\.count).max() ?? 0)
        for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        var text = ""
        for row in rows {
            let cells = row.enumerated().map {
                $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0)
            }
            text += cells.joined(separator: "  ").trimmingCharacters(in: .whitespaces) + "\n"
        }
        return text
    }
}
