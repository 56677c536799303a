import External
import Foundation
import Harness
import Results

/// Paths, suites in temporary directories, and the built gdbench, for the external-protocol tests.
enum ExternalSupport {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
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

    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gdbench-external-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `text` as `name.yaml` into `directory` and loads it.
    static func load(_ text: String, name: String = "suite", in directory: URL) throws -> Suite {
        let url = directory.appendingPathComponent("\(name).yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return try SuiteLoader(catalog: .builtIn).load(path: url.path)
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

    /// The built gdbench beside the test products, or in .build/debug.
    static let executable: URL? = {
        var starts = [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments.first ?? "")]
        starts += Bundle.allBundles.map(\.bundleURL)
        for start in starts {
            var directory = start.deletingLastPathComponent()
            for _ in 0..<4 {
                let candidate = directory.appendingPathComponent("gdbench")
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
                    !isDirectory.boolValue,
                    FileManager.default.isExecutableFile(atPath: candidate.path)
                {
                    return candidate
                }
                directory = directory.deletingLastPathComponent()
            }
        }
        let fallback = packageRoot.appendingPathComponent(".build/debug/gdbench")
        return FileManager.default.isExecutableFile(atPath: fallback.path) ? fallback : nil
    }()

    /// Runs the built gdbench in `directory` (with `environment` added to the tests'); output goes to files so
    /// no pipe can block it.
    static func gdbench(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws
        -> (status: Int32, output: String)
    {
        guard let executable else { throw ExternalTestError("gdbench was not built") }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.currentDirectoryURL = directory
        let log = directory.appendingPathComponent("gdbench-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return (process.terminationStatus, (try? String(contentsOf: log, encoding: .utf8)) ?? "")
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
