import Foundation
import Results

/// Everything `gdbench check` was asked to do, with the options already typed (the command line
/// parses them: ``CountTolerance/init(parsing:what:)``, ``ComparisonPolicy/parseGapTolerance(_:what:)``,
/// ``ComparisonPolicy/parseTimeRatio(_:what:)``).
public struct CheckRequest: Sendable {
    public enum Format: String, Sendable, CaseIterable, Equatable {
        case table, markdown
    }

    public var suite: String
    /// The baseline `.jsonl` (default `results/baseline/SUITE.jsonl`).
    public var baselineURL: URL
    /// The run directory to check (`runs.jsonl`, `manifest.json`).
    public var runDirectory: URL
    /// `--tolerance` (counts): `5%`, `3`, `2%,1`; nil: exact.
    public var tolerance: CountTolerance?
    /// `--gap-tolerance` (final gap, relative): `1e-9`; nil: the policy's default.
    public var gapTolerance: Double?
    /// `--time-tolerance` as a slowdown ratio (`1.5`, or `50%` = 1.5); nil: times are not compared.
    public var timeTolerance: Double?
    public var failOnTime: Bool
    public var allowBehaviourChanges: Bool
    /// `--allowed-differences`; nil: `SUITE.allowed.json` beside the baseline when it exists.
    public var allowedDifferencesURL: URL?
    /// What goes to standard output.
    public var format: Format
    /// `--markdown FILE`: also write the Markdown report there.
    public var markdownURL: URL?
    /// `--junit FILE`.
    public var junitURL: URL?
    /// Write the run as the new baseline (after reporting how it differs from the old one).
    public var updateBaseline: Bool
    /// With `updateBaseline`: write the ``TrimmedBaseline`` form.
    public var trimBaseline: Bool
    /// A check where every run is new passes (``ComparisonPolicy/allowNewBaseline``).
    public var allowNewBaseline: Bool

    public init(
        suite: String, baselineURL: URL, runDirectory: URL, tolerance: CountTolerance? = nil,
        gapTolerance: Double? = nil, timeTolerance: Double? = nil, failOnTime: Bool = false,
        allowBehaviourChanges: Bool = false,
        allowedDifferencesURL: URL? = nil, format: Format = .table, markdownURL: URL? = nil, junitURL: URL? = nil,
        updateBaseline: Bool = false, trimBaseline: Bool = false, allowNewBaseline: Bool = false
    ) {
        self.allowNewBaseline = allowNewBaseline
        self.suite = suite
        self.baselineURL = baselineURL
        self.runDirectory = runDirectory
        self.tolerance = tolerance
        self.gapTolerance = gapTolerance
        self.timeTolerance = timeTolerance
        self.failOnTime = failOnTime
        self.allowBehaviourChanges = allowBehaviourChanges
        self.allowedDifferencesURL = allowedDifferencesURL
        self.format = format
        self.markdownURL = markdownURL
        self.junitURL = junitURL
        self.updateBaseline = updateBaseline
        self.trimBaseline = trimBaseline
    }

    /// `results/baseline/SUITE.jsonl` under `resultsRoot`.
    public static func defaultBaselineURL(resultsRoot: URL, suite: String) -> URL {
        resultsRoot.appendingPathComponent("baseline").appendingPathComponent("\(suite).jsonl")
    }
}
