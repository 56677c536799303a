/// The physical size of paper figures (pdf and tex; screen formats are sized in pixels): `screen`
/// keeps the defaults (5 in pdf, 3.4 in cairolatex), `column` is one column of a two-column paper
/// (3.4 in wide, 8 pt), `page` the full text width (7 in, 8 pt). Panels of small multiples share the
/// width: one column of panels on `column`, two on `page` and on `screen` (three from seven panels on
/// screen formats, which grow with the panels).
public enum FigureSize: String, Sendable, CaseIterable {
    case screen, column, page

    /// nil for `screen` (the format's own default).
    public var widthInches: Double? {
        switch self {
        case .screen: return nil
        case .column: return 3.4
        case .page: return 7
        }
    }

    /// Panel columns for `panels` panels.
    public func columns(panels: Int) -> Int {
        switch self {
        case .screen: return min(panels, panels > 6 ? 3 : 2)
        case .column: return 1
        case .page: return min(panels, 2)
        }
    }
}
