import Testing

@testable import Results

@Suite struct OutcomeTableTests {
    func record(rep: Int, finalHit: Int?, seconds: Double) -> RunRecord {
        var record = RecordCodingTests.record(id: "p[x=1]/o[lr=0.1]/rep=\(rep)")
        record.repetition = rep
        record.status = finalHit == nil ? .budget : .converged
        record.targets.ladder[1].hit = finalHit.map {
            Checkpoint(
                iteration: $0, gradientEvaluations: $0, functionEvaluations: 0, hessianVectorProducts: 0,
                hessianEvaluations: 0, epochs: nil, seconds: nil)
        }
        record.wallTime = WallTime(medianSeconds: seconds, repeats: [seconds])
        return record
    }

    @Test func missesCountAsInfinityInTheMedian() throws {
        let three = OutcomeTable(records: [
            record(rep: 0, finalHit: 10, seconds: 1), record(rep: 1, finalHit: 20, seconds: 3),
            record(rep: 2, finalHit: nil, seconds: 2),
        ])
        let row = try #require(three.rows.first)
        #expect(three.rows.count == 1)
        #expect(row.medianIterations == 20)
        #expect(row.converged == 2 && row.runs == 3)
        #expect(row.medianSeconds == 2)
        let four = OutcomeTable(records: [
            record(rep: 0, finalHit: 10, seconds: 1), record(rep: 1, finalHit: 20, seconds: 1),
            record(rep: 2, finalHit: nil, seconds: 1), record(rep: 3, finalHit: nil, seconds: 1),
        ])
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
            record(2, optimizer: "a", status: .timeout),
            record(0, optimizer: "b", status: .error, message: "L unknown"),
            record(1, optimizer: "b", status: .error, message: "L unknown"),
            record(2, optimizer: "b", status: .error, message: "not finite"),
        ]
        let table = OutcomeTable(records: records)
        let a = try #require(table.rows.first { $0.optimizer == "a" })
        let b = try #require(table.rows.first { $0.optimizer == "b" })
        #expect((a.converged, a.budget, a.diverged, a.timeout, a.error) == (0, 1, 1, 1, 0))
        #expect((b.converged, b.error, b.runs) == (0, 3, 3))
        #expect(table.statusCounts[.error] == 3 && table.statusCounts[.diverged] == 1)
        #expect(
            table.errors == [
                OutcomeTable.ErrorMessage(message: "L unknown", count: 2, firstRun: "p[x=1]/b/rep=0"),
                OutcomeTable.ErrorMessage(message: "not finite", count: 1, firstRun: "p[x=1]/b/rep=2"),
            ])
        let text = table.text()
        #expect(text.contains("statuses: 0 converged, 1 budget, 0 stalled, 1 diverged, 1 timeout, 3 error"))
        #expect(text.components(separatedBy: "L unknown").count == 2, "each message once")
        #expect(text.contains("3 runs ended in error (2 distinct messages)"))
    }
}

@Suite struct SummaryViewTests {
    @Test func parametersSortAsNumbers() {
        let learningRates = ["sgd[lr=2.01/L]", "sgd[lr=1/L]", "sgd[lr=10/L]", "sgd[lr=1.99/L]", "sgd[lr=0.5/L]"]
        #expect(
            learningRates.sorted(by: NaturalOrder.less)
                == ["sgd[lr=0.5/L]", "sgd[lr=1/L]", "sgd[lr=1.99/L]", "sgd[lr=2.01/L]", "sgd[lr=10/L]"])
        let kappas = ["q[kappa=1e+06]", "q[kappa=100]", "q[kappa=10]", "q[kappa=1000]"]
        #expect(
            kappas.sorted(by: NaturalOrder.less) == ["q[kappa=10]", "q[kappa=100]", "q[kappa=1000]", "q[kappa=1e+06]"])
        #expect(NaturalOrder.less("adam", "adamw") && !NaturalOrder.less("b", "a"))
    }

    func row(
        _ problem: String, _ optimizer: String, converged: Int, budget: Int = 0, diverged: Int = 0, error: Int = 0,
        median: Double?
    ) -> OutcomeTable.Row {
        OutcomeTable.Row(
            problem: problem, optimizer: optimizer, runs: converged + budget + diverged + error, converged: converged,
            budget: budget, diverged: diverged, timeout: 0, error: error, medianIterations: median, medianSeconds: 1e-3)
    }

    /// 3 optimizers × 4 problems: the matrix has 3 body rows instead of 12, so it is the default summary.
    @Test func theMatrixIsTheDefaultWhenShorter() {
        var rows: [OutcomeTable.Row] = []
        for kappa in ["1000", "10", "100", "1e+06"] {
            rows.append(row("q[kappa=\(kappa)]", "sgd[lr=1/L]", converged: 2, median: 40))
            rows.append(row("q[kappa=\(kappa)]", "adam", converged: 1, budget: 1, median: 75))
            rows.append(row("q[kappa=\(kappa)]", "heavy-ball", converged: 0, error: 2, median: nil))
        }
        let table = OutcomeTable(rows: rows, finalTarget: "relative-gap ≤ 1e-08")
        let matrix = table.matrixText(width: 100)
        #expect(table.summaryText(width: 100) == matrix)
        let lines = matrix.split(separator: "\n").map(String.init)
        let header = try? #require(lines.first { $0.hasPrefix("optimizer") })
        #expect(header?.contains("P4") == true)
        #expect(lines.contains { $0.hasPrefix("adam") && $0.contains("75 b") })
        #expect(lines.contains { $0.hasPrefix("heavy-ball") && $0.contains("— e") })
        // Columns in numeric order of κ: P1 = 10, P4 = 1e+06.
        #expect(lines.contains("P1  q[kappa=10]") && lines.contains("P4  q[kappa=1e+06]"))
        // Narrow terminals get the columns in blocks, every line within the width.
        let narrow = table.matrixText(width: 30)
        #expect(narrow.split(separator: "\n").filter { $0.hasPrefix("optimizer") }.count > 1)
        #expect(
            narrow.split(separator: "\n").filter { !$0.hasPrefix("median") && !$0.hasPrefix("statuses") }.allSatisfy {
                $0.count <= 30
            })
        // One problem: the long table is shorter and stays.
        let single = OutcomeTable(rows: [row("q", "a", converged: 1, median: 3)], finalTarget: nil)
        #expect(single.summaryText(width: 100) == single.text(width: 100))
    }

    @Test func elisionKeepsTheEndOfIds() {
        let id = "quadratic[d=100,kappa=1000,rotation=random]/adam[lr=0.01]/rep=3"
        let short = TerminalText.elide(id, to: 30)
        #expect(short.count == 30 && short.hasSuffix("adam[lr=0.01]/rep=3") && short.contains("…"))
        #expect(TerminalText.elide("short", to: 30) == "short")
    }
}
