import Checking
import Foundation
import Results
import TestSupport
import Testing

/// `check` must not turn green when it compared nothing.
@Suite struct CheckBaselineTests {
    static let baseline = Subprocess.packageRoot.appendingPathComponent("results/baseline/smoke.jsonl")

    @Test func aComparisonWhereEveryRunIsNewFailsUnlessAllowed() throws {
        let records = try BaselineFile.read(from: Self.baseline, suite: "smoke").records
        let current = BaselineComparison.Side(records: records, label: "run", provenance: nil)
        let empty = BaselineComparison.Side(records: [], label: "baseline", provenance: nil)
        let strict = try BaselineComparison.compare(
            baseline: empty, current: current, suite: "smoke",
            policy: ComparisonPolicy(), allowed: nil)
        #expect(strict.everyRunIsNew)
        #expect(strict.exitCode == .regression)
        #expect(strict.headline.hasPrefix("FAIL — all \(records.count) runs are new"))
        let allowed = try BaselineComparison.compare(
            baseline: empty, current: current, suite: "smoke",
            policy: ComparisonPolicy(allowNewBaseline: true), allowed: nil)
        #expect(allowed.exitCode == .success)
        #expect(allowed.headline.contains("allowed by --allow-new-baseline"))
        let same = try BaselineComparison.compare(
            baseline: BaselineComparison.Side(records: records, label: "baseline", provenance: nil), current: current,
            suite: "smoke", policy: ComparisonPolicy(), allowed: nil)
        #expect(!same.everyRunIsNew && same.exitCode == .success)
    }

    @Test func damagedBaselinesAreNamedForWhatTheyAre() throws {
        let scratch = Subprocess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let text = try String(contentsOf: Self.baseline, encoding: .utf8)
        let cases: [(String, Data)] = [
            ("the baseline is empty (0 bytes)", Data()),
            ("the baseline is empty (only blank lines)", Data("\n \n\r\n".utf8)),
            ("line 1 ends in CR LF", Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)),
            ("binary data (a NUL byte at byte offset 3)", Data([0x7B, 0x22, 0x61, 0x00, 0x01])),
            ("not UTF-8 text", Data([0x7B, 0xC3, 0x28, 0x7D, 0x0A])),
        ]
        for (phrase, data) in cases {
            let url = scratch.appendingPathComponent("smoke.jsonl")
            try data.write(to: url)
            do {
                _ = try BaselineFile.read(from: url, suite: "smoke")
                Issue.record("read: \(phrase)")
            } catch let error as ResultsError {
                #expect(error.message.hasPrefix(url.path + ": "))
                #expect(error.message.contains(phrase), "\(error.message)")
                #expect(!error.message.contains("truncated"))
            }
        }
    }
}
