import Analysis
import Foundation
import Results

/// What `gdbench report` writes beside a run: `report.md` — provenance (the manifest), run statuses,
/// the suite's claims checked on the records (``ClaimRegistry``), the per-cell summary at the last target (median and
/// IQR of iterations with the bootstrap 95% interval, gradient evaluations, success rate, ERT), the theory-check table,
/// κ-scaling exponents, profile summaries, paired Wilcoxon comparisons (up to eight optimizers), the tuning protocol
/// when tuning repetitions are given, and the figures of `figures/` embedded — and `report-tables.tex`
/// with the same tables for papers (booktabs: `\usepackage{booktabs}`).
public struct ReportWriter {
    public var results: ResultSet
    /// Repetitions used for tuning (the tuning section is left out when empty).
    public var tuningRepetitions: Set<Int>
    public var figureFormat: FigureFormat

    /// The suite's claims (``ClaimRegistry``), checked once.
    public let claims: [ClaimResult]

    public init(results: ResultSet, tuningRepetitions: Set<Int> = [], figureFormat: FigureFormat = .png) {
        self.results = results
        claims = ClaimRegistry.evaluate(results)
        self.tuningRepetitions = tuningRepetitions
        self.figureFormat = figureFormat
    }

    var targetIndex: Int { max(results.thresholds.count - 1, 0) }
    var threshold: String { results.thresholds.last.map(DataTable.number) ?? "—" }

    /// Writes `report.md`, `report-tables.tex` and the self-contained `report.html` (``HTMLReport``)
    /// into the run directory; returns their URLs. `figures` are those rendered into `figuresFolder`
    /// (default: the figures of this writer's format, looked up in `RUN/figures/`).
    public func write(to directory: URL, figures: [Figure]? = nil, figuresFolder: URL? = nil) throws -> [URL] {
        let figures = try figures ?? FigureSet.build(FigureContext(results: results, format: figureFormat))
        let folder = figuresFolder ?? directory.appendingPathComponent("figures")
        let markdown = directory.appendingPathComponent("report.md")
        let latex = directory.appendingPathComponent("report-tables.tex")
        let html = directory.appendingPathComponent("report.html")
        try AtomicFile.write(self.markdown(figures: figures, figuresFolder: folder), to: markdown)
        try AtomicFile.write(self.latex(), to: latex)
        try AtomicFile.write(HTMLReport(writer: self).page(figures: figures, figuresFolder: folder), to: html)
        return [markdown, latex, html]
    }

    // MARK: Tables (shared by Markdown and LaTeX)

    public struct Table: Sendable {
        public var caption: String
        public var header: [String]
        public var rows: [[String]]
        /// LaTeX column alignment, e.g. "llrr".
        public var alignment: String

        public init(caption: String, header: [String], rows: [[String]], alignment: String) {
            self.caption = caption
            self.header = header
            self.rows = rows
            self.alignment = alignment
        }
    }

    /// Tables placed before the standard ones (e.g. the paired statistics of `gdbench compare`).
    public var leadingTables: [(title: String, table: Table)] = []

    static func number(_ value: Double) -> String {
        if value.isNaN { return "—" }
        if value.isInfinite { return "∞" }
        if value == value.rounded() && abs(value) < 1e7 { return String(Int(value)) }
        return String(format: "%.4g", value)
    }

    func cellTable() -> Table {
        let cells = results.cells
        let rows = cells.map { cell -> [String] in
            let summary = CellSummary(cell: cell, measures: [.iterations, .gradientEvaluations])
            guard let target = summary.targets.last, let iterations = target.measure(.iterations),
                let gradients = target.measure(.gradientEvaluations)
            else {
                return [
                    summary.key.problemID, summary.key.optimizerID, "\(summary.runs)", "0/\(summary.runs)", "—", "—",
                    "—", "—",
                ]
            }
            let interval =
                summary.isDeterministic
                ? "deterministic"
                : iterations.interval.map { "[\(ReportWriter.number($0.lower)), \(ReportWriter.number($0.upper))]" }
                    ?? "—"
            let ert = ExpectedRunningTime.value(
                runs: cell.runs, targetIndex: targetIndex, measure: .gradientEvaluations)
            return [
                summary.key.problemID, summary.key.optimizerID, "\(summary.runs)",
                "\(target.successes)/\(summary.runs)",
                iterations.count == 0
                    ? "—"
                    : summary.isDeterministic
                        ? ReportWriter.number(iterations.median)
                        : "\(ReportWriter.number(iterations.median)) ("
                            + "\(ReportWriter.number(iterations.lowerQuartile))–"
                            + "\(ReportWriter.number(iterations.upperQuartile)))",
                interval, gradients.count == 0 ? "—" : ReportWriter.number(gradients.median),
                ert.map(ReportWriter.number) ?? "—",
            ]
        }
        return Table(
            caption:
                "Per cell at target \(threshold): median iterations (interquartile range) over the successful runs, "
                + "percentile-bootstrap 95% interval of that median (1000 resamples; \"deterministic\" where the "
                + "repetitions are bit-identical copies: one value, no interval), median gradient evaluations, "
                + "and ERT in gradient evaluations (all runs).",
            header: ["problem", "optimizer", "runs", "hit", "iterations (IQR)", "95% CI", "gradients", "ERT"],
            rows: rows, alignment: "llrrrrrr")
    }

    func theoryTable() -> Table {
        Table(
            caption: "Theory checks (reference §D); the rules that select records are in TheoryCheck's documentation.",
            header: ["check", "subject", "measured", "predicted", "result"],
            rows: (TheoryCheck.all(results)
                + DimensionScaling.checks(DimensionScaling.all(results, targetIndex: targetIndex))).map {
                    [
                        $0.check, $0.subject, $0.measured, $0.predicted,
                        $0.skipped ? "skip" : $0.passed ? "pass" : "FAIL",
                    ]
                },
            alignment: "lllll")
    }

    func scalingTable() -> Table {
        Table(
            caption:
                "Iterations to target \(threshold) ≈ c·κᵖ: least squares in log–log over the κ values, 95% interval "
                + "from the t distribution. κ values where the median run missed the target are left out "
                + "(\"missed\"), and so are κ values where every run reached the target within one iteration "
                + "(\"at 1 iteration\": no information on growth).",
            header: ["problem family", "optimizer", "κ values", "p", "95% interval", "theory p"],
            rows: KappaScaling.all(results, targetIndex: targetIndex).map { scaling in
                [
                    scaling.family, scaling.optimizerID,
                    "\(scaling.points.count)"
                        + (scaling.droppedKappas.isEmpty ? "" : " (+\(scaling.droppedKappas.count) missed)")
                        + (scaling.oneIterationKappas.isEmpty
                            ? ""
                            : " (+κ = " + scaling.oneIterationKappas.map(ReportWriter.number).joined(separator: ", ")
                                + " at 1 iteration)"),
                    scaling.fit.map { String(format: "%.3f", $0.slope) } ?? "—",
                    scaling.fit.flatMap {
                        $0.slopeLower.isFinite ? String(format: "[%.3f, %.3f]", $0.slopeLower, $0.slopeUpper) : nil
                    } ?? "—",
                    scaling.theoryExponent.map(ReportWriter.number) ?? "—",
                ]
            },
            alignment: "llrrrr")
    }

    /// Cost ≈ c·dᵖ per optimizer and family (``DimensionScaling``); nil when no family has three dimensions.
    func dimensionTable() -> Table? {
        let series = DimensionScaling.all(results, targetIndex: targetIndex)
        guard !series.isEmpty else { return nil }
        func slope(_ fit: LineFit?) -> String { fit.map(DimensionScaling.describe) ?? "—" }
        return Table(
            caption:
                "Cost ≈ c·dᵖ against the dimension d: p of iterations and gradient evaluations to target \(threshold) "
                + "(all d reached), and of seconds per iteration (d ≥ \(DimensionScaling.asymptoticDimension)); "
                + "least squares in log–log, 95% intervals from the t distribution. The checks on fixed-κ "
                + "quadratics are in the theory-check table.",
            header: ["problem family", "optimizer", "d values", "p iterations", "p gradients", "p seconds/iteration"],
            rows: series.map { scaling in
                let reached = scaling.points.filter { $0.iterations.isFinite }.count
                return [
                    scaling.family, scaling.optimizerID, "\(reached)/\(scaling.points.count)",
                    slope(scaling.iterationFit),
                    slope(scaling.gradientFit), slope(scaling.secondsFit),
                ]
            },
            alignment: "llrrrr")
    }

    func profileTable() -> Table {
        let performance =
            results.optimizerIDs.count >= 2
            ? PerformanceProfile(results, targetIndex: targetIndex, measure: .iterations) : nil
        let data = DataProfile(results, targetIndex: targetIndex)
        return Table(
            caption:
                "Profiles at target \(threshold): ρ(τ) = fraction of problem instances within τ× the best optimizer's "
                + "iterations (Dolan–Moré); d(α) = fraction solved within α(d+1) gradient evaluations (Moré–Wild; "
                + "Hessian and Hessian-vector products are not counted in α).",
            header: ["optimizer", "ρ(1)", "ρ(2)", "ρ(10)", "ρ(∞)", "d(10)", "d(100)", "d(1000)"],
            rows: results.optimizerIDs.map { id in
                let rho = [1.0, 2, 10, .infinity].map { tau in
                    performance.map { String(format: "%.2f", $0.fraction(id, within: tau)) } ?? "—"
                }
                let d = [10.0, 100, 1000].map { String(format: "%.2f", data.fraction(id, within: $0)) }
                return [id] + rho + d
            },
            alignment: "lrrrrrrr")
    }

    func pairedTable() -> Table? {
        let ids = results.optimizerIDs
        guard ids.count >= 2, ids.count <= 8 else { return nil }
        var rows: [[String]] = []
        for i in ids.indices {
            for j in ids.indices where j > i {
                let comparison = PairedComparison(
                    results, optimizerA: ids[i], optimizerB: ids[j], targetIndex: targetIndex)
                guard comparison.pairs > 0 else { continue }
                let test = comparison.test
                rows.append([
                    ids[i], ids[j], "\(comparison.pairs)", "\(comparison.aBetter)/\(comparison.bBetter)",
                    test.map { ReportWriter.number($0.statistic) } ?? "—",
                    test.map { String(format: "%.3g", $0.pValue) } ?? "—",
                    test.map { String(format: "%.2f", $0.rankBiserial) } ?? "—",
                    comparison.deterministic ? "deterministic" : test?.method.rawValue ?? "all tied",
                ])
            }
        }
        return Table(
            caption: "Paired comparisons on the same seeds (problem × repetition), iterations to target \(threshold), "
                + "failures as +∞: Wilcoxon signed-rank test (two-sided) and matched-pairs rank-biserial r "
                + "(negative: A needs fewer); a problem whose two cells are deterministic counts once, and "
                + "\"deterministic\" comparisons (all such) get no test.",
            header: ["A", "B", "pairs", "A/B better", "W", "p", "r", "method"], rows: rows, alignment: "llrrrrrl")
    }

    func tuningTable() -> Table? {
        guard !tuningRepetitions.isEmpty else { return nil }
        let reps = tuningRepetitions.sorted().map(String.init).joined(separator: ",")
        let outcomes = TuningProtocol(tuningRepetitions: tuningRepetitions, targetIndex: targetIndex).outcomes(results)
        return Table(
            caption: "Tuning protocol: the best setting per problem and grid on repetitions {\(reps)}, reported on the "
                + "other repetitions; tuning cost in runs and gradient evaluations.",
            header: [
                "problem", "grid", "settings", "chosen", "tuning runs", "tuning gradients", "test hit",
                "test median iterations",
            ],
            rows: outcomes.map {
                [
                    $0.problemID, $0.grid, "\($0.settings)", $0.chosenOptimizerID, "\($0.tuningRuns)",
                    "\($0.tuningGradientEvaluations)",
                    "\($0.testSuccesses)/\($0.testRuns)", ReportWriter.number($0.testMedian),
                ]
            },
            alignment: "llrlrrrr")
    }

    func claimTable() -> Table {
        Table(
            caption: "What the suite's description (suites/README.md) states, checked on these records (ClaimRegistry; "
                + "untested: the records lack what the claim reads).",
            header: ["claim", "evidence", "result"],
            rows: claims.map {
                [
                    $0.statement, $0.outcome.evidence,
                    $0.outcome.verdict == .holds ? "holds" : $0.outcome.verdict == .fails ? "FAILS" : "untested",
                ]
            },
            alignment: "lll")
    }

    public var tables: [(title: String, table: Table)] {
        var tables =
            leadingTables + (claims.isEmpty ? [] : [("Claims", claimTable())])
            + [
                ("Cells", cellTable()), ("Theory checks", theoryTable()), ("κ scaling", scalingTable()),
                ("Profiles", profileTable()),
            ]
        if let dimension = dimensionTable() {
            tables.insert(("Dimension scaling", dimension), at: tables.count - 1)
        }
        if let paired = pairedTable() { tables.append(("Paired comparisons", paired)) }
        if let tuning = tuningTable() { tables.append(("Tuning", tuning)) }
        return tables
    }

    // MARK: Markdown

    public func markdown(figures: [Figure], figuresFolder: URL) -> String {
        var text = "# gdbench report: \(results.manifest?.suite ?? results.records.first?.suite ?? "results")\n\n"
        text += "## Provenance\n\n"
        if let manifest = results.manifest {
            let fields = provenanceFields(manifest)
            text +=
                "| field | value |\n|---|---|\n"
                + fields.map { "| \($0.0) | \(ReportWriter.markdownCell($0.1)) |\n" }.joined()
            if manifest.buildConfiguration != "release" {
                text += "\n**Timings come from a \(manifest.buildConfiguration) build and are not comparable.**\n"
            }
        } else {
            text += "No manifest.json: provenance unknown.\n"
        }
        text += "\n" + statusLine + "\n" + ladderLine + "\n"
        text += markdownTables()
        text += ClaimsSection.markdown(DeepLearningClaims.evaluate(results.records))
        text += "\n## Figures\n\n"
        for figure in figures {
            let output = figuresFolder.appendingPathComponent(figure.outputFileName)
            let relative =
                figuresFolder.path.hasPrefix(directoryPath)
                ? String(figuresFolder.path.dropFirst(directoryPath.count + 1)) : "figures"
            if FileManager.default.fileExists(atPath: output.path) {
                text += "![\(ReportWriter.markdownCell(figure.title))](\(relative)/\(figure.outputFileName))\n\n"
            } else {
                text +=
                    "- \(ReportWriter.markdownCell(figure.title)): `\(relative)/\(figure.scriptPath)` (not "
                    + "rendered; run `gdbench plot`)\n"
            }
        }
        return text
    }

    var directoryPath: String { results.directory?.path ?? "" }

    /// `N runs: converged …, budget …`.
    var statusLine: String {
        let counts = RunStatus.allCases.map { status in
            "\(status.rawValue) \(results.records.filter { $0.status == status }.count)"
        }
        return "\(results.records.count) runs: " + counts.joined(separator: ", ") + "."
    }

    var ladderLine: String {
        "Target ladder (\(results.targetMeasure?.rawValue ?? "—")): "
            + results.thresholds.map(DataTable.number).joined(separator: ", ") + "."
    }

    /// The provenance rows of the manifest.
    func provenanceFields(_ manifest: RunManifest) -> [(String, String)] {
        let fields: [(String, String)] =
            [
                ("run directory", results.directory?.lastPathComponent ?? "—"), ("gdbench", manifest.gdbenchVersion),
                ("git commit", manifest.gitCommit), ("compiler", manifest.swiftVersion),
                ("OS", manifest.operatingSystem),
                ("CPU", "\(manifest.cpu) (\(manifest.cpuCount) cores)"), ("build", manifest.buildConfiguration),
                ("suite file", manifest.suiteFile), ("suite SHA-256", manifest.suiteDigest), ("seed", manifest.seed),
                ("command", manifest.commandLine.joined(separator: " ")), ("start", manifest.startTime),
                ("end", manifest.endTime ?? "unfinished"),
                ("runs", "\(manifest.selectedRuns) of \(manifest.plannedRuns) planned"),
            ] + (manifest.shard.map { [("shard", $0)] } ?? []) + (manifest.filter.map { [("filter", $0)] } ?? [])
        return fields
    }

    func markdownTables() -> String {
        var text = ""
        for (title, table) in tables {
            text += "\n## \(title)\n\n\(table.caption)\n\n"
            if table.rows.isEmpty {
                text += "(none apply to these records)\n"
                continue
            }
            text += "| " + table.header.map(ReportWriter.markdownCell).joined(separator: " | ") + " |\n"
            text += "|" + table.alignment.map { $0 == "r" ? "---:|" : "---|" }.joined() + "\n"
            for row in table.rows {
                text += "| " + row.map(ReportWriter.markdownCell).joined(separator: " | ") + " |\n"
            }
        }
        return text
    }

    static func markdownCell(_ text: String) -> String {
        var out = ""
        for character in text {
            if "|*_`\\<>".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    // MARK: LaTeX

    public func latex() -> String {
        var text = "% gdbench report tables for suite \(results.manifest?.suite ?? "") — needs \\usepackage{booktabs}\n"
        if let manifest = results.manifest {
            text += "% gdbench \(manifest.gdbenchVersion), commit \(manifest.gitCommit), seed \(manifest.seed)\n"
        }
        for (title, table) in tables where !table.rows.isEmpty {
            text += "\n% \(GnuplotText.latex(title))\n\\begin{table}[t]\n\\centering\\small\n"
            text += "\\caption{\(GnuplotText.latex(table.caption))}\n"
            text += "\\begin{tabular}{\(table.alignment)}\n\\toprule\n"
            text += table.header.map(GnuplotText.latex).joined(separator: " & ") + " \\\\\n\\midrule\n"
            for row in table.rows { text += row.map(GnuplotText.latex).joined(separator: " & ") + " \\\\\n" }
            text += "\\bottomrule\n\\end{tabular}\n\\end{table}\n"
        }
        return text
    }
}
