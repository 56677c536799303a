import Foundation
import Harness
import Optimizers
import Results
import Testing

/// The example in ``Catalog``'s doc comment compiles against today's API: `example` below is that
/// example verbatim, and the test fails when the doc comment and this body drift apart.
@Suite struct CatalogExampleTests {
    static func example(myOptimizerKind: OptimizerKind) throws -> [RunRecord] {
        // example-begin
        var catalog = Catalog.builtIn
        catalog.optimizers.append(myOptimizerKind)
        let suite = try SuiteLoader(catalog: catalog).load(path: "suites/mine.yaml")
        let records = try SuiteRunner.records(try RunPlan(suite: suite))
        // example-end
        return records
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func lines(of path: String) throws -> [String] {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8).components(separatedBy: "\n")
    }

    @Test func docCommentShowsTheCompiledExample() throws {
        let doc = try Self.lines(of: "Sources/SuiteLanguage/Catalog.swift")
        let docStart = try #require(doc.firstIndex(of: "/// ```swift"))
        let docEnd = try #require(doc[(docStart + 1)...].firstIndex(of: "/// ```"))
        let documented = doc[(docStart + 1)..<docEnd].map { String($0.dropFirst(4)) }

        let test = try Self.lines(of: "Tests/HarnessTests/CatalogExampleTests.swift")
        let trimmed = test.map { $0.trimmingCharacters(in: .whitespaces) }
        let start = try #require(trimmed.firstIndex(of: "// example-begin"))
        let end = try #require(trimmed.firstIndex(of: "// example-end"))
        #expect(documented == Array(trimmed[(start + 1)..<end]))
        #expect(documented.count == 4)
    }
}
