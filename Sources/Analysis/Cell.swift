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
