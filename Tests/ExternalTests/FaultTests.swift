import External
import Foundation
import Harness
import Results
import Testing

/// A client that crashes, exits, writes garbage, breaks the protocol, returns NaN, stops answering or
/// reports a failure gives that run status `error` with a message saying what happened; the worker
/// starts a fresh process and the other runs go on (fixture Fixtures/faulty.py faults at iteration 3).
@Suite(.serialized) struct FaultTests {
    init() { setenv("GDBENCH_CLIENT_PATH", ExternalSupport.pythonClients.path, 1) }

    static let expected: [String: String] = [
        "crash": "killed by signal 11",
        "exit": "exited with status 3; its stderr ends with: giving up on purpose",
        "garbage": "garbage: unknown message tag 'this'",
        "violation": "expected EVAL, ITER or FAIL during a run, found 'CONT'",
        "nan": "non-finite iterate (x[0] = nan) at iteration 4",
        "hang": "no answer within the deadline while waiting for iteration 4",
        "fail": "failed: ValueError: the client cannot go on",
        "oversize": "more than the protocol's limit",
        "short": "= 56 bytes, found 12",
    ]

    @Test(.enabled(if: ExternalSupport.hasPython, "python3 is not installed"))
    func everyFaultIsAnErrorRunAndTheOthersGoOn() throws {
        let directory = ExternalSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let faults = Self.expected.keys.sorted()
        let suite = try ExternalSupport.load(
            ExternalSupport.header("faults") + """
                problems:
                  - kind: quadratic
                    d: 4
                    kappa: 10
                optimizers:
                  - kind: external
                    name: faulty
                    command: [python3, \(ExternalSupport.fixtures.path)/faulty.py]
                    deadline: 2
                    fault: [none, \(faults.joined(separator: ", "))]
                """, in: directory)
        let started = Date()
        let records = try ExternalSupport.records(suite, jobs: 2)
        #expect(Date().timeIntervalSince(started) < 60, "faults must not hang the suite")
        #expect(records.count == 2 * (faults.count + 1), "every run has a record")
        for record in records {
            let fault = record.optimizer.parameters["fault"] ?? "?"
            if fault == "none" {
                #expect(record.status == .converged, "\(record.id): \(record.message ?? "")")
                continue
            }
            #expect(record.status == .error, "\(record.id)")
            let message = record.message ?? ""
            #expect(message.contains(Self.expected[fault] ?? "?"), "\(record.id): \(message)")
            #expect(message.contains("external client faulty"), "\(record.id): \(message)")
            if fault != "fail" { #expect(record.final.progress.iteration == 4, "\(record.id) failed at iteration 4") }
        }
        ExternalSupport.closePools()
    }

    @Test(.enabled(if: ExternalSupport.hasPython, "python3 is not installed"))
    func misspelledHyperparameterFailsBeforeAnythingRunsWithFileLineAndKeyPath() throws {
        let text =
            ExternalSupport.header("typo") + """
                problems:
                  - kind: quadratic
                    d: 4
                optimizers:
                  - kind: external
                    name: py-gd
                    command: [python3, \(ExternalSupport.pythonClients.path)/examples/gd.py]
                    lrr: 0.1
                """
        let error = try #require(try ExternalSupport.suiteError(text), "a misspelled hyperparameter was accepted")
        #expect(error.keyPath == "optimizers[0].lrr")
        #expect(error.line == 18)
        #expect(error.file.hasSuffix("suite.yaml"))
        #expect(error.message.contains("unknown hyperparameter of py-gd (did you mean 'lr'?)"), "\(error.message)")
        #expect(try ExternalSupport.suiteError(text.replacingOccurrences(of: "lrr: 0.1", with: "lr: -1")) != nil)
    }

    @Test(
        .enabled(if: ExternalSupport.hasPython, "python3 is not installed"),
        arguments: [
            ("version", "protocol version 99"), ("json", "not JSON"), ("type", "'complex' is not one of"),
            ("garbage", "unknown message tag 'garb'"),
        ])
    func brokenHandshakeIsASuiteError(mode: String, fragment: String) throws {
        let text =
            ExternalSupport.header("hello-\(mode)") + """
                problems:
                  - kind: quadratic
                    d: 4
                optimizers:
                  - kind: external
                    name: broken
                    command: [python3, \(ExternalSupport.fixtures.path)/badhello.py, \(mode)]
                """
        let error = try #require(try ExternalSupport.suiteError(text), "a broken handshake was accepted")
        #expect(error.keyPath == "optimizers[0].command")
        #expect(error.message.contains(fragment), "\(error.message)")
    }

    @Test func missingProgramIsASuiteError() throws {
        let text =
            ExternalSupport.header("missing") + """
                problems:
                  - kind: quadratic
                    d: 4
                optimizers:
                  - kind: external
                    name: nothing
                    command: [gdbench-no-such-program-anywhere]
                """
        #expect(try ExternalSupport.suiteError(text) != nil)
    }
}
