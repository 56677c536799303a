import ArgumentParser
import Diagnostics
import Foundation
import Harness
import Objectives
import Optimizers
import Results
import Testing

@testable import GdbenchCommandLine

/// A method whose every iteration throws: each of its runs ends with status `error`.
struct AlwaysThrows: Method {
    mutating func prepare(at x: [Double], oracle: inout Oracle) throws {}
    mutating func iterate(_ x: inout [Double], oracle: inout Oracle) throws -> IterationReport {
        throw MethodError("always-throws: refused to step")
    }
}

/// A run with runs in `error` exits 3 (``ExitStatus``) unless --allow-errors; the catalog given to the
/// entry point is the one the commands read suites against.
@Suite(.serialized) struct ExitStatusTests {
    static let kind = OptimizerKind(
        name: "always-throws", summary: "throws at every step", updateRule: "—", conventions: "", references: [],
        parameters: [], acceptsSchedule: false, make: { _, _, _ in AlwaysThrows() })

    @Test func errorsGiveExitCodeThreeUnlessAllowed() throws {
        var catalog = Catalog.builtIn
        catalog.optimizers.append(Self.kind)
        CommandContext.catalog = catalog
        defer { CommandContext.catalog = .builtIn }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gdbench-exit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let suitePath = directory.appendingPathComponent("errors.yaml").path
        try """
        name: errors
        seed: 1
        budget: {max-iterations: 5}
        problems:
          - kind: quadratic
            d: 3
        optimizers:
          - kind: sgd
          - kind: always-throws
        """.write(toFile: suitePath, atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("out").path
        var strict = try #require(
            try Gdbench.parseAsRoot(["run", suitePath, "--out", out, "--quiet", "--no-figures"]) as? RunCommand)
        do {
            try strict.run()
            Issue.record("a run with errors exited 0")
        } catch let code as ExitCode {
            #expect(code.rawValue == ExitStatus.runErrors.code)
        }
        let records = try RunDirectory(url: URL(fileURLWithPath: out).appendingPathComponent("errors/latest"))
            .readRecords()
        #expect(records.filter { $0.status == .error }.count == 1)
        #expect(records.first { $0.status == .error }?.message?.contains("refused to step") == true)
        var allowed = try #require(
            try Gdbench.parseAsRoot(
                ["run", suitePath, "--out", out, "--quiet", "--no-figures", "--allow-errors"]) as? RunCommand)
        try allowed.run()
    }
}
