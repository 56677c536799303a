import Results

/// A `.dat` file for gnuplot: `#` header lines describing the columns and the blocks, then blocks
/// of rows separated by two blank lines (gnuplot's `index n`). Numbers are written in shortest
/// round-trip form; a missing or non-finite value is written `?` (scripts `set datafile missing '?'`).
/// In the `grid` layout (for `splot`) blocks are separated by one blank line and carry no comment.
public struct DataTable: Sendable, Equatable {
    public enum Layout: Sendable, Equatable { case indexed, grid }

    public var fileName: String
    public var header: [String]
    public var blocks: [Block]
    public var layout: Layout

    public struct Block: Sendable, Equatable {
        public var comment: String
        public var rows: [[Double?]]

        public init(comment: String, rows: [[Double?]]) {
            self.comment = comment
            self.rows = rows
        }
    }

    public init(fileName: String, header: [String], blocks: [Block], layout: Layout = .indexed) {
        self.fileName = fileName
        self.header = header
        self.blocks = blocks
        self.layout = layout
    }

    public var text: String {
        var text = header.map { "# " + $0 + "\n" }.joined()
        for (index, block) in blocks.enumerated() {
            if layout == .grid {
                if index > 0 { text += "\n" }
            } else {
                if index > 0 { text += "\n\n" }
                text += "# index \(index): \(block.comment)\n"
            }
            // gnuplot skips an empty block's index; one all-missing row keeps the numbering.
            let rows = block.rows.isEmpty ? [[nil]] : block.rows
            for row in rows { text += row.map(DataTable.number).joined(separator: " ") + "\n" }
        }
        return text
    }

    public static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "?" }
        var text = "\(value)"
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}

extension DataTable {
    /// f of a problem on the contour grid of its run directory (`contours/`): one block of `x y f` rows per x value.
    static func contours(_ grid: ContourGridFile, of problemID: String, fileName: String) -> DataTable {
        DataTable(
            fileName: fileName,
            header: [
                "f of \(problemID) on a \(grid.xs.count)×\(grid.ys.count) grid (from contours/ in the run directory)",
                "columns: x y f; one block per x value (gnuplot grid layout)",
            ],
            blocks: grid.xs.indices.map { i in
                Block(comment: "", rows: grid.ys.indices.map { j in [grid.xs[i], grid.ys[j], grid.values[i][j]] })
            },
            layout: .grid)
    }
}
