import External
import Foundation
import Harness
import Results
import TestSupport

/// Paths, suites in temporary directories, and the built gdbench, for the external-protocol tests.
enum ExternalSupport {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let packageRoot = Subprocess.packageRoot
    static let pythonClients = packageRoot.appendingPathComponent("clients/python")

    /// python3 on PATH (the tests that start Python clients are skipped without it).
    static let hasPython: Bool = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/python3") }
    }()

    /// A Python with the given modules, or nil: `GDBENCH_PYTHON`, else python3.
    static func python(with modules: [String]) -> String? {
        let candidates = [ProcessInfo.processInfo.environment["GDBENCH_PYTHON"], "python3"].compactMap { $0 }
        for candidate in candidates {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [candidate, "-c", "import " + modules.joined(separator: ", ")]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { continue }
            process.waitUntilExit()
            if process.terminationStatus == 0 { return candidate }
        }
        return nil
    }

    static func temporaryDirectory() -> URL { Subprocess.temporaryDirectory(prefix: "gdbench-external") }

    /// Writes `text` as `name.yaml` into `directory` and loads it.
    static func load(_ text: String, name: String = "suite", in directory: URL) throws -> Suite {
        let url = directory.appendingPathComponent("\(name).yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return try SuiteLoader(catalog: .builtIn).load(path: url.path)
    }

    /// The ``SuiteError`` that loading `text` (as `suite.yaml` in a new temporary directory) throws; nil when it loads.
    static func suiteError(_ text: String) throws -> SuiteError? {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            _ = try load(text, in: directory)
            return nil
        } catch let error as SuiteError {
            return error
        }
    }

    static func records(_ suite: Suite, jobs: Int = 2) throws -> [RunRecord] {
        try SuiteRunner.records(try RunPlan(suite: suite), options: SuiteRunOptions(jobs: jobs))
    }

    /// The suite header shared by the tests (the smoke suite's budget and targets).
    static func header(_ name: String, repetitions: Int = 2) -> String {
        """
        name: \(name)
        seed: 20261123
        repetitions: \(repetitions)
        budget:
          max-iterations: 2000
          max-epochs: 20
          timeout: 10
        targets:
          measure: relative-gap
          thresholds: [1e-1, 1e-2, 1e-4, 1e-6]

        """
    }

    /// The built gdbench (TestSupport's ``Subprocess/executable``).
    static var executable: URL? { Subprocess.executable }

    /// Runs the built gdbench in `directory` for at most ten minutes, with `environment` added to the tests';
    /// its standard output, then its standard error.
    static func gdbench(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws
        -> (status: Int32, output: String)
    {
        guard Subprocess.executable != nil else { throw ExternalTestError("gdbench was not built") }
        let result = try Subprocess.run(arguments, directory: directory, seconds: 600, environment: environment)
        return (result.status, result.standardOutput + result.standardError)
    }
}

struct ExternalTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension ExternalSupport {
    /// Ends the idle client processes the tests started.
    static func closePools() { ClientPools.closeIdle() }
}

extension ExternalSupport {
    /// cc on PATH (the C client's tests are skipped without it).
    static let compiler: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { "\($0)/cc" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Compiles clients/c/gdbench_gd.c into `directory`; returns the binary's path.
    static func compileCClient(into directory: URL) throws -> String {
        guard let compiler else { throw ExternalTestError("no C compiler") }
        let output = directory.appendingPathComponent("gdbench_gd").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: compiler)
        process.arguments = [
            "-O2", "-ffp-contract=off", "-o", output, packageRoot.appendingPathComponent("clients/c/gdbench_gd.c").path,
        ]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ExternalTestError("cc failed on clients/c/gdbench_gd.c") }
        return output
    }
}
