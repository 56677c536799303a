import ArgumentParser
import Foundation
import Testing

@testable import GdbenchCommandLine

@Suite struct GradcheckCommandTests {
    static let suites = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("suites").path

    @Test func checksAnInlineProblemAndEverySuiteProblem() throws {
        let inline = try #require(
            try Gdbench.parseAsRoot(
                [
                    "gradcheck", "--problem", "{kind: formula, f: \"x^4 + y^2 - x*y\", start: [0.5, -1]}", "--points",
                    "3",
                ])
                as? GradcheckCommand)
        try inline.run() // exit 0: every error is fine
        let suite = try #require(
            try Gdbench.parseAsRoot(
                ["gradcheck", "--suite", "own-problems", "--suites-dir", Self.suites]) as? GradcheckCommand)
        try suite.run()
    }

    @Test func inputErrorsAreReported() throws {
        let neither = try #require(try Gdbench.parseAsRoot(["gradcheck"]) as? GradcheckCommand)
        #expect(throws: InputError.self) { try neither.run() }
        let badFormula = try #require(
            try Gdbench.parseAsRoot(
                ["gradcheck", "--problem", "{kind: formula, f: \"x^4 + (y\"}"]) as? GradcheckCommand)
        #expect(throws: (any Error).self) { try badFormula.run() }
        let badPoints = try #require(
            try Gdbench.parseAsRoot(
                ["gradcheck", "--problem", "{kind: booth}", "--points", "0"]) as? GradcheckCommand)
        #expect(throws: InputError.self) { try badPoints.run() }
    }
}
