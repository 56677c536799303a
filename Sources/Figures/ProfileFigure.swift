import Analysis
import Results

/// The three aggregate figures, one each per suite, step functions with one line per optimizer:
/// - **performance profile** (``PerformanceProfile``): ρ(τ), fraction of problem instances solved
///   within τ times the best optimizer's iterations, τ on a log₂ axis;
/// - **data profile** (``DataProfile``): fraction solved within α·(d + 1) gradient evaluations, log α;
/// - **ECDF** (``RuntimeDistribution``): fraction of (run, target) pairs solved within a budget of
///   iterations, and one within a budget of gradient evaluations, log axis.
/// Profiles use the last target of the ladder. The performance profile needs two optimizers. An
/// optimizer without a record on a problem instance counts as not solving it.
public enum ProfileFigure {
    public static func figures(_ context: FigureContext, stems: inout FigureStem) -> [Figure] {
        let results = context.results
        let optimizers = results.optimizerIDs
        guard !optimizers.isEmpty, !results.thresholds.isEmpty else { return [] }
        let target = results.thresholds.count - 1
        var figures: [Figure] = []
        if optimizers.count >= 2 {
            let profile = PerformanceProfile(results, targetIndex: target, measure: .iterations)
            let tauMax = max(profile.largestRatio * 2, 2)
            let blocks = profile.ratios.map { entry in
                DataTable.Block(
                    comment: entry.optimizerID,
                    rows: steps(entry.ratios, total: profile.instances, start: 1, end: tauMax))
            }
            figures.append(
                figure(
                    context, kind: "performance-profile", stems: &stems, blocks: blocks,
                    title: "performance profile (iterations to \(DataTable.number(results.thresholds[target])))",
                    xLabel: "τ (ratio to the best optimizer)", yLabel: "fraction of problems within τ",
                    header: "Dolan–Moré performance profile over \(profile.instances) problem instances (problem × "
                        + "repetition); columns: tau fraction",
                    logBase: 2, xRange: (1, tauMax)))
        }
        let dataProfile = DataProfile(results, targetIndex: target)
        let alphas = dataProfile.scaledCosts.flatMap(\.costs)
        let alphaMax = (alphas.max() ?? 1) * 2
        let alphaMin = min(alphas.filter { $0 > 0 }.min() ?? 1, 1) / 2
        figures.append(
            figure(
                context, kind: "data-profile", stems: &stems,
                blocks: dataProfile.scaledCosts.map {
                    DataTable.Block(
                        comment: $0.optimizerID,
                        rows: steps($0.costs, total: dataProfile.instances, start: alphaMin, end: alphaMax))
                },
                title: "data profile (target \(DataTable.number(results.thresholds[target])))",
                xLabel: "budget α in units of d + 1 gradient evaluations", yLabel: "fraction of problems solved",
                header:
                    "Moré–Wild data profile over \(dataProfile.instances) problem instances; columns: alpha fraction",
                logBase: 10, xRange: (alphaMin, alphaMax)))
        for measure in [CostMeasure.iterations, .gradientEvaluations] {
            figures.append(ecdf(context, measure: measure, stems: &stems))
        }
        return figures
    }

    static func ecdf(_ context: FigureContext, measure: CostMeasure, stems: inout FigureStem) -> Figure {
        let results = context.results
        let distributions = RuntimeDistribution.all(results, measure: measure)
        let budgets = distributions.flatMap { $0.steps.map(\.budget) }
        let budgetMax = max((budgets.max() ?? 1) * 2, 2)
        return figure(
            context, kind: "ecdf", name: measure.rawValue, stems: &stems,
            blocks: distributions.map { distribution in
                var rows: [[Double?]] = [[1, 0]]
                rows += distribution.steps.map { [max($0.budget, 1), $0.fraction] }
                rows.append([budgetMax, distribution.steps.last?.fraction ?? 0])
                return DataTable.Block(comment: distribution.optimizerID, rows: rows)
            },
            title: "runtime ECDF over all targets (\(results.thresholds.count)) and problems",
            xLabel: measure.label, yLabel: "fraction of (run, target) pairs solved",
            header: "empirical CDF of \(measure.label) to each target over (run, target) pairs ("
                + distributions.map { "\($0.optimizerID): \($0.pairs)" }.joined(separator: ", ")
                + "); columns: budget fraction",
            logBase: 10, xRange: (1, budgetMax))
    }

    /// Step-function rows of a profile: (start, ρ(start)), then each distinct value v with the
    /// fraction ≤ v, then (end, final fraction).
    static func steps(_ sortedValues: [Double], total: Int, start: Double, end: Double) -> [[Double?]] {
        let n = Double(max(total, 1))
        var rows: [[Double?]] = [[start, Double(sortedValues.filter { $0 <= start }.count) / n]]
        for (index, value) in sortedValues.enumerated()
        where value > start && (index + 1 == sortedValues.count || sortedValues[index + 1] != value) {
            rows.append([value, Double(index + 1) / n])
        }
        rows.append([end, Double(sortedValues.count) / n])
        return rows
    }

    static func figure(
        _ context: FigureContext, kind: String, name: String = "", stems: inout FigureStem, blocks: [DataTable.Block],
        title: String, xLabel: String, yLabel: String, header: String, logBase: Int, xRange: (Double, Double)
    ) -> Figure {
        let format = context.staticFormat
        let stem = stems.unique(kind, name)
        let title = title + (context.selection.map { " — \($0)" } ?? "")
        let data = DataTable(
            fileName: stem + ".dat", header: [header, "one block per optimizer, in key order"], blocks: blocks)
        var script = GnuplotScript(
            kind: kind, stem: stem, format: format, title: title, xLabel: xLabel, yLabel: yLabel,
            dataFiles: [data.fileName], keyEntries: blocks.map(\.comment), provenance: context.provenance,
            styles: context.styles(blocks.map(\.comment)), size: context.size)
        if logBase == 2 {
            script.add("set logscale x 2")
            script.add("set format x '%g'")
        } else {
            script.logAxis("x")
        }
        script.add("set xrange [\(DataTable.number(xRange.0)):\(DataTable.number(xRange.1))]")
        script.add("set yrange [0:1.02]")
        script.plot(
            series: blocks.map(\.comment),
            clauses: blocks.indices.map { index in
                [
                    "'\(data.fileName)' index \(index) using 1:2 with steps lt \(index + 1) title "
                        + "\(script.text(blocks[index].comment))"
                ]
            })
        return Figure(kind: kind, stem: stem, format: format, title: title, script: script.text, data: [data])
    }
}
