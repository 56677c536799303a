import ArgumentParser
import Diagnostics
import Foundation
import Harness
import Results
import SuiteLanguage

/// `gdbench`: run benchmark suites of gradient-descent optimizers and manage their results.
///
/// Exit codes: ``Diagnostics/ExitStatus``, reached through ``ExitStatus/of(_:parser:)``.
struct Gdbench: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: CommandContext.commandName,
            abstract: "Benchmark gradient-descent optimizers on seeded test problems, reproducibly.",
            discussion: """
                A suite (suites/NAME.yaml) lists problems, optimizers with their hyperparameters, repetitions, a \
                budget and a ladder of targets. `gdbench run NAME` runs every cell, records when each target was first \
                reached (iterations, gradient and function evaluations, time), and writes \
                results/NAME/<UTC time>/{runs.jsonl, summary.csv, manifest.json}.

                Start with `gdbench list suites`, then `gdbench run smoke`. `gdbench describe adam` explains an \
                optimizer; `gdbench help suite` documents every key of a suite file.

                Exit codes: 0 ok, 1 check found a regression, 2 usage or input error, 3 some runs ended with status \
                error (messages printed after the summary; --allow-errors gives 0), 130 interrupted (finished runs \
                are kept; continue with --resume).
                """,
            version: Provenance.gdbenchVersion,
            subcommands: [
                RunCommand.self, Check.self, Plot.self, Report.self, Compare.self, ValidateCommand.self,
                ListCommand.self,
                DescribeCommand.self, MergeCommand.self, BenchCommand.self, GradcheckCommand.self, CleanCommand.self,
            ],
            defaultSubcommand: RunCommand.self)
    }

    static func main() {
        // `gdbench help suite`: the suite file format (the built-in `help` knows only subcommands).
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments == ["help", "suite"] || arguments == ["help", "suites"] {
            print(SuiteFormatHelp.markdown, terminator: "")
            return
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let status = ExitStatus.of(error, parser: exitCode(for:))
            switch error {
            case let error as GdbenchError:
                fail(error.description, status)
            case is ExitStatus, is ExitCode:
                Foundation.exit(status.code)
            default:
                if status == .success {
                    print(fullMessage(for: error))
                    Foundation.exit(ExitStatus.success.code)
                }
                fail(message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)", status)
            }
        }
    }

    /// Prints `gdbench: message` to standard error and exits with `status`.
    static func fail(_ message: String, _ status: ExitStatus = .inputError) -> Never {
        FileHandle.standardError.write(Data("\(CommandContext.commandName): \(message)\n".utf8))
        Foundation.exit(status.code)
    }
}

/// A bad argument or missing file, reported in one line with exit code 2; `location` names the
/// option or file when the message does not start with it.
struct InputError: GdbenchError {
    var message: String
    var location: ErrorLocation?
    init(_ message: String, location: ErrorLocation? = nil) {
        self.message = message
        self.location = location
    }
}
