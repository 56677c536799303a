import Analysis
import Foundation
import Results

/// Learning-rate sweep: iterations to the last target against lr when the median run of some setting
/// reached it (the median over repetitions, failures as +∞, so a missing point means most runs missed it), else
/// the final relative gap (f − f*)/(f₀ − f*) (‖∇f‖ when f* is unknown); log–log, one line per optimizer
/// setting (the optimizer kind, schedule and every parameter but `lr`); lr values where a run diverged
/// are marked with a cross at the
/// top of the plot instead, and a dashed vertical line marks 2/L when the problem's L is known
/// (``KnownConstants``). One figure per problem that has some setting with at least two lr values.
public enum LearningRateSweepFigure {
    public static func figures(_ context: FigureContext, stems: inout FigureStem) -> [Figure] {
        var figures: [Figure] = []
        let swept = context.results.records.filter { $0.optimizer.parameters["lr"].flatMap(Double.init) != nil }
        for problemID in Array(Set(swept.map(\.problem.id))).sorted() {
            let runs = swept.filter { $0.problem.id == problemID }
            let settings = Dictionary(grouping: runs, by: setting)
            let sweeps = settings.keys.sorted().filter { key in
                Set((settings[key] ?? []).compactMap { $0.optimizer.parameters["lr"].flatMap(Double.init) }).count >= 2
            }
            guard !sweeps.isEmpty else { continue }
            if let figure = figure(
                context, problemID: problemID, sweeps: sweeps.map { ($0, settings[$0] ?? []) }, stems: &stems)
            {
                figures.append(figure)
            }
        }
        return figures
    }

    /// `kind[other parameters]+schedule`: a sweep's identity.
    static func setting(_ record: RunRecord) -> String {
        let others = record.optimizer.parameters.keys.sorted().filter { $0 != "lr" }
            .map { "\($0)=\(record.optimizer.parameters[$0] ?? "")" }
        return record.optimizer.kind + (others.isEmpty ? "" : "[" + others.joined(separator: ",") + "]")
            + (record.optimizer.schedule.map { "+" + $0.kind } ?? "")
    }

    static func finalValue(_ record: RunRecord, gap: Bool) -> Double? {
        gap ? record.final.relativeGap : record.final.gradientNorm
    }

    /// Per setting: (lr, median) rows — iterations to the last target (failures +∞) or the final value —
    /// with nil where a run diverged or the median is not finite, and the diverged lr values.
    static func table(_ sweeps: [(String, [RunRecord])], target: Int, iterations: Bool, gap: Bool)
        -> (converging: [DataTable.Block], diverged: [DataTable.Block], finite: [Double])
    {
        var converging: [DataTable.Block] = []
        var diverged: [DataTable.Block] = []
        var finite: [Double] = []
        for (name, runs) in sweeps {
            let rates = Array(Set(runs.compactMap { $0.optimizer.parameters["lr"].flatMap(Double.init) })).sorted()
            var rows: [[Double?]] = []
            var crosses: [[Double?]] = []
            for rate in rates {
                let atRate = runs.filter { $0.optimizer.parameters["lr"].flatMap(Double.init) == rate }
                if atRate.contains(where: { $0.status == .diverged }) {
                    crosses.append([rate])
                    rows.append([rate, nil])
                    continue
                }
                let values =
                    iterations
                    ? atRate.map { PerformanceProfile.cost($0, targetIndex: target, measure: .iterations) }
                    : atRate.compactMap { finalValue($0, gap: gap) }
                let median = values.isEmpty ? Double.nan : Median.of(values)
                let drawn = median.isFinite && median > 0 ? median : nil
                if let drawn { finite.append(drawn) }
                rows.append([rate, drawn])
            }
            converging.append(DataTable.Block(comment: name, rows: rows))
            diverged.append(DataTable.Block(comment: "\(name): diverged", rows: crosses))
        }
        return (converging, diverged, finite)
    }

    static func figure(
        _ context: FigureContext, problemID: String, sweeps: [(String, [RunRecord])], stems: inout FigureStem
    ) -> Figure? {
        let format = context.staticFormat
        let all = sweeps.flatMap(\.1)
        let useGap = all.allSatisfy { $0.final.relativeGap != nil || $0.status == .diverged || $0.status == .error }
        let target = max(context.results.thresholds.count - 1, 0)
        var table = table(sweeps, target: target, iterations: true, gap: useGap)
        let useIterations = !table.finite.isEmpty
        if !useIterations { table = self.table(sweeps, target: target, iterations: false, gap: useGap) }
        let hasCrosses = table.diverged.contains { !$0.rows.isEmpty }
        guard !table.finite.isEmpty || hasCrosses else { return nil }
        let converging = table.converging
        let finiteValues = table.finite
        let top = (finiteValues.max() ?? 1) * 10
        let diverged = table.diverged.map { block in
            DataTable.Block(comment: block.comment, rows: block.rows.map { [$0[0], top] })
        }
        let stem = stems.unique("learning-rate", problemID)
        let thresholdText = context.results.thresholds.last.map(DataTable.number) ?? ""
        let yName =
            useIterations
            ? "iterations to target \(thresholdText)" : (useGap ? "final (f − f*)/(f₀ − f*)" : "final ‖∇f‖")
        let data = DataTable(
            fileName: stem + ".dat",
            header: [
                "learning-rate sweep on \(problemID): \(yName), median over repetitions",
                "blocks 0…\(sweeps.count - 1): one per setting, columns lr value (? where a run diverged)",
                "blocks \(sweeps.count)…\(2 * sweeps.count - 1): the diverged lr of each setting, columns lr y_marker",
            ],
            blocks: converging + diverged)
        let title = "\(problemID): learning-rate sweep"
        var script = GnuplotScript(
            kind: "learning-rate sweep", stem: stem, format: format, title: title, xLabel: "learning rate η",
            yLabel: "\(yName) (median)", dataFiles: [data.fileName], keyEntries: sweeps.map(\.0) + ["diverged"],
            provenance: context.provenance,
            styles: context.styles(sweeps.map(\.0)), size: context.size)
        script.logAxis("x")
        script.logAxis("y")
        let rates = all.compactMap { $0.optimizer.parameters["lr"].flatMap(Double.init) }
        if let low = rates.min(), let high = rates.max() {
            script.add("set xrange [\(DataTable.number(low / 1.5)):\(DataTable.number(high * 1.5))]")
        }
        script.add("set offsets 0, 0, graph 0.05, graph 0.05")
        script.widenDegenerateRange(
            "y", values: finiteValues + (diverged.contains { !$0.rows.isEmpty } ? [top] : []), logarithmic: true)
        if let constants = all.first.flatMap({ KnownConstants($0.problem) }) {
            let threshold = 2 / constants.smoothness
            script.add(
                "set arrow from \(DataTable.number(threshold)), graph 0 to \(DataTable.number(threshold)), graph 1 "
                    + "nohead lc rgb '#555555' dt 2 lw 1.5")
            script.add(
                "set label \(script.text("2/L")) at \(DataTable.number(threshold)), graph 0.95 offset 0.5,0 tc rgb "
                    + "'#555555'")
        }
        var clauses: [[String]] = []
        for (index, sweep) in sweeps.enumerated() {
            let hasValues = converging[index].rows.contains { $0.count > 1 && $0[1] != nil }
            var mine = [
                hasValues
                    ? "'\(data.fileName)' index \(index) using 1:2 with linespoints lt \(index + 1) title "
                        + "\(script.text(sweep.0))"
                    : "NaN with linespoints lt \(index + 1) title \(script.text(sweep.0 + " (no finite value)"))"
            ]
            if !diverged[index].rows.isEmpty {
                mine.append(
                    "'\(data.fileName)' index \(sweeps.count + index) using 1:2 with points lt \(index + 1) pt 2 ps 2 "
                        + "lw 2 notitle")
            }
            clauses.append(mine)
        }
        let shared =
            diverged.contains(where: { !$0.rows.isEmpty })
            ? ["NaN with points pt 2 ps 2 lw 2 lc rgb '#555555' title \(script.text("diverged"))"] : []
        script.plot(series: sweeps.map(\.0), clauses: clauses, shared: shared)
        return Figure(
            kind: "learning-rate", stem: stem, format: format, title: title, script: script.text, data: [data])
    }
}
