import ArgumentParser
import Foundation
import Harness
import Results
import SuiteLanguage

/// `gdbench`: run benchmark suites of gradient-descent optimizers and manage their results.
///
/// Exit codes: 0 success, 2 usage or input error (one-line message on stderr), 130 interrupted.
@main
struct Gdbench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gdbench",
        abstract: "Benchmark gradient-descent optimizers on seeded test problems, reproducibly.",
        discussion: """
            A suite (suites/NAME.yaml) lists problems, optimizers with their hyperparameters, repetitions, a budget \
            and a ladder of targets. `gdbench run NAME` runs every cell, records when each target was first \
            reached (iterations, gradient and function evaluations, time), and writes \
            results/NAME/<UTC time>/{runs.jsonl, summary.csv, manifest.json}.

            Start with `gdbench list suites`, then `gdbench run smoke`. `gdbench describe adam` explains an optimizer.

            Exit codes: 0 ok, 2 usage or input error, 130 interrupted (finished runs are kept; continue with --resume).
            """,
        version: Provenance.gdbenchVersion,
        subcommands: [RunCommand.self, Check.self, Plot.self, Report.self, ValidateCommand.self, ListCommand.self, DescribeCommand.self, MergeCommand.self, BenchCommand.self,
                      GradcheckCommand.self],
        defaultSubcommand: RunCommand.self)

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as SuiteError {
            fail(error.description)
        } catch let error as ResultsError {
            fail(error.description)
        } catch let error as ShardError {
            fail(error.description)
        } catch let error as InputError {
            fail(error.message)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            fail(message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)")
        }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("gdbench: \(message)\n".utf8))
        Foundation.exit(2)
    }
}

/// A bad argument or missing file, reported in one line with exit code 2.
struct InputError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
