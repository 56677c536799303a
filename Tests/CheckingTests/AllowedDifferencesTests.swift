import Checking
import Foundation
import Results
import Testing

/// The allowed-differences file: its format and error messages, per-cell and per-suite
/// tolerances with their reasons, override order, and unused globs.
@Suite struct AllowedDifferencesTests {
    typealias F = ComparisonFixtures

    func parse(_ json: String) throws -> AllowedDifferences {
        try AllowedDifferences(parsing: Data(json.utf8), file: "smoke.allowed.json")
    }

    func message(_ json: String) -> String? {
        do {
            _ = try parse(json)
            return nil
        } catch {
            return (error as? ResultsError)?.message
        }
    }

    @Test func entriesParseWithTheirReasons() throws {
        let allowed = try parse(
            """
            {"schemaVersion": 1, "allowed": [
              {"runs": "*", "suite": "smoke", "counts": "2%", "reason": "shared CI machines"},
              {"runs": "rosenbrock[*]/adam[*]/rep=*", "counts": "5%,2", "finalGap": 1e-6, "fingerprints": false,
               "reason": "Adam bias correction via pow"}
            ]}
            """)
        #expect(allowed.entries.count == 2)
        #expect(
            allowed.entries[0]
                == AllowedDifference(
                    index: 0, runs: GlobPattern("*"), reason: "shared CI machines",
                    suite: "smoke", counts: CountTolerance(relative: 0.02)))
        #expect(allowed.entries[1].counts == CountTolerance(relative: 0.05, absolute: 2))
        #expect(allowed.entries[1].finalGap == 1e-6)
        #expect(allowed.entries[1].fingerprints == false)
        #expect(allowed.entries[1].runs.matches("rosenbrock[d=2]/adam[lr=0.001]/rep=3"))
        #expect(!allowed.entries[1].runs.matches("rosenbrock[d=2]/adamw[lr=0.001]/rep=3"))
        #expect(!allowed.entries[1].runs.matches("quadratic[d=2]/adam[lr=0.001]/rep=3"))
    }

    @Test func badFilesAreErrorsNamingTheFileAndKey() {
        #expect(
            message(#"{"allowed": [{"runs": "*", "reason": "x"}, {"runs": "a*", "counts": "5%"}]}"#)
                == "smoke.allowed.json: allowed[1].reason: missing (required)")
        #expect(
            message(#"{"allowed": [{"runs": "*", "reason": "  "}]}"#)
                == "smoke.allowed.json: allowed[0].reason: expected the reason this difference is allowed, found an "
                + "empty string")
        #expect(
            message(#"{"allowed": [{"runs": "*", "reason": "r", "count": "5%"}]}"#)
                == "smoke.allowed.json: allowed[0].count: unknown key (known: runs, reason, suite, counts, finalGap, "
                + "fingerprints)")
        #expect(
            message(#"{"allowed": [{"runs": "*", "reason": "r", "counts": "five"}]}"#)
                == "smoke.allowed.json: allowed[0].counts: expected a count tolerance such as 5%, 3 or 2%,1 "
                + "(non-negative), found 'five'")
        #expect(
            message(#"{"allowed": [{"runs": "*", "reason": "r", "finalGap": -1}]}"#)
                == "smoke.allowed.json: allowed[0].finalGap: expected a relative tolerance ≥ 0, found -1.0")
        #expect(
            message(#"{"allowed": [{"runs": "*", "reason": "r", "fingerprints": "no"}]}"#)
                == "smoke.allowed.json: allowed[0].fingerprints: expected true or false")
        #expect(
            message(#"{"schemaVersion": 2, "allowed": []}"#) == "smoke.allowed.json: schemaVersion: expected 1, found 2"
        )
        #expect(
            message(#"{"allowd": []}"#) == "smoke.allowed.json: allowd: unknown key (known: schemaVersion, allowed)")
        #expect(message(#"{}"#) == "smoke.allowed.json: allowed: missing (required)")
        #expect(message(#"{"allowed": [}"#)?.hasPrefix("smoke.allowed.json: not valid JSON") == true)
    }

    /// Both runs take 2 more iterations to 1e-6 (40 → 42); only the one the entry names has 5%
    /// (slack 2) and passes, and the report carries the entry's reason.
    @Test func aPerCellEntryLoosensOnlyTheRunsItMatches() throws {
        let a = try F.record("rosenbrock[d=2]/adam[lr=0.001]/rep=0")
        let b = try F.record("quadratic[d=2]/adam[lr=0.001]/rep=0")
        var a2 = a, b2 = b
        a2.targets.ladder[2].hit?.iteration = 42
        b2.targets.ladder[2].hit?.iteration = 42
        let allowed = try parse(
            #"{"allowed": [{"runs": "rosenbrock[*", "counts": "5%", "reason": "step size rounding, #17"}]}"#)
        let report = try F.compare([a, b], [a2, b2], allowed: allowed)
        let byID = Dictionary(uniqueKeysWithValues: report.runs.map { ($0.id, $0) })
        #expect(byID[a.id]?.verdict == .unchanged)
        #expect(byID[a.id]?.tolerances?.allowances.map(\.reason) == ["step size rounding, #17"])
        #expect(byID[b.id]?.verdict == .regression)
        #expect(report.exitCode == .regression)
        #expect(report.unusedAllowances.isEmpty)
    }

    @Test func anEntryForAnotherSuiteDoesNotApply() throws {
        let baseline = try F.record()
        var current = baseline
        current.targets.ladder[2].hit?.iteration = 41
        let other = try parse(#"{"allowed": [{"runs": "*", "suite": "conditioning", "counts": "10%", "reason": "r"}]}"#)
        #expect(try F.compare([baseline], [current], allowed: other).runs[0].verdict == .regression)
        let same = try parse(#"{"allowed": [{"runs": "*", "suite": "smoke", "counts": "10%", "reason": "r"}]}"#)
        #expect(try F.compare([baseline], [current], allowed: same).runs[0].verdict == .unchanged)
    }

    @Test func fingerprintsAndFinalGapCanBeExcusedPerRun() throws {
        let baseline = try F.record()
        var current = baseline
        F.diverge(&current, from: 8)
        current.final.gap = 5e-9 * (1 + 1e-7)
        let allowed = try parse(
            #"{"allowed": [{"runs": "quadratic*", "fingerprints": false, "finalGap": 1e-6, "reason": "FMA"}]}"#)
        #expect(try F.compare([baseline], [current]).runs[0].verdict == .behaviourChange)
        #expect(try F.compare([baseline], [current], allowed: allowed).runs[0].verdict == .unchanged)
    }

    @Test func laterEntriesOverrideEarlierOnes() throws {
        let baseline = try F.record()
        var current = baseline
        current.targets.ladder[2].hit?.iteration = 42
        let tightenedLater = try parse(
            """
            {"allowed": [{"runs": "*", "counts": "10%", "reason": "general"},
                         {"runs": "quadratic*", "counts": "1", "reason": "this cell is sensitive"}]}
            """)
        let report = try F.compare([baseline], [current], allowed: tightenedLater)
        #expect(report.runs[0].verdict == .regression)
        #expect(report.runs[0].tolerances?.counts == CountTolerance(absolute: 1))
        #expect(report.runs[0].tolerances?.allowances.map(\.index) == [0, 1])
    }

    @Test func aGlobThatMatchesNothingIsReportedAsUnused() throws {
        let record = try F.record()
        let allowed = try parse(
            """
            {"allowed": [{"runs": "quadratic*", "counts": "1", "reason": "used"},
                         {"runs": "rosenbrock[*]/lbfgs*", "counts": "1", "reason": "removed optimizer"}]}
            """)
        let report = try F.compare([record], [record], allowed: allowed)
        #expect(report.unusedAllowances.map(\.index) == [1])
        #expect(
            report.preamble.contains(
                "Unused allowed difference allowed[1] (rosenbrock[*]/lbfgs*): matches no run (reason: removed "
                    + "optimizer)."))
        #expect(report.exitCode == .success)
    }

    @Test func runIDGlobsFollowTheFilterRules() {
        #expect(GlobPattern("quadratic[d=2]/*/rep=?").matches("quadratic[d=2]/gd[lr=0.1]/rep=3"))
        #expect(!GlobPattern("quadratic[d=2]/*/rep=?").matches("quadratic[d=2]/gd[lr=0.1]/rep=10"))
        #expect(GlobPattern("*adam*").matches("q/adam[lr=1]/rep=0"))
        #expect(!GlobPattern("adam").matches("q/adam[lr=1]/rep=0"))
        #expect(GlobPattern("*").matches(""))
    }
}
