import Analysis
import Foundation
import Results
import Testing

/// Every shipped suite, run at a reduced budget (``ReducedSuiteRun``), backs every claim its
/// description in suites/README.md makes (``ClaimRegistry``); and the claims can fail.
@Suite(.serialized) struct ClaimTests {
    @Test func everyShippedSuiteRegistersItsClaims() {
        for name in ReducedSuiteRun.shipped { #expect(!(ClaimRegistry.bySuite[name] ?? []).isEmpty, "\(name) has no claims") }
    }

    @Test(arguments: ReducedSuiteRun.shipped) func claimsHoldOnAReducedRun(_ name: String) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gdbench-claims-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try ReducedSuiteRun(name, root: root)
        let claims = ClaimRegistry.evaluate(try run.results)
        #expect(!claims.isEmpty)
        for claim in claims {
            #expect(claim.outcome.verdict == .holds, "\(name): \(claim.statement) — \(claim.outcome.verdict.rawValue): \(claim.outcome.evidence)")
        }
    }
}
