import Foundation
import Harness
import Objectives
import Testing

/// Every problem and optimizer kind of the built-in catalog is used by at least one shipped suite
/// (suites/*.yaml), as an entry's `kind` or as the inner method of a wrapper (`switch`'s `first` and
/// `second`, `random-restarts`' `inner`). The kind lists come from the catalog itself, so a kind
/// added without a suite fails here.
@Suite struct CatalogCoverageTests {
    static func shippedSuites() throws -> [Suite] {
        try ShippedSuiteTests.names.map { name in
            try SuiteLoader(catalog: .builtIn).load(path: ShippedSuiteTests.directory.appendingPathComponent(name).path)
        }
    }

    /// The problem and optimizer kind names the suites use.
    static func usedKinds(_ suites: [Suite]) -> (problems: Set<String>, optimizers: Set<String>) {
        var problems: Set<String> = [], optimizers: Set<String> = []
        for suite in suites {
            for entry in suite.problems { problems.insert(entry.kind.name) }
            for entry in suite.optimizers {
                optimizers.insert(entry.kind.name)
                for key in entry.kind.innerKindKeys {
                    for template in entry.parameters[key] ?? [] { optimizers.insert(template.idText) }
                }
            }
        }
        return (problems, optimizers)
    }

    /// The catalog's kinds that no suite uses, sorted.
    static func unused(_ catalog: Catalog, _ suites: [Suite]) -> (problems: [String], optimizers: [String]) {
        let used = usedKinds(suites)
        return (
            catalog.problems.map(\.name).filter { !used.problems.contains($0) }.sorted(),
            catalog.optimizers.map(\.name).filter { !used.optimizers.contains($0) }.sorted()
        )
    }

    @Test func everyCatalogKindIsUsedByAShippedSuite() throws {
        let unused = Self.unused(.builtIn, try Self.shippedSuites())
        #expect(unused.problems.isEmpty, "problem kinds no shipped suite uses: \(unused.problems)")
        #expect(unused.optimizers.isEmpty, "optimizer kinds no shipped suite uses: \(unused.optimizers)")
    }

    /// The check sees a kind no suite uses, and counts inner methods as used.
    @Test func aKindWithoutASuiteIsReported() throws {
        let suites = try Self.shippedSuites()
        var catalog = Catalog.builtIn
        catalog.problems.append(
            ProblemKind(name: "unused-bowl", summary: "test", parameters: []) { _, _ in
                throw SuiteError(file: "", line: nil, keyPath: "", message: "never built")
            })
        #expect(Self.unused(catalog, suites).problems == ["unused-bowl"])
        let used = Self.usedKinds(suites).optimizers
        #expect(used.contains("lbfgs") && used.contains("gd-armijo"))
        let onlyWrapped = suites.filter { suite in suite.optimizers.contains { $0.kind.name == "random-restarts" } }
        #expect(Self.usedKinds(onlyWrapped).optimizers.contains("gd-armijo"))
    }
}
