import ArgumentParser
import Checking
import Figures
import Foundation
import Results
import Testing

@testable import GdbenchCommandLine

@Suite struct CommandLineTests {
    static let suites = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("suites").path

    @Test func suiteOptionAndArgumentBothSelectRun() throws {
        let byOption = try Gdbench.parseAsRoot(["--suite", "smoke", "--jobs", "2", "--shard", "1/4"])
        let run = try #require(byOption as? RunCommand)
        #expect(run.suite == "smoke")
        #expect(run.jobs == 2)
        #expect(run.shard == "1/4")
        let byArgument = try #require(try Gdbench.parseAsRoot(["run", "smoke", "--format", "json"]) as? RunCommand)
        #expect(byArgument.name == "smoke")
        #expect(byArgument.format == .json)
        #expect(throws: (any Error).self) { try Gdbench.parseAsRoot(["run", "smoke", "--format", "xml"]) }
        #expect(Gdbench.exitCode(for: CleanExit.helpRequest()) == .success)
    }

    @Test func runWritesTheResultFilesOfTheSmokeSuite() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("gdbench-cli-\(UUID().uuidString)").path
        var command = try #require(
            try Gdbench.parseAsRoot(
                [
                    "run", "smoke", "--suites-dir", Self.suites, "--out", out, "--quiet", "--jobs", "2", "--filter",
                    "quadratic*",
                ]) as? RunCommand)
        try command.run()
        let directory = RunDirectory(url: URL(fileURLWithPath: out).appendingPathComponent("smoke/latest"))
        let records = try directory.readRecords()
        #expect(records.count == 2 * 5 * 2)
        #expect(records.allSatisfy { $0.id.hasPrefix("quadratic") })
        #expect(try directory.readManifest().filter == "quadratic*")
    }

    @Test func runDrawsItsFiguresUnlessToldNot() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("gdbench-cli-\(UUID().uuidString)").path
        let filter = "quadratic[d=10,kappa=10*/adam*"
        let plain = try #require(
            try Gdbench.parseAsRoot(
                ["run", "smoke", "--suites-dir", Self.suites, "--out", out + "/a", "--quiet", "--filter", filter])
                as? RunCommand)
        try plain.run()
        let figures = URL(fileURLWithPath: out + "/a/smoke/latest/figures")
        let written = try FileManager.default.contentsOfDirectory(
            atPath: figures.appendingPathComponent("scripts").path)
        #expect(written.contains { $0.hasSuffix(".gp") })
        if FigureRenderer.locate(ProcessInfo.processInfo.environment) != nil {
            let pictures = try FileManager.default.contentsOfDirectory(
                atPath: figures.appendingPathComponent("png").path)
            #expect(pictures.filter { $0.hasSuffix(".png") }.count == written.filter { $0.hasSuffix(".gp") }.count)
        }
        let none = try #require(
            try Gdbench.parseAsRoot(
                [
                    "run", "smoke", "--suites-dir", Self.suites, "--out", out + "/b", "--quiet", "--filter", filter,
                    "--no-figures",
                ]) as? RunCommand)
        try none.run()
        #expect(!FileManager.default.fileExists(atPath: out + "/b/smoke/latest/figures"))
    }

    /// Without gnuplot on PATH the scripts are still written, nothing is rendered, and the printed
    /// command, run with the real gnuplot (when installed), renders every figure.
    @Test func withoutGnuplotTheScriptsAreWrittenWithARenderCommand() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("gdbench-cli-\(UUID().uuidString)")
        let command = try #require(
            try Gdbench.parseAsRoot(
                [
                    "run", "smoke", "--suites-dir", Self.suites, "--out", out.path, "--quiet", "--no-figures",
                    "--filter", "quadratic[d=10,kappa=10*/adam*",
                ]) as? RunCommand)
        try command.run()
        let directory = RunDirectory(url: out.appendingPathComponent("smoke/latest").resolvingSymlinksInPath())
        let emptyBin = out.appendingPathComponent("empty-bin")
        try FileManager.default.createDirectory(at: emptyBin, withIntermediateDirectories: true)
        let lines = RunFigures.draw(directory, environment: ["PATH": emptyBin.path])
        #expect(lines.first?.hasPrefix("figures: ") == true && lines.first?.hasSuffix("not rendered") == true)
        let folder = directory.url.appendingPathComponent("figures")
        let scripts = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("scripts").path)
            .filter { $0.hasSuffix(".gp") }
        #expect(!scripts.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("png").path))
        let renderLine = try #require(lines.first { $0.contains("&& for f in ../scripts/*.gp") })
        guard FigureRenderer.locate(ProcessInfo.processInfo.environment) != nil else { return }
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", renderLine.trimmingCharacters(in: .whitespaces)]
        shell.standardError = FileHandle.nullDevice
        try shell.run()
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0)
        let rendered = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("png").path)
            .filter { $0.hasSuffix(".png") }
        #expect(rendered.count == scripts.count)
    }

    @Test func unknownSuitesAreInputErrorsNamingTheNearestSuite() throws {
        let command = try #require(
            try Gdbench.parseAsRoot(["run", "smokey", "--suites-dir", Self.suites]) as? RunCommand)
        do {
            try command.run()
            Issue.record("expected an error")
        } catch let error as InputError {
            #expect(error.message.contains("did you mean 'smoke'"))
        }
    }

    /// `gdbench bench --only` with no matching workload is an input error that lists the names, before
    /// anything is timed.
    @Test func benchOnlyWithoutAMatchNamesTheWorkloads() throws {
        let command = try #require(try Gdbench.parseAsRoot(["bench", "--only", "no such workload"]) as? BenchCommand)
        do {
            try command.run()
            Issue.record("expected an error")
        } catch let error as InputError {
            #expect(error.message.contains("no workload name contains 'no such workload'"))
            #expect(error.message.contains("rosenbrock d=2 · adam lr=1e-3"))
        }
    }

    /// A jax column that cannot be made says why, naming the missing timing script and the option that
    /// names another, or the failing Python; a missing `--python` says how to give one.
    @Test func benchSaysWhyTheJaxColumnIsEmpty() throws {
        func reason(_ arguments: [String]) throws -> String {
            let command = try #require(try Gdbench.parseAsRoot(["bench"] + arguments) as? BenchCommand)
            guard case .failure(let absence) = command.referenceTimes() else {
                Issue.record("expected no jax column")
                return ""
            }
            return absence.reason
        }
        let missing = try reason(["--python", "/bin/sh", "--reference-script", "/nonexistent/jax_timing.py"])
        #expect(missing.contains("/nonexistent/jax_timing.py"))
        #expect(missing.contains("--reference-script"))
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("gdbench-failing-\(getpid()).sh")
        try "exit 3\n".write(to: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: script) }
        let failing = try reason(["--python", "/bin/sh", "--reference-script", script.path])
        #expect(failing.contains("failed (exit 3)"))
        if ProcessInfo.processInfo.environment["GDBENCH_PYTHON"] == nil {
            #expect(try reason([]).contains("--python PATH or set GDBENCH_PYTHON"))
        }
    }

    /// `check`'s options are typed when the command line is parsed: a bad value is refused there,
    /// naming the option, before any run.
    @Test func checkOptionsAreTypedAtTheCommandLine() throws {
        func message(_ arguments: [String]) -> String {
            do {
                _ = try Gdbench.parseAsRoot(["check", "--suite", "smoke"] + arguments)
                return ""
            } catch {
                return Gdbench.message(for: error)
            }
        }
        #expect(message(["--tolerance", "5x"]).contains("--tolerance: expected a count tolerance"))
        #expect(message(["--time-tolerance", "0.5"]).contains("--time-tolerance: expected a slowdown ratio"))
        #expect(message(["--gap-tolerance", "big"]).contains("--gap-tolerance: expected a relative tolerance"))
        #expect(!message(["--format", "xml"]).isEmpty)
        let check = try #require(
            try Gdbench.parseAsRoot(["check", "--suite", "smoke", "--tolerance", "2%,1", "--time-tolerance", "50%"])
                as? Check)
        #expect(check.tolerance == CountTolerance(relative: 0.02, absolute: 1))
        #expect(check.timeTolerance == 1.5)
    }
}
