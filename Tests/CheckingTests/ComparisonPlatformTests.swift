import Checking
import Foundation
import Results
import Testing

/// A baseline from another platform (OS, architecture or compiler, read from the provenance
/// sidecar vs this run's manifest): counts within ±2% or ±1, final gap within 1e-6 relative,
/// fingerprints not compared, and the report says so first.
@Suite struct ComparisonPlatformTests {
    typealias F = ComparisonFixtures
    static let mac = "Darwin 24.1.0 arm64 (Version 15.1 (Build 24B83))"

    @Test func thePlatformIsTheOSNameArchitectureAndCompiler() throws {
        let linux = try F.provenance().platform
        #expect(linux == PlatformIdentity(operatingSystem: "Linux", architecture: "x86_64", swiftVersion: "Swift 6.3"))
        let otherKernel = try F.provenance(operatingSystem: "Linux 6.11.0-1-azure x86_64 (Ubuntu 24.04.2 LTS)").platform
        #expect(linux.changes(to: otherKernel).isEmpty)
        let mac = try F.provenance(operatingSystem: Self.mac).platform
        #expect(linux.changes(to: mac) == ["OS Linux → Darwin", "architecture x86_64 → arm64"])
        let newer = try F.provenance(swiftVersion: "Swift ≥ 7.0").platform
        #expect(linux.changes(to: newer) == ["compiler Swift 6.3 → Swift ≥ 7.0"])
    }

    @Test func anExplicitArchitectureKeyWins() throws {
        let provenance = try RunProvenance(
            manifestData: Data(#"{"operatingSystem":"Linux 6.8 x86_64 (x)","architecture":"aarch64"}"#.utf8),
            file: "m.json")
        #expect(provenance.platform.architecture == "aarch64")
    }

    @Test func acrossPlatformsFingerprintsAreNotComparedAndCountsGetSlack() throws {
        let baseline = try F.record()
        let fromMac = try F.provenance(operatingSystem: Self.mac)
        func verdict(_ edit: (inout RunRecord) -> Void) throws -> RunVerdict {
            var current = baseline
            edit(&current)
            return try F.compare([baseline], [current], baselineProvenance: fromMac).runs[0].verdict
        }
        #expect(try verdict { F.diverge(&$0, from: 1) } == .unchanged)
        // 40: max(2% × 40, 1) = 1.
        #expect(try verdict { $0.targets.ladder[2].hit?.iteration = 41 } == .unchanged)
        #expect(try verdict { $0.targets.ladder[2].hit?.iteration = 42 } == .regression)
        // 100: max(2% × 100, 1) = 2.
        #expect(try verdict { $0.targets.ladder[3].hit?.iteration = 102 } == .unchanged)
        #expect(try verdict { $0.targets.ladder[3].hit?.iteration = 103 } == .regression)
        // Final gap 1e-6 relative.
        #expect(try verdict { $0.final.gap = 5e-9 * (1 + 5e-7) } == .unchanged)
        #expect(try verdict { $0.final.gap = 5e-9 * (1 + 2e-6) } == .behaviourChange)
        #expect(try verdict { $0.status = .budget } == .regression)
        // The same edits on the same platform are exact.
        var current = baseline
        current.targets.ladder[2].hit?.iteration = 41
        #expect(try F.compare([baseline], [current]).runs[0].verdict == .regression)
    }

    @Test func aLooserUserToleranceStaysLooserAcrossPlatforms() throws {
        let baseline = try F.record()
        var current = baseline
        current.targets.ladder[2].hit?.iteration = 43
        let report = try F.compare(
            [baseline], [current], policy: ComparisonPolicy(counts: CountTolerance(absolute: 3)),
            baselineProvenance: try F.provenance(operatingSystem: Self.mac))
        #expect(report.runs[0].verdict == .unchanged)
        #expect(report.runs[0].tolerances?.counts == CountTolerance(relative: 0.02, absolute: 3))
    }

    @Test func theReportSaysSoAtTheTop() throws {
        let record = try F.record()
        let report = try F.compare([record], [record], baselineProvenance: try F.provenance(operatingSystem: Self.mac))
        #expect(report.isCrossPlatform)
        let crossLine =
            "Cross-platform comparison (OS Darwin → Linux, architecture arm64 → x86_64): exact comparisons are "
            + "relaxed — counts within ±2% or ±1, final gap within 1e-06 relative, fingerprints not compared."
        #expect(report.preamble[2] == crossLine)
        let table = ReportTable.render(report).split(separator: "\n").map(String.init)
        #expect(table[3] == crossLine)
        let markdown = MarkdownReport.render(report)
        #expect(
            markdown.contains(
                "> [!WARNING]\n> The baseline comes from another platform (OS Darwin → Linux, architecture arm64 → "
                    + "x86\\_64): exact comparisons were relaxed."))
        let sameMachine = try F.compare([record], [record])
        #expect(!sameMachine.isCrossPlatform)
        #expect(!sameMachine.preamble.contains { $0.hasPrefix("Cross-platform") })
    }

    @Test func withoutProvenanceTheComparisonStaysExactAndSaysWhy() throws {
        let baseline = try F.record()
        var current = baseline
        F.diverge(&current, from: 63)
        let report = try F.compare([baseline], [current], baselineProvenance: .some(nil))
        #expect(!report.isCrossPlatform)
        #expect(report.runs[0].verdict == .behaviourChange)
        #expect(
            report.notes == [
                "The baseline has no provenance (no manifest beside it): platforms cannot be compared, so the "
                    + "comparison is exact."
            ])
    }
}
