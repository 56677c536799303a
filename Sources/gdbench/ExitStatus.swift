import ArgumentParser
import Diagnostics

/// How `gdbench`'s commands end with a status of the one table (``Diagnostics/ExitStatus``): they throw
/// its ArgumentParser exit code, and `Gdbench.main` maps every error that reaches it through
/// ``exitStatus(for:)``.
extension ExitStatus {
    /// The status as ArgumentParser's exit code, for a command to throw.
    var exitCode: ExitCode { ExitCode(rawValue) }

    /// Exit 3 when some runs ended in `error` and the user did not pass `--allow-errors`.
    static func afterRun(errorRuns: Int, allowErrors: Bool) throws {
        if errorRuns > 0 && !allowErrors { throw runErrors.exitCode }
    }

    /// The status an error that reaches the command line ends `gdbench` with: a ``GdbenchError``'s
    /// own, a thrown status or exit code as it is, ArgumentParser's usage errors as ArgumentParser
    /// says (2, or 0 for `--help` and `--version`), anything else an input error.
    static func of(_ error: Error, parser: (Error) -> ExitCode) -> ExitStatus {
        switch error {
        case let error as GdbenchError: return error.exitStatus
        case let status as ExitStatus: return status
        case let code as ExitCode: return ExitStatus(rawValue: code.rawValue) ?? .inputError
        default: return ExitStatus(rawValue: parser(error).rawValue) ?? .inputError
        }
    }
}
