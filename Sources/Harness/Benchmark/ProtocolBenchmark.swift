import External
import Foundation
import Objectives

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The external protocol's cost (docs/protocol.md), for `gdbench bench`: a null client (no arithmetic;
/// `evaluations` gradient requests, then its unchanged iterate, per iteration) served by an objective
/// whose oracle only zeroes the gradient; the oracle's time is measured and subtracted, so what remains
/// per evaluation is the round trip (EVAL with x out, VALS with ∇f back) plus 1/`evaluations` of the
/// iterate report. The reference is the same two crossings without the protocol: d doubles written to
/// `cat` and read back.
public enum ProtocolBenchmark {
    /// f = 0 and ∇f = 0 in any dimension (the cheapest oracle).
    struct NullObjective: Objective {
        let dimension: Int
        var constants: ObjectiveConstants { ObjectiveConstants() }
        var startingPoint: [Double] { [Double](repeating: 0, count: dimension) }
        func value(at x: [Double]) -> Double { 0 }
        func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
            for i in gradient.indices { gradient[i] = 0 }
            return 0
        }
        func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double]) {
            for i in result.indices { result[i] = 0 }
        }
    }

    /// The spin budget, µs, of the spinning rounds: `GDBENCH_SPIN_MICROSECONDS` when above 0, else the default.
    public static var spinMicroseconds: Int {
        let configured = ClientConfiguration.environmentSpinMicroseconds
        return configured > 0 ? configured : ClientConfiguration.defaultSpinMicroseconds
    }

    /// Seconds per evaluation of the protocol (oracle time excluded) and the oracle's own share, with
    /// `spinMicroseconds` as the spin budget on both sides (0: block at once).
    public static func roundTrip(
        command: [String], directory: String?, dimension: Int, evaluations: Int,
        evaluationsPerIteration: Int = 16, spinMicroseconds: Int
    ) throws -> (seconds: Double, oracleSeconds: Double) {
        let configuration = ClientConfiguration(
            name: "null", command: command, directory: directory, spinMicroseconds: spinMicroseconds)
        let pool = try ClientPools.pool(for: configuration)
        defer { pool.closeIdle() }
        let iterations = max(1, evaluations / evaluationsPerIteration)
        let context = ExternalRunContext(
            runID: "bench", maxIterations: iterations + 10, maxGradientEvaluations: nil,
            timeoutSeconds: nil)
        let parameters = ParameterSet(["evaluations": .number(Double(evaluationsPerIteration))])
        let objective = NullObjective(dimension: dimension)
        func pass(_ count: Int) throws -> (Double, Double) {
            var method = ExternalMethod(pool: pool, parameters: parameters, seed: 0, context: context)
            var oracle = Oracle(objective: objective, seed: 0)
            var x = objective.startingPoint
            try method.prepare(at: x, oracle: &oracle)
            let start = MonotonicClock.nanoseconds()
            for _ in 0..<count { _ = try method.iterate(&x, oracle: &oracle) }
            let seconds = MonotonicClock.seconds(since: start)
            method.finish(reason: "budget")
            return (seconds, method.timing.oracleSeconds)
        }
        _ = try pass(max(1, iterations / 10)) // warm-up: caches, page faults, the client's first frames
        let (seconds, oracle) = try pass(iterations)
        let count = Double(iterations * evaluationsPerIteration)
        return ((seconds - oracle) / count, oracle / count)
    }

    /// Seconds per round trip of d doubles through `cat` (written and read back concurrently).
    public static func pipeEcho(dimension: Int, repeats: Int) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/cat")
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        defer {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        }
        let writer = input.fileHandleForWriting.fileDescriptor
        let reader = output.fileHandleForReading.fileDescriptor
        _ = fcntl(writer, F_SETFL, fcntl(writer, F_GETFL) | O_NONBLOCK)
        var out = [UInt8](repeating: 1, count: 8 * dimension)
        var back = [UInt8](repeating: 0, count: 8 * dimension)
        func echo() throws {
            var written = 0
            var read = 0
            while read < back.count {
                var fds = [
                    pollfd(fd: reader, events: Int16(POLLIN), revents: 0),
                    pollfd(fd: written < out.count ? writer : -1, events: Int16(POLLOUT), revents: 0),
                ]
                guard poll(&fds, 2, 10_000) > 0 else { throw ClientFault("cat did not echo within 10 s") }
                if written < out.count, fds[1].revents != 0 {
                    let n = out.withUnsafeBytes { write(writer, $0.baseAddress! + written, $0.count - written) }
                    if n > 0 { written += n }
                }
                if fds[0].revents != 0 {
                    let n = back.withUnsafeMutableBytes {
                        readDescriptor(reader, $0.baseAddress! + read, $0.count - read)
                    }
                    guard n > 0 else { throw ClientFault("cat closed its output") }
                    read += n
                }
            }
            out[0] &+= 1
        }
        for _ in 0..<max(1, repeats / 10) { try echo() }
        let start = MonotonicClock.nanoseconds()
        for _ in 0..<repeats { try echo() }
        return MonotonicClock.seconds(since: start) / Double(repeats)
    }
}

/// `read(2)` (a local name: the closure above has its own `read`).
private func readDescriptor(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
