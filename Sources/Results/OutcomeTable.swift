/// The compact table printed after a run: one row per (problem, optimizer) over repetitions, with
/// the median iterations to the final target (over all repetitions, a miss counting as +∞, so the
/// median is "—" when half or more missed), how many runs ended in each status (converged, budget,
/// stalled, diverged, timeout, error) and the median optimizer seconds; then every distinct error message once.
public struct OutcomeTable: Sendable {
    public struct Row: Codable, Sendable, Equatable {
        public var problem: String
        public var optimizer: String
        public var runs: Int
        public var converged: Int
        /// Runs per status other than converged; omitted from JSON when zero.
        public var budget: Int = 0
        public var stalled: Int = 0
        public var diverged: Int = 0
        public var timeout: Int = 0
        public var error: Int = 0
        /// nil when half or more of the runs missed the final target.
        public var medianIterations: Double?
        public var medianSeconds: Double
    }

    public var rows: [Row]
    /// Each distinct message of the runs with status `error`, with how many runs gave it and the first
    /// run id (in id order) that did.
    public var errors: [ErrorMessage] = []

    public struct ErrorMessage: Codable, Sendable, Equatable {
        public var message: String
        public var count: Int
        public var firstRun: String

        public init(message: String, count: Int, firstRun: String) {
            self.message = message
            self.count = count
            self.firstRun = firstRun
        }
    }

    /// Runs per status over the whole table.
    public var statusCounts: [RunStatus: Int] {
        var counts: [RunStatus: Int] = [:]
        for row in rows {
            counts[.converged, default: 0] += row.converged
            counts[.budget, default: 0] += row.budget
            counts[.stalled, default: 0] += row.stalled
            counts[.diverged, default: 0] += row.diverged
            counts[.timeout, default: 0] += row.timeout
            counts[.error, default: 0] += row.error
        }
        return counts
    }
    /// The final target of the ladder and its measure (`relative-gap ≤ 1e-08`), for the header.
    public var finalTarget: String?

    /// The table of `records` (in any order).
    public init(records: [RunRecord]) {
        var accumulator = Accumulator()
        for record in records.sorted(by: { $0.id < $1.id }) { accumulator.add(record) }
        self = accumulator.table
    }

    /// Builds the table one record at a time, fed in id order (as `runs.jsonl` is written), keeping per
    /// run only its iterations to the final target and its median seconds.
    public struct Accumulator: Sendable {
        struct Group: Sendable {
            var problem: String
            var optimizer: String
            var counts: [RunStatus: Int] = [:]
            var iterations: [Double] = []
            var seconds: [Double] = []
        }

        private var finalTarget: String?
        private var isEmpty = true
        private var order: [String] = []
        private var groups: [String: Group] = [:]
        private var errors: [ErrorMessage] = []
        private var errorIndex: [String: Int] = [:]

        public init() {}

        public mutating func add(_ record: RunRecord) {
            if isEmpty {
                isEmpty = false
                finalTarget = record.targets.ladder.last.map {
                    "\(record.targets.measure.rawValue) \(record.targets.measure.isAscending ? "≥" : "≤") "
                        + "\(SummaryTable.format($0.threshold))"
                }
            }
            let key = record.problem.id + "\u{0}" + record.optimizer.id
            if groups[key] == nil {
                order.append(key)
                groups[key] = Group(problem: record.problem.id, optimizer: record.optimizer.id)
            }
            groups[key]?.counts[record.status, default: 0] += 1
            if record.status == .error {
                let message = record.message ?? "(no message)"
                if let index = errorIndex[message] {
                    errors[index].count += 1
                } else {
                    errorIndex[message] = errors.count
                    errors.append(ErrorMessage(message: message, count: 1, firstRun: record.id))
                }
            }
            groups[key]?.iterations.append(record.targets.ladder.last?.hit.map { Double($0.iteration) } ?? .infinity)
            groups[key]?.seconds.append(record.wallTime.medianSeconds)
        }

        public var table: OutcomeTable {
            let rows = order.compactMap { key -> Row? in
                guard let group = groups[key] else { return nil }
                let medianIterations = Median.of(group.iterations)
                return Row(
                    problem: group.problem, optimizer: group.optimizer, runs: group.iterations.count,
                    converged: group.counts[.converged] ?? 0, budget: group.counts[.budget] ?? 0,
                    stalled: group.counts[.stalled] ?? 0,
                    diverged: group.counts[.diverged] ?? 0, timeout: group.counts[.timeout] ?? 0,
                    error: group.counts[.error] ?? 0,
                    medianIterations: medianIterations.isFinite ? medianIterations : nil,
                    medianSeconds: Median.of(group.seconds))
            }
            var table = OutcomeTable(rows: rows, finalTarget: finalTarget)
            table.errors = errors
            return table
        }
    }

    public init(rows: [Row], finalTarget: String?) {
        self.rows = rows
        self.finalTarget = finalTarget
    }

    /// Fixed-width text, columns: problem, optimizer, iterations, runs per status, time; then the
    /// status totals and every distinct error message (``errorText()``). Rows in ``NaturalOrder`` of
    /// problem, then optimizer; the problem and optimizer columns are elided (``TerminalText``) so that a
    /// line fits `width` where it can.
    public func text(width: Int = .max) -> String {
        let header = [
            "problem", "optimizer", "median iters", "converged", "budget", "stalled", "diverged", "timeout", "error",
            "median time",
        ]
        let caption =
            finalTarget.map {
                "iterations and converged: first hit of \($0); runs per status; "
                    + "time: optimizer seconds, median over repetitions\n"
            } ?? ""
        func count(_ value: Int) -> String { value == 0 ? "·" : String(value) }
        let ordered = rows.sorted {
            $0.problem != $1.problem
                ? NaturalOrder.less($0.problem, $1.problem) : NaturalOrder.less($0.optimizer, $1.optimizer)
        }
        var body = ordered.map { row in
            [
                row.problem, row.optimizer, row.medianIterations.map { OutcomeTable.compact($0) } ?? "—",
                "\(row.converged)/\(row.runs)", count(row.budget), count(row.stalled), count(row.diverged),
                count(row.timeout),
                count(row.error), OutcomeTable.duration(row.medianSeconds),
            ]
        }
        var widths = header.indices.map { column in ([header] + body).map { $0[column].count }.max() ?? 0 }
        let total = widths.reduce(0, +) + 2 * (widths.count - 1)
        if total > width {
            // Share what is left after the numeric columns between the problem and optimizer columns.
            let fixed = widths.dropFirst(2).reduce(0, +) + 2 * (widths.count - 1)
            let available = max(24, width - fixed)
            let problemWidth = min(widths[0], max(12, available - min(widths[1], available / 2)))
            let optimizerWidth = min(widths[1], max(12, available - problemWidth))
            body = body.map { cells in
                var cells = cells
                cells[0] = TerminalText.elide(cells[0], to: problemWidth)
                cells[1] = TerminalText.elide(cells[1], to: optimizerWidth)
                return cells
            }
            widths = header.indices.map { column in ([header] + body).map { $0[column].count }.max() ?? 0 }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                return index >= 2 ? pad + cell : cell + pad
            }.joined(separator: "  ")
        }
        return caption
            + ([line(header), line(widths.map { String(repeating: "─", count: $0) })] + body.map(line))
            .joined(separator: "\n") + "\n" + totalsLine() + errorText()
    }

    /// `statuses: 12 converged, 3 budget, 0 stalled, 1 diverged, 0 timeout, 2 error`.
    public func totalsLine() -> String {
        let counts = statusCounts
        let parts = RunStatus.allCases.map { "\(counts[$0] ?? 0) \($0.rawValue)" }
        return "statuses: " + parts.joined(separator: ", ") + "\n"
    }

    /// Every distinct error message once, with its count and first run; empty without errors.
    public func errorText() -> String {
        guard !errors.isEmpty else { return "" }
        let total = errors.reduce(0) { $0 + $1.count }
        let runs = "\(total) run\(total == 1 ? "" : "s")"
        let messages = "\(errors.count) distinct message\(errors.count == 1 ? "" : "s")"
        var text = "\n\(runs) ended in error (\(messages)):\n"
        for error in errors {
            text += "  \(error.count)× \(error.message)\n     first: \(error.firstRun)\n"
        }
        return text
    }

    static func compact(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// 812 ns, 3.4 µs, 12 ms, 1.5 s.
    public static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "—" }
        func fixed(_ value: Double, _ unit: String) -> String {
            let digits = value < 10 ? 1 : 0
            var text = String(Int((value * (digits == 1 ? 10 : 1)).rounded()))
            if digits == 1 {
                while text.count < 2 { text = "0" + text }
                text.insert(".", at: text.index(text.endIndex, offsetBy: -1))
            }
            return text + " " + unit
        }
        if seconds < 1e-6 { return fixed(seconds * 1e9, "ns") }
        if seconds < 1e-3 { return fixed(seconds * 1e6, "µs") }
        if seconds < 1 { return fixed(seconds * 1e3, "ms") }
        return fixed(seconds, "s")
    }
}
