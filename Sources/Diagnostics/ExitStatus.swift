/// Every exit code of `gdbench`, in one place (README "Exit codes and run statuses", `gdbench --help`).
/// Commands throw one of these to end with it; a ``GdbenchError`` that reaches the command line ends with its
/// ``GdbenchError/exitStatus``.
public enum ExitStatus: Int32, Error, Sendable, CaseIterable {
    /// Success.
    case success = 0
    /// `check` found a regression against the baseline, `gradcheck` a wrong gradient, or
    /// `report --check-claims` a claim that fails.
    case regression = 1
    /// A usage or input error (the message names the file, line and key).
    case inputError = 2
    /// The run finished, but some runs ended with status `error` (their messages are printed once
    /// each after the summary); `--allow-errors` makes this 0.
    case runErrors = 3
    /// Interrupted (finished runs are kept; continue with `--resume`).
    case interrupted = 130

    /// The exit code.
    public var code: Int32 { rawValue }
}
