/// One figure: a gnuplot script and the data files it reads, all written into one folder under
/// their own names; `gnuplot <stem>.gp` run in that folder writes `<stem>.<ext>`.
public struct Figure: Sendable, Equatable {
    /// The kind, e.g. `convergence`.
    public var kind: String
    /// File stem of the script and the picture.
    public var stem: String
    public var format: FigureFormat
    public var title: String
    public var script: String
    public var data: [DataTable]

    public init(kind: String, stem: String, format: FigureFormat, title: String, script: String, data: [DataTable]) {
        self.kind = kind
        self.stem = stem
        self.format = format
        self.title = title
        self.script = script
        self.data = data
    }

    public var scriptFileName: String { stem + ".gp" }
    public var outputFileName: String { stem + "." + format.outputExtension }
}
