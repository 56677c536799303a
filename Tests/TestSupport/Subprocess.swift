import Foundation

/// The built `gdbench` executable and the one way the test targets run it (or another program) as a child
/// process: output to files, a deadline, the exit status and whether a signal ended it.
public enum Subprocess {
    /// The repository root.
    public static let packageRoot = FixtureFiles.repositoryRoot()

    /// The `gdbench` that `swift test` built next to the test products: searched beside the test
    /// bundle / runner (and up to three directories above it), then in `.build/debug` of the package.
    public static let executable: URL? = {
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

    public struct Result: Sendable {
        public var status: Int32
        public var standardOutput: String
        public var standardError: String
        /// The process was ended by a signal (`status` is its number).
        public var signalled = false
    }

    /// A started process whose output goes to temporary files (no pipe can fill up and block it).
    public final class Running {
        public let process = Process()
        public let outputURL: URL
        public let errorURL: URL

        public init(
            _ arguments: [String], directory: URL, executable: URL? = Subprocess.executable,
            environment: [String: String] = [:]
        ) throws {
            guard let executable else { throw SubprocessError("the executable was not built") }
            // In the system temporary directory, not in `directory`: a child run in the repository leaves nothing.
            let stem = FileManager.default.temporaryDirectory.appendingPathComponent(
                "gdbench-child-\(UUID().uuidString)")
            outputURL = stem.appendingPathExtension("stdout")
            errorURL = stem.appendingPathExtension("stderr")
            _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
            _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
            process.executableURL = executable
            process.arguments = arguments
            if !environment.isEmpty {
                process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            }
            process.currentDirectoryURL = directory
            process.standardOutput = try FileHandle(forWritingTo: outputURL)
            process.standardError = try FileHandle(forWritingTo: errorURL)
            try process.run()
        }

        public func signal(_ number: Int32) { kill(process.processIdentifier, number) }

        /// Waits at most `seconds`; kills the process and throws if it has not ended by then.
        public func wait(seconds: Double = 120) throws -> Result {
            let deadline = Date().addingTimeInterval(seconds)
            while process.isRunning {
                if Date() > deadline {
                    process.terminate()
                    let program = process.executableURL?.lastPathComponent ?? ""
                    throw SubprocessError("\(program) \(process.arguments ?? []) did not end within \(seconds) s")
                }
                usleep(20_000)
            }
            let output = (try? String(contentsOf: outputURL, encoding: .utf8)) ?? ""
            let error = (try? String(contentsOf: errorURL, encoding: .utf8)) ?? ""
            try? FileManager.default.removeItem(at: outputURL)
            try? FileManager.default.removeItem(at: errorURL)
            return Result(
                status: process.terminationStatus, standardOutput: output, standardError: error,
                signalled: process.terminationReason == .uncaughtSignal)
        }
    }

    public static func run(
        _ arguments: [String], directory: URL, seconds: Double = 120,
        executable: URL? = Subprocess.executable, environment: [String: String] = [:]
    ) throws -> Result {
        try Running(arguments, directory: directory, executable: executable, environment: environment)
            .wait(seconds: seconds)
    }

    /// The fuzz target `gdbench-fuzz`, built beside `gdbench`.
    public static var fuzzer: URL? {
        executable.map { $0.deletingLastPathComponent().appendingPathComponent("gdbench-fuzz") }
            .flatMap { FileManager.default.isExecutableFile(atPath: $0.path) ? $0 : nil }
    }

    /// Polls `condition` every 10 ms for at most `seconds`.
    public static func waitUntil(seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !condition() {
            if Date() > deadline { return false }
            usleep(10_000)
        }
        return true
    }

    /// A new empty folder under the system's temporary directory, named `<prefix>-<UUID>`.
    public static func temporaryDirectory(prefix: String = "gdbench-test") -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

public struct SubprocessError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
