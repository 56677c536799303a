import Analysis
import Foundation
import Results

/// Dimension scaling: for each problem family with three or more dimensions (``DimensionScaling``),
/// three log–log figures against d — iterations and gradient evaluations to the last target, and
/// optimizer seconds per iteration — one line per optimizer (medians over repetitions), with the
/// fitted exponent p of c·dᵖ and its 95% interval in the key (seconds: fitted over
/// d ≥ ``DimensionScaling/asymptoticDimension``, drawn dashed over that range).
public enum DimensionFigure {
    enum Measure: String, CaseIterable {
        case iterations, gradients = "gradient-evaluations", seconds = "seconds-per-iteration"

        var axis: String {
            switch self {
            case .iterations: return "iterations to target (median)"
            case .gradients: return "gradient evaluations to target (median)"
            case .seconds: return "seconds per iteration (median)"
            }
        }

        func value(_ point: DimensionScaling.Point) -> Double? {
            switch self {
            case .iterations: return point.iterations.isFinite ? point.iterations : nil
            case .gradients: return point.gradientEvaluations.isFinite ? point.gradientEvaluations : nil
            case .seconds: return point.secondsPerIteration
            }
        }

        func fit(_ scaling: DimensionScaling) -> LineFit? {
            switch self {
            case .iterations: return scaling.iterationFit
            case .gradients: return scaling.gradientFit
            case .seconds: return scaling.secondsFit
            }
        }
    }

    public static func figures(_ context: FigureContext, stems: inout FigureStem) -> [Figure] {
        let targetIndex = max(context.results.thresholds.count - 1, 0)
        let series = DimensionScaling.all(context.results, targetIndex: targetIndex)
        var figures: [Figure] = []
        for family in Array(Set(series.map(\.family))).sorted() {
            for measure in Measure.allCases {
                if let figure = figure(
                    context, family: family, series: series.filter { $0.family == family },
                    measure: measure, targetIndex: targetIndex, stems: &stems)
                {
                    figures.append(figure)
                }
            }
        }
        return figures
    }

    static func figure(
        _ context: FigureContext, family: String, series: [DimensionScaling], measure: Measure,
        targetIndex: Int, stems: inout FigureStem
    ) -> Figure? {
        let drawn = series.filter { scaling in scaling.points.contains { measure.value($0) != nil } }
        guard !drawn.isEmpty else { return nil }
        let format = context.staticFormat
        let stem = stems.unique("dimension-" + measure.rawValue, family)
        let threshold =
            context.results.thresholds.indices.contains(targetIndex) ? context.results.thresholds[targetIndex] : .nan
        let minimum = measure == .seconds ? DimensionScaling.asymptoticDimension : 0
        let blocks = drawn.map { scaling in
            DataTable.Block(
                comment: scaling.optimizerID,
                rows: scaling.points.compactMap { point -> [Double?]? in
                    guard let value = measure.value(point) else { return nil }
                    let d = Double(point.dimension)
                    let fitted =
                        point.dimension >= minimum
                        ? measure.fit(scaling).map { pow(10, $0.intercept + $0.slope * log10(d)) } : nil
                    return [d, value, fitted]
                })
        }
        let what =
            measure == .seconds ? "seconds per iteration" : "\(measure.rawValue) to \(DataTable.number(threshold))"
        let data = DataTable(
            fileName: stem + ".dat",
            header: ["\(what) against d on \(family)", "one block per optimizer; columns: d median fitted_c*d^p"],
            blocks: blocks)
        let title = "\(family): \(what) against d"
        let labels = drawn.map { label($0, fit: measure.fit($0)) }
        var script = GnuplotScript(
            kind: "dimension", stem: stem, format: format, title: title, xLabel: "dimension d", yLabel: measure.axis,
            dataFiles: [data.fileName], keyEntries: labels, provenance: context.provenance,
            styles: context.styles(drawn.map(\.optimizerID)), size: context.size)
        script.logAxis("x")
        script.logAxis("y")
        script.add("set offsets graph 0.02, graph 0.02, graph 0.05, graph 0.05")
        script.widenDegenerateRange(
            "y", values: drawn.flatMap { $0.points.compactMap(measure.value) }, logarithmic: true)
        var plots: [String] = []
        for index in drawn.indices {
            plots.append(
                "'\(data.fileName)' index \(index) using 1:2 with linespoints lt \(index + 1) title "
                    + "\(script.text(labels[index]))")
            // A series without a fit (fewer than two dimensions reached the target) has no fitted column
            // to draw: gnuplot would warn that the block has no valid points.
            if blocks[index].rows.contains(where: { $0.count > 2 && $0[2] != nil }) {
                plots.append("'\(data.fileName)' index \(index) using 1:3 with lines lt \(index + 1) dt 2 notitle")
            }
        }
        script.plot(plots)
        return Figure(kind: "dimension", stem: stem, format: format, title: title, script: script.text, data: [data])
    }

    /// `id: p = 0.02 [−0.03, 0.07]`.
    static func label(_ scaling: DimensionScaling, fit: LineFit?) -> String {
        var text = scaling.optimizerID
        if let fit {
            text += ": p = " + String(format: "%.2f", fit.slope)
            if fit.slopeLower.isFinite { text += String(format: " [%.2f, %.2f]", fit.slopeLower, fit.slopeUpper) }
        }
        return text
    }
}
