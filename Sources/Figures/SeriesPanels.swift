/// Small multiples: how the series of a figure are split into panels of at most ``maxSeries``.
/// Series are grouped by family — the optimizer kind, the part of the id before `[` — in id order;
/// neighbouring families are packed into one panel while they fit, and a family larger than a panel
/// is cut into equal consecutive chunks (`adam (1/2)`, `adam (2/2)`). A figure with at most
/// ``maxSeries`` series stays one panel.
public enum SeriesPanels {
    public static let maxSeries = 8

    public struct Panel: Sendable, Equatable {
        /// The families it shows, e.g. `adam, adamw`.
        public var title: String
        /// Indices into the figure's series.
        public var series: [Int]
    }

    public static func family(_ id: String) -> String {
        String(id.prefix { $0 != "[" })
    }

    public static func group(_ ids: [String], maxSeries: Int = maxSeries) -> [Panel] {
        guard ids.count > maxSeries else { return [Panel(title: "", series: Array(ids.indices))] }
        var families: [(name: String, series: [Int])] = []
        for (index, id) in ids.enumerated() {
            let name = family(id)
            if let last = families.last, last.name == name {
                families[families.count - 1].series.append(index)
            } else {
                families.append((name, [index]))
            }
        }
        var pieces: [Panel] = []
        for family in families {
            if family.series.count <= maxSeries {
                pieces.append(Panel(title: family.name, series: family.series))
                continue
            }
            let count = (family.series.count + maxSeries - 1) / maxSeries
            let size = (family.series.count + count - 1) / count
            for chunk in 0..<count {
                let slice = Array(family.series[(chunk * size)..<min((chunk + 1) * size, family.series.count)])
                pieces.append(Panel(title: "\(family.name) (\(chunk + 1)/\(count))", series: slice))
            }
        }
        var panels: [Panel] = []
        for piece in pieces {
            if let last = panels.last, last.series.count + piece.series.count <= maxSeries, !piece.title.contains("/"),
                !last.title.contains("/")
            {
                panels[panels.count - 1].title += ", " + piece.title
                panels[panels.count - 1].series += piece.series
            } else {
                panels.append(piece)
            }
        }
        for index in panels.indices where panels[index].title.count > 48 {
            let names = panels[index].title.components(separatedBy: ", ")
            panels[index].title = "\(names.first ?? "") … \(names.last ?? "") (\(names.count) kinds)"
        }
        return panels
    }
}
