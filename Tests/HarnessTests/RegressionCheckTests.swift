import Checking
import Foundation
import Harness
import Objectives
import Optimizers
import Results
import Testing

/// End to end: a baseline of the smoke suite made with the built-in catalog, then the same suite
/// with one optimizer kind's default changed (Adam's ε 1e-8 → 1e-6, as a careless edit of the
/// catalog would): `gdbench check`'s workflow must exit with code 1 and name exactly that
/// optimizer's runs, and nothing else.
@Suite struct RegressionCheckTests {
    static let smoke = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("suites/smoke.yaml").path

    let provenance = Provenance(
        gitCommit: "test", swiftVersion: "Swift", operatingSystem: "os", cpu: "cpu", cpuCount: 1,
        buildConfiguration: "debug")

    func run(_ catalog: Catalog, into root: URL) throws -> URL {
        let plan = try RunPlan(suite: SuiteLoader(catalog: catalog).load(path: Self.smoke))
        return try Session.run(plan, options: SessionOptions(resultsRoot: root, jobs: 2, provenance: provenance))
            .directory.url
    }

    /// The built-in catalog with Adam's default ε replaced.
    static func catalogWithAdamEpsilon(_ epsilon: Double) throws -> Catalog {
        var catalog = Catalog.builtIn
        let index = try #require(catalog.optimizers.firstIndex { $0.name == "adam" })
        var adam = catalog.optimizers[index]
        let original = adam.make
        let specIndex = try #require(adam.parameters.firstIndex { $0.name == "eps" })
        adam.parameters[specIndex].defaultValue = .number(epsilon)
        adam.make = { values, schedule, seed in
            var values = values
            if values["eps"] == nil { values["eps"] = .number(epsilon) }
            return try original(values, schedule, seed)
        }
        catalog.optimizers[index] = adam
        return catalog
    }

    @Test func changingAnOptimizersDefaultFailsTheCheckNamingExactlyItsRuns() throws {
        let root = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let baseline = root.appendingPathComponent("baseline/smoke.jsonl")
        let first = try run(.builtIn, into: root.appendingPathComponent("first"))
        let made = try CheckWorkflow.perform(
            CheckRequest(suite: "smoke", baselineURL: baseline, runDirectory: first, updateBaseline: true))
        #expect(made.exitCode == .success)

        // The same catalog again: clean.
        let again = try run(.builtIn, into: root.appendingPathComponent("again"))
        let clean = try CheckWorkflow.perform(CheckRequest(suite: "smoke", baselineURL: baseline, runDirectory: again))
        #expect(clean.exitCode == .success)
        #expect(clean.exitCode.rawValue == 0)

        let changed = try run(try Self.catalogWithAdamEpsilon(1e-6), into: root.appendingPathComponent("changed"))
        let outcome = try CheckWorkflow.perform(
            CheckRequest(suite: "smoke", baselineURL: baseline, runDirectory: changed))
        #expect(outcome.exitCode == .regression)
        #expect(outcome.exitCode.rawValue == 1)
        let report = try #require(outcome.report)
        let failing = Set(report.runs.filter { report.fails($0.verdict) }.map(\.id))
        let adamRuns = Set(try RunDirectory(url: changed).readRecords().map(\.id).filter { $0.contains("/adam[") })
        #expect(adamRuns.count == 16)
        #expect(failing == adamRuns)
        #expect(
            report.runs.filter { !adamRuns.contains($0.id) }.allSatisfy {
                $0.verdict == .unchanged && $0.findings.isEmpty
            })
        for id in adamRuns { #expect(outcome.output.contains(id)) }
    }
}
