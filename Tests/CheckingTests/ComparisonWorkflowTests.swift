import Checking
import Foundation
import Results
import Testing

/// The whole check on files: a run directory as the harness writes it, `--update-baseline`,
/// then checks of an unchanged and a changed run, the report files, and input errors.
@Suite struct ComparisonWorkflowTests {
    typealias F = ComparisonFixtures

    /// `root/results/smoke/RUN/{runs.jsonl, manifest.json}` holding `records`.
    func runDirectory(_ root: URL, _ name: String, records: [RunRecord], manifest: Data? = F.manifest()) throws -> URL {
        let url = root.appendingPathComponent("results/smoke/\(name)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try Data(try RecordCoding.jsonLines(records).utf8).write(to: url.appendingPathComponent("runs.jsonl"))
        if let manifest { try manifest.write(to: url.appendingPathComponent("manifest.json")) }
        return url
    }

    func inputError(_ request: CheckRequest) -> String? {
        do {
            _ = try CheckWorkflow.perform(request)
            return nil
        } catch {
            return (error as? ResultsError)?.message
        }
    }

    @Test func updateThenCheckCleanThenCheckAChangedRun() throws {
        let root = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let baselineURL = CheckRequest.defaultBaselineURL(
            resultsRoot: root.appendingPathComponent("results"), suite: "smoke")
        let records = [try F.record("a/gd/rep=0"), try F.record("b/gd/rep=0")]
        let first = try runDirectory(root, "20261123T150000Z", records: records)

        let created = try CheckWorkflow.perform(
            CheckRequest(
                suite: "smoke", baselineURL: baselineURL, runDirectory: first,
                updateBaseline: true))
        #expect(created.exitCode == .success)
        #expect(created.report == nil)
        #expect(
            created.output == "Wrote baseline \(baselineURL.path): 2 runs from \(first.path) (provenance in "
                + "\(BaselineFile.manifestURL(for: baselineURL).path)).\n")

        let clean = try CheckWorkflow.perform(
            CheckRequest(suite: "smoke", baselineURL: baselineURL, runDirectory: first))
        #expect(clean.exitCode == .success)
        #expect(clean.output.hasPrefix("gdbench check smoke: PASS — 2 unchanged\n"))

        var changed = records
        changed[1].targets.ladder[2].hit?.iteration = 41
        let second = try runDirectory(root, "20261123T160000Z", records: changed)
        let markdownURL = root.appendingPathComponent("check.md")
        let junitURL = root.appendingPathComponent("check.xml")
        let failed = try CheckWorkflow.perform(
            CheckRequest(
                suite: "smoke", baselineURL: baselineURL, runDirectory: second,
                format: .markdown, markdownURL: markdownURL, junitURL: junitURL))
        #expect(failed.exitCode == .regression)
        #expect(failed.output.hasPrefix("## gdbench check `smoke`: ❌ FAIL — 1 regression; 1 unchanged"))
        #expect(try String(contentsOf: markdownURL, encoding: .utf8) == failed.output)
        #expect(
            try String(contentsOf: junitURL, encoding: .utf8).contains(
                "<failure type=\"regression\" message=\"iterations to 1e-06: 40 → 41 (+1; tolerance exact)\">"))

        // With a tolerance of 1 the same run passes.
        let tolerated = try CheckWorkflow.perform(
            CheckRequest(
                suite: "smoke", baselineURL: baselineURL, runDirectory: second,
                tolerance: CountTolerance(relative: 0, absolute: 1)))
        #expect(tolerated.exitCode == .success)

        // Accepting the change: the report is shown, then the baseline is the new run.
        let accepted = try CheckWorkflow.perform(
            CheckRequest(
                suite: "smoke", baselineURL: baselineURL, runDirectory: second,
                updateBaseline: true))
        #expect(accepted.exitCode == .success)
        #expect(accepted.report?.exitCode == .regression)
        #expect(accepted.output.contains("regression  b/gd/rep=0"))
        #expect(try BaselineFile.read(from: baselineURL, suite: "smoke").records == changed)
        #expect(
            try CheckWorkflow.perform(CheckRequest(suite: "smoke", baselineURL: baselineURL, runDirectory: second))
                .exitCode == .success)
    }

    @Test func anUnreadableOldBaselineIsReplacedWithoutAComparison() throws {
        let root = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let baselineURL = root.appendingPathComponent("baseline/smoke.jsonl")
        try FileManager.default.createDirectory(
            at: baselineURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("not json\n".utf8).write(to: baselineURL)
        let run = try runDirectory(root, "r", records: [try F.record()])
        #expect(
            inputError(CheckRequest(suite: "smoke", baselineURL: baselineURL, runDirectory: run))?
                .hasPrefix("\(baselineURL.path): line 1: not a run record") == true)
        let updated = try CheckWorkflow.perform(
            CheckRequest(
                suite: "smoke", baselineURL: baselineURL, runDirectory: run,
                updateBaseline: true))
        #expect(updated.report == nil)
        #expect(
            updated.output.hasPrefix(
                "The old baseline cannot be read, so it is replaced without a comparison: \(baselineURL.path): line 1"))
        #expect(try BaselineFile.read(from: baselineURL, suite: "smoke").records == [try F.record()])
    }

    @Test func anAllowedDifferencesFileBesideTheBaselineIsUsed() throws {
        let root = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let baselineURL = root.appendingPathComponent("baseline/smoke.jsonl")
        let record = try F.record()
        try BaselineFile.write(records: [record], manifestData: F.manifest(), to: baselineURL)
        var changed = record
        changed.targets.ladder[2].hit?.iteration = 41
        let run = try runDirectory(root, "r", records: [changed])
        #expect(
            try CheckWorkflow.perform(CheckRequest(suite: "smoke", baselineURL: baselineURL, runDirectory: run))
                .exitCode == .regression)
        try Data(#"{"allowed": [{"runs": "quadratic*", "counts": "1", "reason": "line search tie-break"}]}"#.utf8)
            .write(to: BaselineFile.allowedDifferencesURL(for: baselineURL))
        let outcome = try CheckWorkflow.perform(
            CheckRequest(suite: "smoke", baselineURL: baselineURL, runDirectory: run))
        #expect(outcome.exitCode == .success)
        #expect(
            outcome.output.contains(
                "per-run overrides from \(BaselineFile.allowedDifferencesURL(for: baselineURL).path)"))
    }

    @Test func inputErrorsNameTheOptionOrFile() throws {
        let root = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let baselineURL = root.appendingPathComponent("baseline/smoke.jsonl")
        let run = try runDirectory(root, "r", records: [try F.record()])
        try BaselineFile.write(records: [try F.record()], manifestData: F.manifest(), to: baselineURL)
        func request(_ edit: (inout CheckRequest) -> Void) -> CheckRequest {
            var request = CheckRequest(suite: "smoke", baselineURL: baselineURL, runDirectory: run)
            edit(&request)
            return request
        }
        #expect(
            inputError(request { $0.failOnTime = true })
                == "--fail-on-time: needs --time-tolerance (e.g. --time-tolerance 1.5)")
        let nowhere = root.appendingPathComponent("nowhere")
        #expect(
            inputError(request { $0.runDirectory = nowhere })
                == "\(nowhere.appendingPathComponent("runs.jsonl").path): no such file (is the run finished?)")
        let noBaseline = root.appendingPathComponent("baseline/other.jsonl")
        #expect(
            inputError(request { $0.baselineURL = noBaseline })?.hasPrefix("\(noBaseline.path): no such baseline")
                == true)
        let noAllowed = root.appendingPathComponent("allowed.json")
        #expect(
            inputError(request { $0.allowedDifferencesURL = noAllowed })
                == "\(noAllowed.path): no such allowed-differences file")
        #expect(
            inputError(request { $0.suite = "conditioning" })
                == "\(run.appendingPathComponent("manifest.json").path): the run is of suite 'smoke', not "
                + "'conditioning'")
    }
}
