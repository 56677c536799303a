/// Exit codes of `gdbench check`.
public enum CheckExitCode: Int32, Sendable {
    /// Nothing fails: no regression, no missing run, no (disallowed) behaviour change.
    case clean = 0
    /// At least one failing difference.
    case regression = 1
    /// A bad option or an unreadable / malformed file (a one-line message names it).
    case usageOrInput = 2
}
