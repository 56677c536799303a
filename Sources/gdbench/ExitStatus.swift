import ArgumentParser

/// Every exit code of `gdbench`, in one place (README "Exit codes and run statuses", `gdbench --help`).
///
/// - 0: success;
/// - 1: `check` found a regression against the baseline;
/// - 2: usage or input error (the message names the file, line and key);
/// - 3: the run finished, but some runs ended with status `error` (their messages are printed once
///   each after the summary); `--allow-errors` makes this 0;
/// - 130: interrupted (finished runs are kept; continue with `--resume`).
enum ExitStatus {
    static let regression: Int32 = 1
    static let inputError: Int32 = 2
    static let runErrors: Int32 = 3
    static let interrupted: Int32 = 130

    /// Exit 3 when some runs ended in `error` and the user did not pass `--allow-errors`.
    static func afterRun(errorRuns: Int, allowErrors: Bool) throws {
        if errorRuns > 0 && !allowErrors { throw ExitCode(runErrors) }
    }
}
