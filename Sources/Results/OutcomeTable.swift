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

    public init(records: [RunRecord]) {
        finalTarget = records.first.flatMap { record in
            record.targets.ladder.last.map { "\(record.targets.measure.rawValue) ≤ \(SummaryTable.format($0.threshold))" }
        }
        var order: [String] = []
        var groups: [String: [RunRecord]] = [:]
        for record in records.sorted(by: { $0.id < $1.id }) {
            let key = record.problem.id + "\u{0}" + record.optimizer.id
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(record)
        }
        rows = order.compactMap { key in
            guard let group = groups[key], let first = group.first else { return nil }
            let iterations = group.map { record -> Double in
                guard let hit = record.targets.ladder.last?.hit else { return .infinity }
                return Double(hit.iteration)
            }
            let medianIterations = OutcomeTable.median(iterations)
            return Row(problem: first.problem.id, optimizer: first.optimizer.id, runs: group.count,
                       converged: group.filter { $0.status == .converged }.count,
                       medianIterations: medianIterations.isFinite ? medianIterations : nil,
                       medianSeconds: OutcomeTable.median(group.map(\.wallTime.medianSeconds)))
        }
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
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
