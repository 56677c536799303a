import Foundation
import Harness
import Results
import TestSupport
import Testing

/// A run that fails numerically gets a status and a message; the runs around it are unaffected and
/// the suite finishes. Gradient descent on a quadratic diverges for a step above 2/L and converges
/// linearly for 1/L (Nesterov 2004, Thm 2.1.14), so both outcomes are known in advance.
@Suite struct FaultIsolationTests {
    @Test func overflowingRunsAreDivergedAndTheSuiteGoesOn() throws {
        let text = """
            name: faults
            seed: 5
            repetitions: 2
            budget: {max-iterations: 2000}
            targets: [1e-6]
            problems:
              - kind: quadratic
                d: 8
                kappa: 10
            optimizers:
              - kind: sgd
                lr: [1e300, 3/L, 1/L]
            """
        let suite = try SuiteLoader(catalog: .builtIn).load(text: text, file: "faults.yaml")
        let plan = try RunPlan(suite: suite)
        let root = Subprocess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let outcome = try Session.run(plan, options: SessionOptions(resultsRoot: root, jobs: 2))
        #expect(!outcome.interrupted)
        let records = try outcome.directory.readRecords()
        #expect(records.count == 6)
        for record in records {
            if record.optimizer.id == "sgd[lr=1/L]" {
                #expect(record.status == .converged, "\(record.id) \(record.message ?? "")")
            } else {
                #expect(record.status == .diverged, "\(record.id)")
                #expect(record.message?.isEmpty == false, "\(record.id)")
            }
        }
    }
}
