import Foundation
import Results
import Testing

@testable import Harness

/// The runner keeps no records: its collector counts them and hands each to `onRecord`, so the run
/// phase's memory does not grow with the records (a record with its trace is tens of kB).
@Suite struct CollectorTests {
    @Test func theCollectorCountsAndForwardsButHoldsNoRecord() throws {
        let records = try SuiteRunner.records(
            try plan(
                """
                name: c
                seed: 2
                repetitions: 3
                budget: {max-iterations: 20}
                problems: [{kind: quad, d: 2, kappa: 10}]
                optimizers: [{kind: gd, lr: 0.1}]
                """))
        let forwarded = HandedRecords()
        let collector = Collector(
            total: 4,
            onRecord: { record, done, total in
                #expect(total == 4 && done >= 2)
                forwarded.add(record)
            })
        collector.countFinished()
        for record in records { collector.add(record) }
        #expect(collector.count == 4)
        #expect(forwarded.records.map(\.id) == records.map(\.id))
        // Nothing the collector stores is a record or a collection of them.
        func holdsRecords(_ value: Any) -> Bool {
            if value is RunRecord { return true }
            return Mirror(reflecting: value).children.contains { holdsRecords($0.value) }
        }
        #expect(Mirror(reflecting: collector).children.count >= 2)
        #expect(!holdsRecords(collector))
        // The check above does find records where they are kept.
        #expect(holdsRecords(records))
    }
}
