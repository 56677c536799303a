import Results
import Testing

@Suite struct OutcomeTableTests {
    func record(rep: Int, finalHit: Int?, seconds: Double) -> RunRecord {
        var record = RecordCodingTests.record(id: "p[x=1]/o[lr=0.1]/rep=\(rep)")
        record.repetition = rep
        record.status = finalHit == nil ? .budget : .converged
        record.targets.ladder[1].hit = finalHit.map {
            Checkpoint(iteration: $0, gradientEvaluations: $0, functionEvaluations: 0, hessianVectorProducts: 0,
                       hessianEvaluations: 0, epochs: nil, seconds: nil)
        }
        record.wallTime = WallTime(medianSeconds: seconds, repeats: [seconds])
        return record
    }

    @Test func missesCountAsInfinityInTheMedian() throws {
        let three = OutcomeTable(records: [record(rep: 0, finalHit: 10, seconds: 1), record(rep: 1, finalHit: 20, seconds: 3),
                                           record(rep: 2, finalHit: nil, seconds: 2)])
        let row = try #require(three.rows.first)
        #expect(three.rows.count == 1)
        #expect(row.medianIterations == 20)
        #expect(row.converged == 2 && row.runs == 3)
        #expect(row.medianSeconds == 2)
        let four = OutcomeTable(records: [record(rep: 0, finalHit: 10, seconds: 1), record(rep: 1, finalHit: 20, seconds: 1),
                                          record(rep: 2, finalHit: nil, seconds: 1), record(rep: 3, finalHit: nil, seconds: 1)])
        #expect(four.rows.first?.medianIterations == nil)
        #expect(four.text().contains("—"))
    }

    @Test func durationsUseReadableUnits() {
        #expect(OutcomeTable.duration(812e-9) == "812 ns")
        #expect(OutcomeTable.duration(3.4e-6) == "3.4 µs")
        #expect(OutcomeTable.duration(0.012) == "12 ms")
        #expect(OutcomeTable.duration(1.5) == "1.5 s")
        #expect(OutcomeTable.duration(.nan) == "—")
    }
}

@Suite struct OutcomeTableStatusTests {
    func record(_ rep: Int, optimizer: String, status: RunStatus, message: String? = nil) -> RunRecord {
        var record = RecordCodingTests.record(id: "p[x=1]/\(optimizer)/rep=\(rep)")
        record.optimizer.id = optimizer
        record.repetition = rep
        record.status = status
        record.message = message
        return record
    }

    /// Each status is counted per cell, so diverged, out of budget and error no longer look alike, and
    /// each distinct error message is listed once with its count and first run.
    @Test func statusesAreCountedAndErrorsListedOnce() throws {
        let records = [
            record(0, optimizer: "a", status: .diverged), record(1, optimizer: "a", status: .budget),
            record(2, optimizer: "a", status: .timeout), record(0, optimizer: "b", status: .error, message: "L unknown"),
            record(1, optimizer: "b", status: .error, message: "L unknown"),
            record(2, optimizer: "b", status: .error, message: "not finite"),
        ]
        let table = OutcomeTable(records: records)
        let a = try #require(table.rows.first { $0.optimizer == "a" })
        let b = try #require(table.rows.first { $0.optimizer == "b" })
        #expect((a.converged, a.budget, a.diverged, a.timeout, a.error) == (0, 1, 1, 1, 0))
        #expect((b.converged, b.error, b.runs) == (0, 3, 3))
        #expect(table.statusCounts[.error] == 3 && table.statusCounts[.diverged] == 1)
        #expect(table.errors == [
            OutcomeTable.ErrorMessage(message: "L unknown", count: 2, firstRun: "p[x=1]/b/rep=0"),
            OutcomeTable.ErrorMessage(message: "not finite", count: 1, firstRun: "p[x=1]/b/rep=2"),
        ])
        let text = table.text()
        #expect(text.contains("statuses: 0 converged, 1 budget, 1 diverged, 1 timeout, 3 error"))
        #expect(text.components(separatedBy: "L unknown").count == 2, "each message once")
        #expect(text.contains("3 runs ended in error (2 distinct messages)"))
    }
}
