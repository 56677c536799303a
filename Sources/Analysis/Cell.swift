import Results

/// The identity of a cell: problem id × optimizer id.
public struct CellKey: Hashable, Comparable, Sendable {
    public var problemID: String
    public var optimizerID: String

    public init(problemID: String, optimizerID: String) {
        self.problemID = problemID
        self.optimizerID = optimizerID
    }

    /// `problem/optimizer`, the label bootstrap seeds are derived from.
    public var id: String { "\(problemID)/\(optimizerID)" }

    public static func < (a: CellKey, b: CellKey) -> Bool {
        (a.problemID, a.optimizerID) < (b.problemID, b.optimizerID)
    }
}

/// The runs of one problem × optimizer, sorted by repetition.
public struct Cell: Sendable {
    public var key: CellKey
    public var runs: [RunRecord]

    public init(key: CellKey, runs: [RunRecord]) {
        self.key = key
        self.runs = runs
    }
}

extension Cell {
    /// True when the cell has two or more runs and all of them are bit-identical apart from wall time: the
    /// same status, final iterate (fingerprint) and first hit of every target (iterations and evaluations).
    /// Repetitions of a deterministic problem and method are copies, not samples: the report gives one
    /// value, with no interval and no test.
    public var isDeterministic: Bool {
        guard runs.count >= 2, let first = runs.first else { return false }
        let reference = Cell.signature(first)
        return runs.dropFirst().allSatisfy { Cell.signature($0) == reference }
    }

    /// Everything of a run that is not timing.
    static func signature(_ record: RunRecord) -> [String] {
        [record.status.rawValue, record.finalFingerprint]
            + record.targets.ladder.map { target in
                target.hit.map { hit in
                    [
                        hit.iteration, hit.gradientEvaluations, hit.functionEvaluations, hit.hessianVectorProducts,
                        hit.hessianEvaluations,
                    ].map(String.init).joined(separator: " ")
                } ?? "-"
            }
    }
}
