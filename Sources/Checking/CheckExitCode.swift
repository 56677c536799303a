import Results

/// Exit codes of a comparison. A bad option or an unreadable / malformed file is not a comparison
/// outcome: it is thrown as a ``ResultsError`` naming the option or file, which `gdbench` reports
/// in one line with exit code 2.
public enum CheckExitCode: Int32, Sendable {
    /// Nothing fails: no regression, no missing run, no (disallowed) behaviour change.
    case clean = 0
    /// At least one failing difference.
    case regression = 1
}
