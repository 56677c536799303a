import Analysis
import Figures
import Foundation
import Results
import Testing

/// `gdbench compare`: the merged ids, and paired statistics that see a change made on purpose.
@Suite struct RunComparisonTests {
    @Test func identicalRunsTieAndASlowerRunLosesEveryPair() throws {
        let base = try Fixture.results()
        var slower = base.records
        for index in slower.indices {
            for target in slower[index].targets.ladder.indices {
                slower[index].targets.ladder[target].hit?.iteration *= 2
            }
        }
        let comparison = RunComparison(
            runs: [base, ResultSet(records: slower, manifest: base.manifest)], labels: ["old", "new"])
        #expect(comparison.merged.records.count == 2 * base.records.count)
        #expect(Set(comparison.merged.optimizerIDs) == Set(base.optimizerIDs.flatMap { [$0 + " @old", $0 + " @new"] }))
        #expect(comparison.commonRandomNumbers)
        let rows = comparison.pairedTable().rows
        let expected = base.optimizerIDs.filter { id in
            base.runs(optimizer: id).contains {
                $0.targets.ladder.last?.hit != nil && $0.targets.ladder.last!.hit!.iteration > 0
            }
        }
        #expect(!expected.isEmpty)
        let cells = Dictionary(uniqueKeysWithValues: base.cells.map { ($0.key, $0) })
        for id in expected {
            let row = try #require(rows.first { $0[0] == id })
            let pairs = Int(row[2]) ?? 0
            // A problem whose repetitions are bit-identical copies (a deterministic cell) is one pair.
            var seen = Set<String>()
            let counted = base.runs(optimizer: id).filter { run in
                cells[CellKey(problemID: run.problem.id, optimizerID: id)]?.isDeterministic != true
                    || seen.insert(run.problem.id).inserted
            }
            let hits = counted.filter { ($0.targets.ladder.last?.hit?.iteration ?? 0) > 0 }.count
            #expect(row[5] == "\(hits)/0", "\(id): \(row)")
            #expect(pairs == counted.count)
        }
        let same = RunComparison(runs: [base, base], labels: ["a", "b"]).pairedTable().rows
        #expect(same.allSatisfy { $0[5] == "0/0" && $0[6] == "—" })
    }
}
