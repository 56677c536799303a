/// The compact table printed after a run: one row per (problem, optimizer) over repetitions, with
/// the median iterations to the final target (over all repetitions, a miss counting as +∞, so the
/// median is "—" when half or more missed), the success rate (status `converged`) and the median
/// optimizer seconds.
public struct OutcomeTable: Sendable {
    public struct Row: Codable, Sendable, Equatable {
        public var problem: String
        public var optimizer: String
        public var runs: Int
        public var converged: Int
        /// nil when half or more of the runs missed the final target.
        public var medianIterations: Double?
        public var medianSeconds: Double
    }

    public var rows: [Row]
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
            var converged = 0
            var iterations: [Double] = []
            var seconds: [Double] = []
        }

        private var finalTarget: String?
        private var isEmpty = true
        private var order: [String] = []
        private var groups: [String: Group] = [:]

        public init() {}

        public mutating func add(_ record: RunRecord) {
            if isEmpty {
                isEmpty = false
                finalTarget = record.targets.ladder.last.map {
                    "\(record.targets.measure.rawValue) \(record.targets.measure.isAscending ? "≥" : "≤") \(SummaryTable.format($0.threshold))"
                }
            }
            let key = record.problem.id + "\u{0}" + record.optimizer.id
            if groups[key] == nil {
                order.append(key)
                groups[key] = Group(problem: record.problem.id, optimizer: record.optimizer.id)
            }
            groups[key]?.converged += record.status == .converged ? 1 : 0
            groups[key]?.iterations.append(record.targets.ladder.last?.hit.map { Double($0.iteration) } ?? .infinity)
            groups[key]?.seconds.append(record.wallTime.medianSeconds)
        }

        public var table: OutcomeTable {
            let rows = order.compactMap { key -> Row? in
                guard let group = groups[key] else { return nil }
                let medianIterations = Median.of(group.iterations)
                return Row(problem: group.problem, optimizer: group.optimizer, runs: group.iterations.count,
                           converged: group.converged, medianIterations: medianIterations.isFinite ? medianIterations : nil,
                           medianSeconds: Median.of(group.seconds))
            }
            return OutcomeTable(rows: rows, finalTarget: finalTarget)
        }
    }

    public init(rows: [Row], finalTarget: String?) {
        self.rows = rows
        self.finalTarget = finalTarget
    }

    /// Fixed-width text, columns: problem, optimizer, iterations, success, time.
    public func text() -> String {
        let header = ["problem", "optimizer", "median iters", "success", "median time"]
        let caption = finalTarget.map { "iterations and success: first hit of \($0); time: optimizer seconds, median over repetitions\n" } ?? ""
        let body = rows.map { row in
            [row.problem, row.optimizer, row.medianIterations.map { OutcomeTable.compact($0) } ?? "—",
             "\(row.converged)/\(row.runs)", OutcomeTable.duration(row.medianSeconds)]
        }
        let widths = header.indices.map { column in ([header] + body).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                return index >= 2 ? pad + cell : cell + pad
            }.joined(separator: "  ")
        }
        return caption + ([line(header), line(widths.map { String(repeating: "─", count: $0) })] + body.map(line))
            .joined(separator: "\n") + "\n"
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
