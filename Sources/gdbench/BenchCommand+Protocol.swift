import External
import Foundation
import Harness

extension BenchCommand {
    /// The name `--only` matches to time only the external protocol.
    static let protocolWorkload = "external protocol"

    /// The external protocol's round trip per evaluation for the null client of each language at d = 2 and
    /// d = 10⁵, spinning before each blocking wait (`GDBENCH_SPIN_MICROSECONDS`, else the default budget, on
    /// both sides) and
    /// blocking at once (budget 0), beside `cat` echoing the same d doubles (``ProtocolBenchmark``), in
    /// `repeats` alternating rounds (spinning, blocking, echo, spinning, …) so all three see the same
    /// machine: the best round of each (the least disturbed by other processes), their ratios to the echo,
    /// and the spinning path's median round. A language whose tool (cc, python3) is missing gets a row
    /// saying so.
    func printProtocolRows() throws {
        var rows: [[String]] = [
            [
                "external protocol (null client)", "d", "evaluations", "µs/evaluation spinning best", "median",
                "blocking best", "oracle µs", "pipe echo µs best", "spinning/echo", "blocking/echo", "target",
            ]
        ]
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gdbench-bench-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        var clients: [(String, [String]?, String)] = []
        let cClient = scratch.appendingPathComponent("gdbench_gd").path
        let compiled = run(["cc", "-O2", "-ffp-contract=off", "-o", cClient, "clients/c/gdbench_gd.c"])
        clients.append(("C (clients/c/gdbench_gd.c)", compiled ? [cClient, "null"] : nil, "≤ 5 µs"))
        let python = run(["python3", "-c", "pass"])
        clients.append(
            (
                "Python (clients/python/examples/null.py)",
                python ? ["python3", "clients/python/examples/null.py"] : nil, "≤ 20 µs"
            ))
        let spinning = ProtocolBenchmark.spinMicroseconds
        for (name, command, target) in clients {
            for dimension in [2, 100_000] {
                let evaluations = dimension == 2 ? (name.hasPrefix("C") ? 50_000 : 10_000) : 400
                guard let command else {
                    let tool = name.hasPrefix("C") ? "cc" : "python3"
                    rows.append([name, "\(dimension)", "–", "not measured: \(tool) not found"])
                    continue
                }
                var spins: [(seconds: Double, oracleSeconds: Double)] = []
                var blocks: [Double] = []
                var echoes: [Double] = []
                for _ in 0..<repeats {
                    for microseconds in [spinning, 0] {
                        let trip = try ProtocolBenchmark.roundTrip(
                            command: command, directory: nil, dimension: dimension, evaluations: evaluations,
                            spinMicroseconds: microseconds)
                        if microseconds == 0 { blocks.append(trip.seconds) } else { spins.append(trip) }
                    }
                    echoes.append(
                        try ProtocolBenchmark.pipeEcho(dimension: dimension, repeats: dimension == 2 ? 20_000 : 400))
                }
                let best = spins.map(\.seconds).min() ?? .nan, echo = echoes.min() ?? .nan
                let blocking = blocks.min() ?? .nan
                let median = spins.map(\.seconds).sorted()[spins.count / 2]
                let oracle = spins.map(\.oracleSeconds).sorted()[spins.count / 2]
                rows.append(
                    [name, "\(dimension)", "\(repeats) × \(evaluations)"]
                        + [best, median, blocking, oracle, echo].map { String(format: "%.2f", $0 * 1e6) }
                        + [String(format: "%.2f", best / echo), String(format: "%.2f", blocking / echo)]
                        + [dimension == 2 ? target : "≤ 2 × pipe echo"])
            }
        }
        print("spinning: up to \(spinning) µs before each blocking wait, on both sides (docs/protocol.md, Waiting)")
        print(table(rows))
    }

    /// Runs a tool quietly; true when it exits 0.
    func run(_ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
