import Diagnostics
import Foundation
import Results

/// What `gdbench check` does once a run directory exists: parse the options, read the baseline,
/// the run and the allowed differences, compare, render, write the requested report files, and
/// with `updateBaseline` write the run as the new baseline. Every bad option or file is a
/// ``ResultsError`` naming it (exit code 2).
public enum CheckWorkflow {
    /// What to print and how to exit. With `updateBaseline` the exit code is clean whatever the
    /// comparison found (the run is accepted); the report still shows what changed.
    public struct Outcome: Sendable {
        /// The report in the requested format (plus, after an update, what was written).
        public var output: String
        public var exitCode: ExitStatus
        /// nil when there was no baseline to compare with (first `--update-baseline`).
        public var report: ComparisonReport?
    }

    public static func perform(_ request: CheckRequest) throws -> Outcome {
        let policy = try policy(for: request)
        let runRecordsURL = request.runDirectory.appendingPathComponent("runs.jsonl")
        guard let recordsData = FileManager.default.contents(atPath: runRecordsURL.path) else {
            throw ResultsError("\(runRecordsURL.path): no such file (is the run finished?)")
        }
        let records: [RunRecord]
        do {
            records = try RecordCoding.records(fromJSONLines: String(decoding: recordsData, as: UTF8.self))
        } catch let error as ResultsError {
            throw ResultsError("\(runRecordsURL.path): \(error.message)")
        }
        let manifestURL = request.runDirectory.appendingPathComponent("manifest.json")
        let manifestData = FileManager.default.contents(atPath: manifestURL.path)
        let provenance = try manifestData.map { try RunProvenance(manifestData: $0, file: manifestURL.path) }
        if let suite = provenance?.suite, suite != request.suite {
            throw ResultsError("\(manifestURL.path): the run is of suite '\(suite)', not '\(request.suite)'")
        }
        let current = BaselineComparison.Side(
            records: records, label: request.runDirectory.path, provenance: provenance)

        var report: ComparisonReport?
        var output = ""
        let baseline: BaselineFile?
        if request.updateBaseline {
            // An old baseline that cannot be read (none yet, or an older schema) is simply replaced.
            do {
                baseline =
                    FileManager.default.fileExists(atPath: request.baselineURL.path)
                    ? try BaselineFile.read(from: request.baselineURL, suite: request.suite) : nil
            } catch let error as ResultsError {
                output += "The old baseline cannot be read, so it is replaced without a comparison: \(error.message)\n"
                baseline = nil
            }
        } else {
            baseline = try BaselineFile.read(from: request.baselineURL, suite: request.suite)
        }
        if let baseline {
            let compared = try BaselineComparison.compare(
                baseline: BaselineComparison.Side(
                    records: baseline.records, label: request.baselineURL.path,
                    provenance: baseline.provenance),
                current: current, suite: request.suite, policy: policy, allowed: try allowedDifferences(for: request))
            switch request.format {
            case .table: output += ReportTable.render(compared)
            case .markdown: output += MarkdownReport.render(compared)
            }
            if let url = request.markdownURL {
                try AtomicFile.write(Data(MarkdownReport.render(compared).utf8), to: url)
            }
            if let url = request.junitURL {
                try AtomicFile.write(Data(JUnitReport.render(compared).utf8), to: url)
            }
            report = compared
        }
        guard request.updateBaseline else {
            return Outcome(output: output, exitCode: report?.exitCode ?? .success, report: report)
        }
        try BaselineFile.write(
            records: records, manifestData: manifestData, to: request.baselineURL, trimmed: request.trimBaseline)
        let sidecar =
            manifestData == nil
            ? "no manifest found, so no provenance"
            : "provenance in \(BaselineFile.manifestURL(for: request.baselineURL).path)"
        output +=
            "Wrote baseline \(request.baselineURL.path): \(records.count) runs from \(request.runDirectory.path) "
            + "(\(sidecar)).\n"
        return Outcome(output: output, exitCode: .success, report: report)
    }

    static func policy(for request: CheckRequest) throws -> ComparisonPolicy {
        var policy = ComparisonPolicy(
            failOnTime: request.failOnTime, allowBehaviourChanges: request.allowBehaviourChanges,
            allowNewBaseline: request.allowNewBaseline)
        if let tolerance = request.tolerance { policy.counts = tolerance }
        if let gap = request.gapTolerance { policy.finalGap = gap }
        if let ratio = request.timeTolerance { policy.timeRatio = ratio }
        if request.failOnTime && policy.timeRatio == nil {
            throw ResultsError("--fail-on-time: needs --time-tolerance (e.g. --time-tolerance 1.5)")
        }
        return policy
    }

    /// The given file, else `SUITE.allowed.json` beside the baseline when it exists, else none.
    static func allowedDifferences(for request: CheckRequest) throws -> AllowedDifferences? {
        if let url = request.allowedDifferencesURL { return try AllowedDifferences.load(from: url) }
        let sidecar = BaselineFile.allowedDifferencesURL(for: request.baselineURL)
        guard FileManager.default.fileExists(atPath: sidecar.path) else { return nil }
        return try AllowedDifferences.load(from: sidecar)
    }
}
