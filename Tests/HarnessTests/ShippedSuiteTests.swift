import Foundation
import Harness
import Results
import Testing

/// The suites in suites/ against the real catalogs.
@Suite struct ShippedSuiteTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("suites")

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    }

    @Test func everySuiteListedInTheReadmeIsShipped() throws {
        let readme = try String(contentsOf: Self.directory.appendingPathComponent("README.md"), encoding: .utf8)
        let required = ["batch-size", "conditioning", "learning-rate", "logistic", "rosenbrock", "saddles", "schedules", "smoke"]
        #expect(Set(required).isSubset(of: Set(Self.names.map { String($0.dropLast(5)) })))
        for name in Self.names { #expect(readme.contains("**\(name.dropLast(5))**"), "\(name) is not described") }
    }

    /// The suites built into the binary are the files in suites/, byte for byte (else run
    /// scripts/generate-shipped-suites), and the built-in text reads to the same suite and digest.
    @Test func builtInSuitesAreTheShippedFiles() throws {
        #expect(Set(ShippedSuites.texts.keys) == Set(Self.names.map { String($0.dropLast(5)) }),
                "suites/ changed: run scripts/generate-shipped-suites")
        for name in Self.names {
            let path = Self.directory.appendingPathComponent(name).path
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let stem = String(name.dropLast(5))
            #expect(ShippedSuites.texts[stem] == text, "\(name) differs from its built-in copy: run scripts/generate-shipped-suites")
            let fromFile = try SuiteLoader(catalog: .builtIn).load(path: path)
            let builtIn = try SuiteLoader(catalog: .builtIn).load(text: ShippedSuites.texts[stem] ?? "", file: "suites/\(name)")
            #expect(fromFile.digest == builtIn.digest)
        }
    }

    @Test(arguments: names) func validates(_ name: String) throws {
        let suite = try SuiteLoader(catalog: .builtIn).load(path: Self.directory.appendingPathComponent(name).path)
        #expect(suite.name + ".yaml" == name)
        try SuiteRunner.validate(try RunPlan(suite: suite))
    }

    @Test func smokeRunsTheSameOnOneAndTwoThreads() throws {
        let suite = try SuiteLoader(catalog: .builtIn).load(path: Self.directory.appendingPathComponent("smoke.yaml").path)
        let plan = try RunPlan(suite: suite)
        let one = try SuiteRunner.records(plan, options: SuiteRunOptions(jobs: 1))
        let two = try SuiteRunner.records(plan, options: SuiteRunOptions(jobs: 2))
        #expect(one.count == plan.specs.count)
        #expect(try bits(one) == bits(two))
        #expect(one.allSatisfy { $0.status != .error })
        #expect(one.contains { $0.status == .converged })
    }
}
