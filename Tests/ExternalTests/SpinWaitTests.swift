import Foundation
import Harness
import Results
import Testing

@testable import External

/// Adaptive spinning before a blocking wait (``SpinWait``, docs/protocol.md "Waiting"): the budget's
/// parsing, when a wait spins, that the budget reaches the clients, and that records do not depend on it.
@Suite(.serialized) struct SpinWaitTests {
    @Test func budgetIsAWholeNumberOfMicrosecondsUpToTenThousand() {
        #expect(SpinWait.microseconds(from: "0") == 0)
        #expect(SpinWait.microseconds(from: "120") == 120)
        #expect(SpinWait.microseconds(from: "10000") == 10_000)
        for bad in [nil, "", "abc", "-5", "10001", "1.5", " 7"] {
            #expect(SpinWait.microseconds(from: bad) == SpinWait.defaultMicroseconds, "\(bad ?? "nil")")
        }
    }

    /// A pipe whose read end is non-blocking, as gdbench's end of a client's stdout.
    static func pipeWithNonBlockingReader() -> (reader: Int32, writer: Int32) {
        var fds: [Int32] = [0, 0]
        _ = pipe(&fds)
        _ = fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK)
        return (fds[0], fds[1])
    }

    @Test func spinReadsWaitingBytesAndGivesUpOnASilentPipe() {
        let (reader, writer) = Self.pipeWithNonBlockingReader()
        defer { for fd in [reader, writer] { closeDescriptor(fd) } }
        var spin = SpinWait(microseconds: 200)
        var buffer = [UInt8](repeating: 0, count: 16)
        let started = ClientProcess.now()
        // Nothing written: the spin ends (budget or contention) with nil and reads nothing.
        let silent = buffer.withUnsafeMutableBytes {
            spin.spin(descriptor: reader, into: $0.baseAddress!, capacity: 16, started: started)
        }
        #expect(silent == nil)
        #expect(ClientProcess.now() - started < 1_000_000_000)
        let bytes: [UInt8] = [1, 2, 3]
        _ = bytes.withUnsafeBytes { write(writer, $0.baseAddress!, 3) }
        var spinning = SpinWait(microseconds: 200)
        let got = buffer.withUnsafeMutableBytes {
            spinning.spin(descriptor: reader, into: $0.baseAddress!, capacity: 16, started: ClientProcess.now())
        }
        #expect(got == 3)
        #expect(Array(buffer[0..<3]) == bytes)
    }

    @Test func aLongWaitOrABudgetOfZeroMakesTheNextWaitBlockAtOnce() {
        let (reader, writer) = Self.pipeWithNonBlockingReader()
        defer { for fd in [reader, writer] { closeDescriptor(fd) } }
        _ = [UInt8](repeating: 9, count: 4).withUnsafeBytes { write(writer, $0.baseAddress!, 4) }
        var buffer = [UInt8](repeating: 0, count: 4)
        var off = SpinWait(microseconds: 0)
        #expect(!off.spinsNext)
        // Bytes are waiting, but a spin that is off does not read them (the caller's blocking read does).
        let none = buffer.withUnsafeMutableBytes {
            off.spin(descriptor: reader, into: $0.baseAddress!, capacity: 4, started: ClientProcess.now())
        }
        #expect(none == nil)
        var spin = SpinWait(microseconds: 50)
        #expect(spin.spinsNext)
        spin.waited(since: ClientProcess.now() - 1_000_000) // a 1 ms wait: longer than the budget
        #expect(!spin.spinsNext)
        let skipped = buffer.withUnsafeMutableBytes {
            spin.spin(descriptor: reader, into: $0.baseAddress!, capacity: 4, started: ClientProcess.now())
        }
        #expect(skipped == nil)
        spin.waited(since: ClientProcess.now()) // a short wait: spinning resumes
        #expect(spin.spinsNext)
        let got = buffer.withUnsafeMutableBytes {
            spin.spin(descriptor: reader, into: $0.baseAddress!, capacity: 4, started: ClientProcess.now())
        }
        #expect(got == 4)
    }

    @Test(.enabled(if: ExternalSupport.hasPython, "python3 is not installed"))
    func clientsReceiveGdbenchsBudget() throws {
        let directory = ExternalSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = directory.appendingPathComponent("budget_client.py")
        try """
        import os, sys
        sys.path.insert(0, sys.argv[1])
        from gdbench_client import serve
        serve("budget", os.environ.get("GDBENCH_SPIN_MICROSECONDS", "unset"), [], lambda run: None)
        """.write(to: script, atomically: true, encoding: .utf8)
        for budget in [0, 7, 300] {
            let pool = try ClientPools.pool(
                for: ClientConfiguration(
                    name: "budget", command: ["python3", script.path, ExternalSupport.pythonClients.path],
                    directory: nil, spinMicroseconds: budget))
            #expect(pool.hello.version == "\(budget)")
            pool.closeIdle()
        }
    }

    /// suites/external.yaml run by gdbench with spinning off and with a 10 ms budget: the same records.
    @Test(.enabled(if: ExternalSupport.hasPython, "python3 is not installed"))
    func recordsDoNotDependOnSpinning() throws {
        let directory = ExternalSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let suite = ExternalSupport.packageRoot.appendingPathComponent("suites/external.yaml").path
        var keyed: [[String: String]] = []
        for budget in ["0", "10000"] {
            let result = try ExternalSupport.gdbench(
                ["run", suite, "--out", "spin-\(budget)", "--jobs", "2", "--quiet", "--no-figures"], in: directory,
                environment: ["GDBENCH_SPIN_MICROSECONDS": budget])
            #expect(result.status == 0, "\(result.output)")
            let records = try RunDirectory(url: directory.appendingPathComponent("spin-\(budget)/external/latest"))
                .readRecords()
            #expect(records.count == 24)
            keyed.append(EqualityTests.keyed(records, renaming: [:]))
        }
        #expect(keyed[0] == keyed[1])
    }
}
