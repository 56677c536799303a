/// One figure in one format: its gnuplot commands and the data files they read. In a figures folder
/// (``FigureScripts``) every format's commands share `scripts/<stem>.gp` and the data sit beside it;
/// rendering writes `<format>/<stem>.<ext>`.
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
    /// The script relative to the figures folder.
    public var scriptPath: String { FigureScripts.scriptsFolderName + "/" + scriptFileName }
    /// The picture relative to the figures folder: in the format's own folder.
    public var outputFileName: String { format.rawValue + "/" + stem + "." + format.outputExtension }
}
