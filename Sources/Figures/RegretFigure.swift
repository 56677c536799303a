import Analysis
import Results

/// Regret: R_T against T on log–log axes for each online problem (records with
/// ``ProblemIdentity/online`` and a `regret` in the trace), one line per optimizer — the median over
/// repetitions at each trace point — with the bound (3/2)·D·G·√T of online gradient descent with
/// η_t = D/(G√t) (Hazan 2022, Thm 3.1) drawn beside it, and G²/(2α)(1 + ln T) (Thm 3.3) when the
/// losses are α-strongly convex. Non-positive medians (the learner beat the comparator so far) are
/// left out of the log axis.
public enum RegretFigure {
    public static func figures(_ context: FigureContext, stems: inout FigureStem) -> [Figure] {
        let runs = context.results.records.filter { $0.problem.online != nil && $0.trace.contains { $0.regret != nil } }
        return Array(Set(runs.map(\.problem.id))).sorted().compactMap { problemID in
            figure(context, problemID: problemID, runs: runs.filter { $0.problem.id == problemID }, stems: &stems)
        }
    }

    static func figure(_ context: FigureContext, problemID: String, runs: [RunRecord], stems: inout FigureStem)
        -> Figure?
    {
        guard let online = runs.first?.problem.online else { return nil }
        let format = context.staticFormat
        let stem = stems.unique("regret", problemID)
        let optimizers = FigureContext.optimizers(runs)
        var blocks = optimizers.map { id in
            let curve = RegretCurve(runs.filter { $0.optimizer.id == id })
            return DataTable.Block(
                comment: id,
                rows: zip(curve.rounds, curve.medians).map { t, regret in
                    [Double(t), regret > 0 ? regret : nil]
                })
        }
        let rounds = Array(Set(blocks.flatMap { $0.rows.compactMap { $0[0] } })).sorted()
        guard !rounds.isEmpty else { return nil }
        var entries = optimizers
        blocks.append(
            DataTable.Block(
                comment: "(3/2)·D·G·√T (Hazan Thm 3.1)",
                rows: rounds.map { [$0, online.sqrtStepBound(rounds: Int($0))] }))
        entries.append("bound (3/2)·D·G·√T, η_t = D/(G√t) (Hazan 2022, Thm 3.1)")
        if online.roundStrongConvexity > 0 {
            blocks.append(
                DataTable.Block(
                    comment: "G²/(2α)(1 + ln T) (Hazan Thm 3.3)",
                    rows: rounds.map { [$0, online.stronglyConvexBound(rounds: Int($0))] }))
            entries.append("bound G²/(2α)(1 + ln T), η_t = 1/(αt) (Hazan 2022, Thm 3.3)")
        }
        let data = DataTable(
            fileName: stem + ".dat",
            header: [
                "regret R_T against rounds T on \(problemID): D = \(DataTable.number(online.diameter)), "
                    + "G = \(DataTable.number(online.gradientBound)), α = "
                    + "\(DataTable.number(online.roundStrongConvexity))",
                "one block per optimizer (median over repetitions), then the bounds; columns: T regret",
            ],
            blocks: blocks)
        let title = "\(problemID): regret against rounds"
        var styles = context.styles(optimizers)
        for index in optimizers.count..<entries.count { styles.append(SeriesStyle(index: index)) }
        var script = GnuplotScript(
            kind: "regret", stem: stem, format: format, title: title, xLabel: "rounds T", yLabel: "regret R_T",
            dataFiles: [data.fileName], keyEntries: entries, provenance: context.provenance, styles: styles,
            size: context.size)
        script.logAxis("x")
        script.logAxis("y")
        script.plot(
            blocks.indices.map { index in
                let style =
                    index < optimizers.count
                    ? "with linespoints lt \(index + 1) pt 7 ps 0.5" : "with lines lt \(index + 1) dt 2"
                return "'\(data.fileName)' index \(index) using 1:2 \(style) title \(script.text(entries[index]))"
            })
        return Figure(kind: "regret", stem: stem, format: format, title: title, script: script.text, data: [data])
    }
}
