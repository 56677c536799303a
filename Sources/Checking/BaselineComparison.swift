import Results

/// Compares the records of a run with a baseline's, run id by run id, and classifies every
/// difference (see ``Finding/Kind``):
///
/// - **Status**, ranked converged > budget > {diverged, timeout, error}: a lower rank is a
///   regression, a higher one an improvement, another failure kind (diverged → error) a
///   behaviour change.
/// - **Targets** (matched by threshold) and **milestones** (by name): a lost hit is a
///   regression, a new hit an improvement; for hits on both sides, iterations, gradient and
///   function evaluations, Hessian-vector products and Hessian evaluations must agree within the
///   count tolerance — more is a regression, fewer an improvement, a difference within tolerance
///   a note.
/// - **Final gap** (`final.gap`, or `final.value` when f* is unknown) beyond its relative
///   tolerance, either way: a behaviour change.
/// - **Final-iterate fingerprint** changed (when compared): a behaviour change, located with
///   ``TraceDivergence``.
/// - **Median wall time** (only with a time ratio): slower beyond the ratio is a warning, or a
///   regression with `failOnTime`; faster beyond it a note, or an improvement with `failOnTime`.
///
/// Runs only in the baseline are `missing` (failing), runs only in this run `new`.
public enum BaselineComparison {
    /// One side of a comparison: its records, where they came from (for messages) and provenance.
    public struct Side: Sendable {
        public var records: [RunRecord]
        /// The file or directory, as shown in the report.
        public var label: String
        public var provenance: RunProvenance?

        public init(records: [RunRecord], label: String, provenance: RunProvenance?) {
            self.records = records
            self.label = label
            self.provenance = provenance
        }
    }

    /// Compares `current` with `baseline`; throws when a side repeats a run id.
    public static func compare(
        baseline: Side, current: Side, suite: String, policy: ComparisonPolicy,
        allowed: AllowedDifferences? = nil
    ) throws -> ComparisonReport {
        let baselineByID = try index(baseline)
        let currentByID = try index(current)
        let platformChanges: [String]
        if let from = baseline.provenance, let to = current.provenance {
            platformChanges = from.platform.changes(to: to.platform)
        } else {
            platformChanges = []
        }
        let crossPlatform = !platformChanges.isEmpty
        let entries = allowed?.entries(forSuite: suite) ?? []

        var runs: [RunComparison] = []
        for id in Set(baselineByID.keys).union(currentByID.keys).sorted() {
            switch (baselineByID[id], currentByID[id]) {
            case let (b?, c?):
                let tolerances = RunTolerances.resolve(
                    id: id, suite: suite, policy: policy, allowed: entries,
                    crossPlatform: crossPlatform)
                runs.append(compare(b, c, tolerances: tolerances, policy: policy))
            case (_?, nil):
                runs.append(
                    RunComparison(
                        id: id, verdict: .missing,
                        findings: [Finding(.regression, "in the baseline, not in this run")],
                        divergence: nil, tolerances: nil))
            case (nil, _?):
                runs.append(
                    RunComparison(
                        id: id, verdict: .new,
                        findings: [Finding(.note, "not in the baseline: nothing to compare")],
                        divergence: nil, tolerances: nil))
            case (nil, nil):
                break
            }
        }
        runs.sort { ($0.verdict, $0.id) < ($1.verdict, $1.id) }

        let allIDs = Set(baselineByID.keys).union(currentByID.keys).sorted()
        let unused = entries.filter { entry in !allIDs.contains { entry.runs.matches($0) } }

        var notes: [String] = []
        if baseline.provenance == nil {
            notes.append(
                "The baseline has no provenance (no manifest beside it): platforms cannot be compared, so the "
                    + "comparison is exact.")
        }
        if policy.timeRatio != nil, let from = baseline.provenance?.buildConfiguration,
            let to = current.provenance?.buildConfiguration, from != to
        {
            notes.append("Wall times compare a \(from) build with a \(to) build.")
        }
        if policy.timeRatio != nil, crossPlatform {
            notes.append("Wall times compare different platforms.")
        }
        return ComparisonReport(
            suite: suite, baselineLabel: baseline.label, currentLabel: current.label,
            baselineProvenance: baseline.provenance, currentProvenance: current.provenance,
            platformChanges: platformChanges, notes: notes, policy: policy, runs: runs,
            allowedFile: allowed?.file, unusedAllowances: unused)
    }

    static func index(_ side: Side) throws -> [String: RunRecord] {
        var byID: [String: RunRecord] = [:]
        for record in side.records {
            guard byID.updateValue(record, forKey: record.id) == nil else {
                throw ResultsError("\(side.label): run id \(record.id) appears more than once")
            }
        }
        return byID
    }

    /// Rank of a status: a lower rank is worse.
    static func rank(_ status: RunStatus) -> Int {
        switch status {
        case .converged: return 2
        case .budget, .stalled: return 1
        case .diverged, .timeout, .error: return 0
        }
    }

    static func compare(_ b: RunRecord, _ c: RunRecord, tolerances: RunTolerances, policy: ComparisonPolicy)
        -> RunComparison
    {
        var findings: [Finding] = []

        if b.status != c.status {
            let change = "status \(b.status.rawValue) → \(c.status.rawValue)" + (c.message.map { " (\($0))" } ?? "")
            let kind: Finding.Kind =
                rank(c.status) < rank(b.status)
                ? .regression
                : rank(c.status) > rank(b.status) ? .improvement : .behaviourChange
            findings.append(Finding(kind, change))
        }

        var currentTargets: [Double: Int] = [:]
        for (index, target) in c.targets.ladder.enumerated() { currentTargets[target.threshold] = index }
        if b.targets.measure != c.targets.measure {
            findings.append(
                Finding(
                    .behaviourChange, "target measure \(b.targets.measure.rawValue) → \(c.targets.measure.rawValue)"))
        } else {
            for target in b.targets.ladder {
                let name = "target \(ReportNumber.plain(target.threshold))"
                guard let index = currentTargets[target.threshold] else {
                    findings.append(Finding(.behaviourChange, "\(name) is no longer on the ladder"))
                    continue
                }
                findings += hitFindings(
                    name, "hit", baseline: target.hit, current: c.targets.ladder[index].hit,
                    countsTo: "to \(name.dropFirst("target ".count))", tolerance: tolerances.counts)
            }
            let baselineThresholds = Set(b.targets.ladder.map(\.threshold))
            for target in c.targets.ladder where !baselineThresholds.contains(target.threshold) {
                findings.append(
                    Finding(.behaviourChange, "target \(ReportNumber.plain(target.threshold)) is new on the ladder"))
            }
        }

        for milestone in b.milestones {
            let name = "milestone \(milestone.name)"
            guard let other = c.milestones.first(where: { $0.name == milestone.name }) else {
                findings.append(Finding(.behaviourChange, "\(name) is no longer recorded"))
                continue
            }
            findings += hitFindings(
                name, "reached", baseline: milestone.hit, current: other.hit, countsTo: "to \(name)",
                tolerance: tolerances.counts)
        }

        let gapName = b.final.gap != nil || c.final.gap != nil ? "final gap" : "final value"
        let bGap = b.final.gap != nil || c.final.gap != nil ? b.final.gap : b.final.value
        let cGap = b.final.gap != nil || c.final.gap != nil ? c.final.gap : c.final.value
        if !tolerances.finalGapsAgree(bGap, cGap) {
            var before = bGap.map(ReportNumber.plain) ?? "none"
            var after = cGap.map(ReportNumber.plain) ?? "none"
            if before == after, let bGap, let cGap {
                // Six digits do not show the change: print both in shortest round-trip form.
                before = "\(bGap)"
                after = "\(cGap)"
            }
            var text = "\(gapName) \(before) → \(after)"
            if let bGap, let cGap, bGap.isFinite, cGap.isFinite {
                text +=
                    " (relative change \(ReportNumber.plain(abs(cGap - bGap) / max(abs(bGap), abs(cGap)))), tolerance "
                    + "\(ReportNumber.plain(tolerances.finalGap)))"
            }
            findings.append(Finding(.behaviourChange, text))
        }

        var divergence: TraceDivergence?
        if tolerances.compareFingerprints && b.finalFingerprint != c.finalFingerprint {
            let located = TraceDivergence.locate(baseline: b, current: c)
            divergence = located
            findings.append(
                Finding(
                    .behaviourChange,
                    "final iterate changed (fingerprint \(b.finalFingerprint) → \(c.finalFingerprint)); \(located)"))
        }

        if let ratioLimit = policy.timeRatio, b.wallTime.medianSeconds > 0, b.wallTime.medianSeconds.isFinite,
            c.wallTime.medianSeconds.isFinite
        {
            let ratio = c.wallTime.medianSeconds / b.wallTime.medianSeconds
            let text =
                "median wall time \(seconds(b.wallTime.medianSeconds)) → \(seconds(c.wallTime.medianSeconds)) "
                + "(×\(ReportNumber.plain(ratio)), tolerance ×\(ReportNumber.plain(ratioLimit)))"
            if ratio > ratioLimit {
                findings.append(Finding(policy.failOnTime ? .regression : .warning, "slower: " + text))
            } else if ratio < 1 / ratioLimit {
                findings.append(Finding(policy.failOnTime ? .improvement : .note, "faster: " + text))
            }
        }

        let ordered = findings.enumerated().sorted { ($0.element.kind, $0.offset) < ($1.element.kind, $1.offset) }.map(
            \.element)
        return RunComparison(
            id: b.id, verdict: RunComparison.verdict(for: ordered), findings: ordered,
            divergence: divergence, tolerances: tolerances)
    }

    /// `iterations to 1e-06: 40 → 41 (+1; tolerance exact)` for each counter that differs.
    /// A target's or milestone's first hit in the baseline and now: a regression when it is no longer `verb`, an
    /// improvement when it now is, else the counters at the hit compared within `tolerance`.
    static func hitFindings(
        _ name: String, _ verb: String, baseline: Checkpoint?, current: Checkpoint?, countsTo what: String,
        tolerance: CountTolerance
    ) -> [Finding] {
        switch (baseline, current) {
        case let (bHit?, nil):
            return [Finding(.regression, "\(name) no longer \(verb) (baseline: iteration \(bHit.iteration))")]
        case let (nil, cHit?):
            return [Finding(.improvement, "\(name) now \(verb) (iteration \(cHit.iteration))")]
        case let (bHit?, cHit?):
            let pairs = [
                ("iterations", bHit.iteration, cHit.iteration),
                ("gradient evaluations", bHit.gradientEvaluations, cHit.gradientEvaluations),
                ("function evaluations", bHit.functionEvaluations, cHit.functionEvaluations),
                ("Hessian-vector products", bHit.hessianVectorProducts, cHit.hessianVectorProducts),
                ("Hessian evaluations", bHit.hessianEvaluations, cHit.hessianEvaluations),
            ]
            return countFindings(pairs, to: what, tolerance: tolerance)
        case (nil, nil):
            return []
        }
    }

    static func countFindings(_ pairs: [(String, Int, Int)], to what: String, tolerance: CountTolerance) -> [Finding] {
        pairs.compactMap { name, b, c in
            guard b != c else { return nil }
            let text = "\(name) \(what): \(b) → \(c) (\(ReportNumber.signed(c - b)); tolerance \(tolerance))"
            if tolerance.accepts(baseline: b, current: c) { return Finding(.note, text) }
            return Finding(c > b ? .regression : .improvement, text)
        }
    }

    /// `1.25 ms`, `3.2 s`.
    static func seconds(_ value: Double) -> String {
        if value >= 1 { return ReportNumber.plain(value) + " s" }
        if value >= 1e-3 { return ReportNumber.plain(value * 1e3) + " ms" }
        return ReportNumber.plain(value * 1e6) + " µs"
    }
}
