import Diagnostics
import Foundation
import Results

/// Runs `gnuplot` as a subprocess (Foundation.Process) on written figure scripts, in the folder of
/// the figure's format (``FigureScripts``), and checks the result: a non-zero exit status is an
/// error, and in strict mode so is any stderr line that mentions "warning" (gnuplot reports many
/// problems, such as an empty data block or an unknown terminal option, only as warnings and still
/// exits 0). gnuplot is found on `PATH` (or at `GDBENCH_GNUPLOT`); without it nothing is rendered
/// and ``missingMessage`` says how to render the scripts later.
public struct FigureRenderer: Sendable {
    public var executable: URL
    public var strict: Bool

    public struct Failure: GdbenchError {
        public var script: String
        public var status: Int32
        public var stderr: String
        public var message: String {
            "gnuplot \(script): " + (status != 0 ? "exit status \(status)" : "warnings in strict mode") + "\n" + stderr
        }
    }

    /// nil when gnuplot cannot be found.
    public init?(strict: Bool = true, environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let executable = FigureRenderer.locate(environment) else { return nil }
        self.executable = executable
        self.strict = strict
    }

    public static func locate(_ environment: [String: String]) -> URL? {
        if let explicit = environment["GDBENCH_GNUPLOT"], FileManager.default.isExecutableFile(atPath: explicit) {
            return URL(fileURLWithPath: explicit)
        }
        for directory in (environment["PATH"] ?? "/usr/bin:/usr/local/bin").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("gnuplot")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// What to tell the user when gnuplot is missing: two ways to render the written scripts (one
    /// gnuplot per script: `gnuplot *.gp` would run them in one session, where settings leak).
    public static func missingMessage(folder: URL, format: FigureFormat = .png) -> String {
        let scripts = FigureScripts.scriptsFolderName, name = format.rawValue
        let scriptsPath = folder.appendingPathComponent(scripts).path
        return """
            gnuplot not found: the figure scripts (.gp + .dat) are written to \(scriptsPath)
            to render them, install gnuplot (Debian/Ubuntu: apt-get install gnuplot-nox; macOS: brew install gnuplot), \
            then either
              mkdir -p '\(folder.path)/\(name)' && cd '\(folder.path)/\(name)' && \
            for f in ../\(scripts)/*.gp; do gnuplot -e "format='\(name)'" "$f"; done
            or
              \(CommandName.current) plot --run '\(folder.deletingLastPathComponent().path)' --format \(format.rawValue)
            """
    }

    /// Renders every figure in `folder`, up to `jobs` gnuplot processes at once; throws the first
    /// failure in figure order after all have run.
    public func renderAll(_ figures: [Figure], in folder: URL, jobs: Int) throws {
        let failures = FailureList(count: figures.count)
        let queue = DispatchQueue(label: "gdbench.render", attributes: .concurrent)
        let slots = DispatchSemaphore(value: max(1, jobs))
        let group = DispatchGroup()
        for (index, figure) in figures.enumerated() {
            slots.wait()
            queue.async(group: group) {
                defer { slots.signal() }
                do { try self.render(figure, in: folder) } catch { failures.set(index, error) }
            }
        }
        group.wait()
        if let first = failures.first { throw first }
    }

    /// Errors by figure index, filled from several threads.
    final class FailureList: @unchecked Sendable {
        private var errors: [Error?]
        private let lock = NSLock()
        init(count: Int) { errors = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ error: Error) { lock.withLock { errors[index] = error } }
        var first: Error? { lock.withLock { errors.compactMap { $0 }.first } }
    }

    /// Renders one figure of the figures folder `folder` (its script in `scripts/`) into the folder
    /// of its format; returns gnuplot's stderr (empty when clean).
    @discardableResult
    public func render(_ figure: Figure, in folder: URL) throws -> String {
        let output = folder.appendingPathComponent(figure.format.rawValue)
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = executable
        process.arguments = ["-e", "format='\(figure.format.rawValue)'", "../" + figure.scriptPath]
        process.currentDirectoryURL = output
        let errorPipe = Pipe()
        process.standardError = errorPipe
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = errorPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderr = String(decoding: data, as: UTF8.self)
        let warned = stderr.lowercased().contains("warning")
        if process.terminationStatus != 0 || (strict && warned) {
            throw Failure(
                script: "\(figure.scriptPath) (format \(figure.format.rawValue))", status: process.terminationStatus,
                stderr: stderr)
        }
        return stderr
    }
}
