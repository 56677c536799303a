import Foundation
import Harness
import Results
import Testing

/// The problem key `sampling`: parsing and its errors, ids and records, and records that are the same
/// bits on one thread, two threads and three shards.
@Suite struct SamplingKeyTests {
    static let text = """
        name: sampling-key
        seed: 5
        repetitions: 2
        budget: {max-epochs: 3, max-iterations: 100000}
        targets: {measure: relative-gap, thresholds: [1e-1, 1e-12]}
        problems:
          - kind: least-squares
            n: 60
            d: 4
            lambda: 0.01
            batch-size: 7
            sampling: [reshuffle, replacement, fixed-order]
        optimizers:
          - kind: sgd
            lr: 0.5/L
        """

    static func load(_ text: String) throws -> Suite {
        try SuiteLoader(catalog: .builtIn).load(text: text, file: "s.yaml")
    }

    @Test func idsNameTheModeExceptTheDefault() throws {
        let records = try SuiteRunner.records(try RunPlan(suite: Self.load(Self.text)))
        let ids = Set(records.map(\.problem.id))
        #expect(
            ids == [
                "least-squares[batch-size=7,d=4,lambda=0.01,n=60]",
                "least-squares[batch-size=7,d=4,lambda=0.01,n=60,sampling=replacement]",
                "least-squares[batch-size=7,d=4,lambda=0.01,n=60,sampling=fixed-order]",
            ])
        for record in records {
            let expected: String? =
                record.problem.id.contains("replacement")
                ? "replacement"
                : record.problem.id.contains("fixed-order") ? "fixed-order" : nil
            #expect(record.problem.sampling == expected)
            #expect(try !RecordCoding.line(record).contains("\"sampling\"") || expected != nil)
        }
        // The three modes see different batches, so they end at different points.
        #expect(Set(records.filter { $0.repetition == 0 }.map(\.finalFingerprint)).count == 3)
    }

    @Test func recordsAreTheSameBitsOnOneTwoThreadsAndShards() throws {
        let plan = try RunPlan(suite: Self.load(Self.text))
        let one = try SuiteRunner.records(plan, options: SuiteRunOptions(jobs: 1))
        let two = try SuiteRunner.records(plan, options: SuiteRunOptions(jobs: 2))
        var sharded: [RunRecord] = []
        for index in 1...3 {
            sharded += try SuiteRunner.records(
                plan, options: SuiteRunOptions(jobs: 2, shard: try Shard(index: index, count: 3)))
        }
        #expect(try bits(one) == bits(two))
        #expect(try bits(one) == bits(sharded.sorted { $0.id < $1.id }))
    }

    @Test func samplingNeedsMiniBatchesAndAKnownMode() throws {
        let unknown = Self.text.replacingOccurrences(of: "[reshuffle, replacement, fixed-order]", with: "replacment")
        #expect(throws: SuiteError.self) { try Self.load(unknown) }
        do { _ = try Self.load(unknown) } catch {
            #expect("\(error)".contains("s.yaml:12") && "\(error)".contains("did you mean 'replacement'"), "\(error)")
        }
        let full = Self.text.replacingOccurrences(of: "batch-size: 7", with: "batch-size: [7, full]")
        do {
            _ = try Self.load(full)
            Issue.record("sampling with a full batch was accepted")
        } catch {
            #expect("\(error)".contains("problems[0].sampling") && "\(error)".contains("batch-size"), "\(error)")
        }
        let quadratic =
            "name: q\nseed: 1\nbudget: {max-iterations: 10}\ntargets: {measure: relative-gap, thresholds: [1e-2]}\n"
            + "problems:\n  - {kind: quadratic, d: 3, sampling: replacement}\noptimizers:\n  - {kind: sgd, lr: 0.1}\n"
        #expect(throws: (any Error).self) { try Self.load(quadratic) }
    }
}
