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
