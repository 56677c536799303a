/// When the monitored pass of a run looks at the iterate (``RunLoop``): at the log-spaced trace
/// marks, and
/// - full batch: after every iteration up to ``RunSettings/exactCheckIterations`` (first hits there
///   are exact), then every ⌊k / exactCheckIterations⌋ iterations, so a later first hit is reported
///   at most that fraction late;
/// - mini-batch on a finite sum: ``RunSettings/checksPerEpoch`` times per epoch of row gradients.
///
/// It depends only on iteration and row counts, never on time, so records stay reproducible.
struct CheckSchedule {
    /// The trace iterations (``RunLoop/traceIterations(limit:points:)``), 0 first.
    let marks: [Int]
    private var markIndex = 1
    /// A mini-batch run: checks follow the oracle's row count.
    let miniBatch: Bool
    private let exactCheckIterations: Int
    private var nextCheckIteration = 1
    private let checkRows: Int
    private var nextCheckRows: Int

    /// What the schedule says about the iterate after an iteration.
    struct Decision {
        /// The iteration is a trace mark (recorded whatever the check finds).
        var atMark: Bool
        /// The targets, divergence and timeout are checked.
        var check: Bool
    }

    /// `miniBatchSampleCount`: n of a finite sum run on mini-batches, nil for a full-batch run.
    init(marks: [Int], miniBatchSampleCount sampleCount: Int?, settings: RunSettings) {
        self.marks = marks
        miniBatch = sampleCount != nil
        exactCheckIterations = settings.exactCheckIterations
        checkRows = miniBatch ? max(1, (sampleCount ?? 1) / max(1, settings.checksPerEpoch)) : 0
        nextCheckRows = checkRows
    }

    /// Whether the step that ends at `iteration` + 1 ends at a trace mark.
    func stepEndsAtMark(after iteration: Int) -> Bool {
        markIndex < marks.count && marks[markIndex] == iteration + 1
    }

    /// The first iteration after `iteration` at which ``decide(after:rowGradients:)`` may say to look:
    /// the next trace mark or check (full batch); the next iteration for a mini-batch run.
    func nextLook(after iteration: Int) -> Int {
        if miniBatch { return iteration + 1 }
        let mark = markIndex < marks.count ? marks[markIndex] : Int.max
        return min(mark, max(nextCheckIteration, iteration + 1))
    }

    /// Advances past `iteration`, after which the oracle has computed `rowGradients` row gradients
    /// (read by mini-batch runs only).
    mutating func decide(after iteration: Int, rowGradients: Int) -> Decision {
        var atMark = false
        if markIndex < marks.count, marks[markIndex] == iteration {
            atMark = true
            markIndex += 1
        }
        var check = atMark
        if !miniBatch, iteration >= nextCheckIteration {
            check = true
            nextCheckIteration = iteration + max(1, iteration / max(1, exactCheckIterations))
        }
        if miniBatch, rowGradients >= nextCheckRows {
            check = true
            while nextCheckRows <= rowGradients { nextCheckRows += checkRows }
        }
        return Decision(atMark: atMark, check: check)
    }
}
