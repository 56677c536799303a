import Foundation

/// The width summaries are fitted to: the terminal's columns when standard output is one, else `$COLUMNS`,
/// else none (nil: a log or a pipe keeps whole lines).
enum TerminalWidth {
    static var current: Int? {
        var size = winsize()
        if isatty(STDOUT_FILENO) != 0, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 {
            return columns
        }
        return nil
    }

    /// The columns of standard error when it is a terminal (the progress line), else nil.
    static var standardError: Int? {
        var size = winsize()
        guard isatty(STDERR_FILENO) != 0, ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else {
            return nil
        }
        return Int(size.ws_col)
    }
}
