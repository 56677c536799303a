import ArgumentParser
import Foundation
import Results
import Testing
@testable import gdbench

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
        var command = try #require(try Gdbench.parseAsRoot(
            ["run", "smoke", "--suites-dir", Self.suites, "--out", out, "--quiet", "--jobs", "2", "--filter", "quadratic*"]) as? RunCommand)
        try command.run()
        let directory = RunDirectory(url: URL(fileURLWithPath: out).appendingPathComponent("smoke/latest"))
        let records = try directory.readRecords()
        #expect(records.count == 2 * 5 * 2)
        #expect(records.allSatisfy { $0.id.hasPrefix("quadratic") })
        #expect(try directory.readManifest().filter == "quadratic*")
    }

    @Test func unknownSuitesAreInputErrorsNamingTheNearestSuite() throws {
        let command = try #require(try Gdbench.parseAsRoot(["run", "smokey", "--suites-dir", Self.suites]) as? RunCommand)
        do {
            try command.run()
            Issue.record("expected an error")
        } catch let error as InputError {
            #expect(error.message.contains("did you mean 'smoke'"))
        }
    }
}
