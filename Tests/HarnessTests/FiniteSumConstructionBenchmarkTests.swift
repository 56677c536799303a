import Foundation
import Objectives
import Parameters
import Testing

@testable import Harness

/// The finite-sum rows of the construction table: their keys, and that a row builds the instance
/// the catalog builds (through its size and memory checks).
@Suite struct FiniteSumConstructionBenchmarkTests {
    @Test func keysNameAKindAndASize() throws {
        let logistic = try #require(FiniteSumConstructionBenchmark.Case("logistic-100000x500"))
        #expect(logistic.kind == "logistic" && logistic.rows == 100_000 && logistic.features == 500)
        #expect(logistic.key == "logistic-100000x500")
        #expect(FiniteSumConstructionBenchmark.Case("least-squares-10000x10000")?.features == 10_000)
        for bad in [
            "logistic", "logistic-100x", "quadratic-10x10", "logistic-1x5", "least-squares-10x0", "logistic-axb",
        ] {
            #expect(FiniteSumConstructionBenchmark.Case(bad) == nil, "\(bad)")
        }
        #expect(
            FiniteSumConstructionBenchmark.standardCases.allSatisfy { FiniteSumConstructionBenchmark.Case($0) != nil })
    }

    @Test func limitsStandsForTheFourRowsAtTenToTheEightEntries() throws {
        let keys = FiniteSumConstructionBenchmark.keys(expanding: "logistic-600x10,limits")
        #expect(keys.first == "logistic-600x10" && keys.count == 5)
        for key in keys.dropFirst() {
            let size = try #require(FiniteSumConstructionBenchmark.Case(key))
            #expect(size.rows * size.features == 100_000_000 && size.features <= 10_000, "\(key)")
        }
        #expect(Set(keys.dropFirst().map { $0.hasPrefix("logistic") }) == [true, false])
    }

    @Test func aRowTimesTheCatalogsInstanceAndKeepsItsCaps() throws {
        let row = try FiniteSumConstructionBenchmark.measure(try #require(.init("logistic-600x10")))
        #expect(row.key == "logistic-600x10" && row.seconds > 0 && row.seconds.isFinite)
        #expect(throws: ParameterError.self) {
            try FiniteSumConstructionBenchmark.measure(try #require(.init("least-squares-100x20000")))
        }
    }
}
