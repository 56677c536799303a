import Foundation
import Harness
import Objectives
import Results
import SuiteLanguage
import Testing

/// The suites in suites/ against the real catalogs.
@Suite struct ShippedSuiteTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("suites")

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".yaml") }
            .sorted()
    }

    @Test func everySuiteListedInTheReadmeIsShipped() throws {
        let readme = try String(contentsOf: Self.directory.appendingPathComponent("README.md"), encoding: .utf8)
        let required = [
            "batch-size", "conditioning", "learning-rate", "logistic", "rosenbrock", "saddles", "schedules", "smoke",
        ]
        #expect(Set(required).isSubset(of: Set(Self.names.map { String($0.dropLast(5)) })))
        for name in Self.names { #expect(readme.contains("**\(name.dropLast(5))**"), "\(name) is not described") }
    }

    /// The suites built into the binary are the files in suites/, byte for byte (else run
    /// scripts/generate-shipped-suites), and the built-in text reads to the same suite and digest.
    @Test func builtInSuitesAreTheShippedFiles() throws {
        #expect(
            Set(ShippedSuites.texts.keys) == Set(Self.names.map { String($0.dropLast(5)) }),
            "suites/ changed: run scripts/generate-shipped-suites")
        for name in Self.names {
            let path = Self.directory.appendingPathComponent(name).path
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let stem = String(name.dropLast(5))
            #expect(
                ShippedSuites.texts[stem] == text,
                "\(name) differs from its built-in copy: run scripts/generate-shipped-suites")
            let fromFile = try SuiteLoader(catalog: .builtIn).load(path: path)
            let builtInFile = BuiltInSuiteFile.file(ofSuite: stem)
            do {
                let builtIn = try SuiteLoader(catalog: .builtIn).load(
                    text: ShippedSuites.texts[stem] ?? "", file: builtInFile)
                #expect(fromFile.digest == builtIn.digest)
                #expect(
                    fromFile.dataFiles == builtIn.dataFiles, "\(name): its data files differ from the built-in copies")
            } catch {
                // A test process has no installed share/gdbench beside it: the suites that start
                // commands say where those run and how to get them.
                #expect(text.contains("kind: external"), "\(name): \(error)")
                #expect("\(error)".contains("scripts/install --prefix"))
            }
        }
    }

    /// The data files built into the binary are the files in suites/data/, byte for byte, and a
    /// built-in suite reads them from any folder with the file's SHA-256.
    @Test func builtInDataFilesAreTheShippedFiles() throws {
        let data = Self.directory.appendingPathComponent("data")
        let names = try FileManager.default.contentsOfDirectory(atPath: data.path).sorted()
        #expect(
            Set(ShippedDataFiles.texts.keys) == Set(names.map { "suites/data/\($0)" }),
            "suites/data/ changed: run scripts/generate-shipped-suites")
        for name in names {
            let bytes = try Data(contentsOf: data.appendingPathComponent(name))
            #expect(
                ShippedDataFiles.texts["suites/data/\(name)"].map { Data($0.utf8) } == bytes,
                "suites/data/\(name) differs from its built-in copy: run scripts/generate-shipped-suites")
        }
        let suite = try SuiteLoader(catalog: .builtIn).load(
            text: ShippedSuites.texts["own-problems"] ?? "", file: BuiltInSuiteFile.file(ofSuite: "own-problems"))
        let iris = try #require(suite.dataFiles.first)
        let bytes = try Data(contentsOf: data.appendingPathComponent("iris-versicolor-virginica.csv"))
        #expect(iris.sha256 == SHA256.hex(of: Array(bytes)))
        #expect(iris.path == "data/iris-versicolor-virginica.csv")
        #expect(throws: (any Error).self) {
            try SuiteLoader(catalog: .builtIn).load(
                text: (ShippedSuites.texts["own-problems"] ?? "").replacingOccurrences(of: "iris-", with: "no-such-"),
                file: BuiltInSuiteFile.file(ofSuite: "own-problems"))
        }
    }

    @Test(arguments: names) func validates(_ name: String) throws {
        let suite = try SuiteLoader(catalog: .builtIn).load(path: Self.directory.appendingPathComponent(name).path)
        #expect(suite.name + ".yaml" == name)
        try SuiteRunner.validate(try RunPlan(suite: suite))
    }

    @Test func smokeRunsTheSameOnOneAndTwoThreads() throws {
        let suite = try SuiteLoader(catalog: .builtIn).load(
            path: Self.directory.appendingPathComponent("smoke.yaml").path)
        let plan = try RunPlan(suite: suite)
        let one = try SuiteRunner.records(plan, options: SuiteRunOptions(jobs: 1))
        let two = try SuiteRunner.records(plan, options: SuiteRunOptions(jobs: 2))
        #expect(one.count == plan.specs.count)
        #expect(try bits(one) == bits(two))
        #expect(one.allSatisfy { $0.status != .error })
        #expect(one.contains { $0.status == .converged })
    }
}
