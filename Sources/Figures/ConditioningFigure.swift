import Analysis
import Foundation
import Results

/// Conditioning: iterations to the last target against κ, log–log, one line per optimizer (the
/// median over repetitions; a κ whose median run missed the target is left out), with the fitted
/// exponent p of c·κᵖ and its 95% interval in the key beside the theory exponent
/// (``KappaScaling``), and grey reference slopes κ and √κ from the smallest κ at the geometric mean of
/// the series' first points. One figure per problem family (the problem without its `kappa`).
public enum ConditioningFigure {
    public static func figures(_ context: FigureContext, stems: inout FigureStem) -> [Figure] {
        let targetIndex = max(context.results.thresholds.count - 1, 0)
        let series = KappaScaling.all(context.results, targetIndex: targetIndex)
        let families = Array(Set(series.map(\.family))).sorted()
        return families.compactMap { family in
            figure(
                context, family: family, series: series.filter { $0.family == family }, targetIndex: targetIndex,
                stems: &stems)
        }
    }

    static func figure(
        _ context: FigureContext, family: String, series: [KappaScaling], targetIndex: Int,
        stems: inout FigureStem
    ) -> Figure? {
        let drawn = series.filter { !$0.points.isEmpty }
        guard !drawn.isEmpty else { return nil }
        let format = context.staticFormat
        let stem = stems.unique("conditioning", family)
        let threshold =
            context.results.thresholds.indices.contains(targetIndex) ? context.results.thresholds[targetIndex] : .nan
        let blocks = drawn.map { scaling in
            DataTable.Block(
                comment: scaling.optimizerID,
                rows: scaling.points.map { point in
                    [
                        point.kappa, point.iterations,
                        scaling.fit.map { pow(10, $0.intercept + $0.slope * log10(point.kappa)) },
                    ]
                })
        }
        let data = DataTable(
            fileName: stem + ".dat",
            header: [
                "iterations to target \(DataTable.number(threshold)) against κ on \(family)",
                "one block per optimizer; columns: kappa median_iterations fitted_c*kappa^p",
            ],
            blocks: blocks)
        let title =
            "\(family): iterations to \(DataTable.number(threshold)) against κ"
            + (context.selection.map { " — \($0)" } ?? "")
        var script = GnuplotScript(
            kind: "conditioning", stem: stem, format: format, title: title, xLabel: "condition number κ",
            yLabel: "iterations to target (median)", dataFiles: [data.fileName],
            keyEntries: drawn.map(label) + ["slope 1 (κ)", "slope ½ (√κ)"],
            provenance: context.provenance,
            styles: context.styles(drawn.map(\.optimizerID)), size: context.size)
        script.logAxis("x")
        script.logAxis("y")
        let firsts = drawn.compactMap(\.points.first)
        let kappa0 = firsts.map(\.kappa).min() ?? 1
        let iterations0 = exp(firsts.map { log($0.iterations) }.reduce(0, +) / Double(max(firsts.count, 1)))
        script.add("set offsets graph 0.02, graph 0.02, graph 0.05, graph 0.05")
        script.widenDegenerateRange("y", values: drawn.flatMap { $0.points.map(\.iterations) }, logarithmic: true)
        script.add("k0 = \(DataTable.number(kappa0)); i0 = \(DataTable.number(iterations0))")
        script.add("set linetype \(drawn.count + 1) lc rgb '#777777' lw 1.5 dt 2")
        script.add("set linetype \(drawn.count + 2) lc rgb '#777777' lw 1.5 dt 3")
        let clauses = drawn.enumerated().map { index, scaling in
            [
                "'\(data.fileName)' index \(index) using 1:2 with linespoints lt \(index + 1) title "
                    + "\(script.text(label(scaling)))"
            ]
        }
        script.plot(
            series: drawn.map(\.optimizerID), clauses: clauses,
            shared: [
                "i0*(x/k0) with lines lt \(drawn.count + 1) title \(script.text("slope 1 (κ)"))",
                "i0*sqrt(x/k0) with lines lt \(drawn.count + 2) title \(script.text("slope ½ (√κ)"))",
            ])
        return Figure(kind: "conditioning", stem: stem, format: format, title: title, script: script.text, data: [data])
    }

    /// `id: p = 0.98 [0.95, 1.01], theory 1`.
    static func label(_ scaling: KappaScaling) -> String {
        var text = scaling.optimizerID
        if let fit = scaling.fit {
            text += ": p = " + String(format: "%.2f", fit.slope)
            if fit.slopeLower.isFinite { text += String(format: " [%.2f, %.2f]", fit.slopeLower, fit.slopeUpper) }
        }
        if let theory = scaling.theoryExponent { text += ", theory " + DataTable.number(theory) }
        return text
    }
}
