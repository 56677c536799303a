import Foundation
import Harness
import Results

/// Progress on stderr: a live bar (done/total, rate, ETA, the current run id fitted to the terminal) when stderr is a
/// terminal, a plain line every 10 % or 10 s otherwise; nothing with --quiet.
final class ProgressReporter: @unchecked Sendable {
    private let quiet: Bool
    private let live: Bool
    private let start = MonotonicClock.nanoseconds()
    private var lastLine: UInt64 = 0
    private var lastDecile = 0

    init(quiet: Bool) {
        self.quiet = quiet
        live = isatty(STDERR_FILENO) != 0
    }

    /// Called serially by the runner.
    func update(record: RunRecord, done: Int, total: Int) {
        guard !quiet else { return }
        let elapsed = MonotonicClock.seconds(since: start)
        let rate = Double(done) / max(elapsed, 1e-9)
        let eta = Double(total - done) / max(rate, 1e-9)
        let status = "\(done)/\(total)  \(String(format: "%.1f", rate)) runs/s  ETA \(ProgressReporter.clock(eta))"
        if live {
            let width = 24
            let filled = total > 0 ? width * done / total : width
            let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
            // The run id, elided in the middle so that its end (the parameters that tell runs apart) stays visible.
            let room = max(20, (TerminalWidth.standardError ?? 100) - width - status.count - 6)
            write("\r\u{1B}[2K[\(bar)] \(status)  \(TerminalText.elide(record.id, to: room))")
        } else {
            let decile = total > 0 ? 10 * done / total : 10
            let now = MonotonicClock.nanoseconds()
            if decile > lastDecile || now &- lastLine > 10_000_000_000 || done == total {
                lastDecile = decile
                lastLine = now
                write("gdbench: \(status)\n")
            }
        }
    }

    func finish() {
        if live && !quiet { write("\r\u{1B}[2K") }
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func clock(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "?" }
        let total = Int(seconds.rounded())
        return total >= 3600
            ? "\(total / 3600)h\(total % 3600 / 60)m" : total >= 60 ? "\(total / 60)m\(total % 60)s" : "\(total)s"
    }
}
