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

    @Test func aRowTimesTheCatalogsInstanceAndKeepsItsCaps() throws {
        let row = try FiniteSumConstructionBenchmark.measure(try #require(.init("logistic-600x10")))
        #expect(row.key == "logistic-600x10" && row.seconds > 0 && row.seconds.isFinite)
        #expect(throws: ParameterError.self) {
            try FiniteSumConstructionBenchmark.measure(try #require(.init("least-squares-100x20000")))
        }
    }
}
