/// The output formats a figure script can target, with their gnuplot terminals:
/// `png` pngcairo 800×600; `svg` 800×600; `pdf` pdfcairo 5×3.75 in; `tex` cairolatex (pdf + a
/// `.tex` overlay, 3.4×3 in for one LaTeX column, text typeset by LaTeX — sized for 8 pt, so
/// `{\footnotesize\input{figure.tex}}`); `gif` animated GIF for
/// trajectories (static figures of a `gif` request are drawn as png).
public enum FigureFormat: String, Sendable, CaseIterable {
    case png, svg, pdf, tex, gif

    /// The format static figures use for this request (gif animates only trajectories).
    public var staticFormat: FigureFormat { self == .gif ? .png : self }

    /// The file gnuplot writes.
    public var outputExtension: String { self == .tex ? "tex" : rawValue }

    /// True when labels are LaTeX (cairolatex) rather than gnuplot enhanced text.
    public var isLaTeX: Bool { self == .tex }

    /// The `set terminal` line of a one-panel screen figure.
    public var terminal: String { terminal(size: .screen, columns: 1, rows: 1) }

    /// The `set terminal` line for a grid of panels. Screen figures (png, svg, gif) are 800×600 for one
    /// panel and 560×520 px per panel for several; paper sizes (pdf, tex) are ``FigureSize`` wide, each
    /// row of panels 0.8× its panel width high (plus room for the title).
    /// `keyRows`: entries of a one-panel paper figure's key (a vertical list below the plot), each
    /// given 0.15 in of height.
    public func terminal(size: FigureSize, columns: Int, rows: Int, keyRows: Int = 0) -> String {
        let panels = columns * rows
        if self == .png || self == .svg || self == .gif {
            let width = panels == 1 ? 800 : 560 * columns, height = panels == 1 ? 600 : 520 * rows + 40
            switch self {
            case .png:
                return "set terminal pngcairo size \(width),\(height) enhanced font 'DejaVu Sans,11' linewidth 1.2"
            case .svg:
                return
                    "set terminal svg size \(width),\(height) enhanced font 'DejaVu Sans,11' linewidth 1.2 background "
                    + "rgb 'white'"
            default: return "set terminal gif animate delay 8 loop 0 size \(width),\(height) font 'DejaVu Sans,11'"
            }
        }
        if panels == 1 && size == .screen {
            // LaTeX typesets the labels at the document's size; \footnotesize (8 pt in a 10 pt document)
            // matches the 8 pt gnuplot uses to place the key, axis labels and margins.
            return self == .pdf
                ? "set terminal pdfcairo size 5in,3.75in enhanced font 'DejaVu Sans,9' linewidth 1.2"
                : "set terminal cairolatex pdf size 3.4in,3in font ',8' linewidth 1.2 header '\\footnotesize'"
        }
        // Several panels on `screen` get 3.5 in each; a panel's key (one column, up to eight entries at
        // 8 pt) needs about 1.3 in below its plot area.
        let width = size.widthInches ?? (panels == 1 ? (self == .pdf ? 5 : 3.4) : 3.5 * Double(columns))
        let panelWidth = width / Double(columns)
        let single = size.widthInches == nil ? (self == .pdf ? 3.75 : 3) : width * 0.6 + 0.15 * Double(keyRows) + 0.4
        let height = panels == 1 ? single : Double(rows) * (panelWidth * 0.6 + 1.3) + 0.3
        let inches = String(format: "%.2fin,%.2fin", width, height)
        if self == .pdf {
            return "set terminal pdfcairo size \(inches) enhanced font 'DejaVu Sans,\(size == .screen ? 9 : 8)' "
                + "linewidth 1.2"
        }
        return "set terminal cairolatex pdf size \(inches) font ',8' linewidth 1.2 header '\\footnotesize'"
    }

    /// Tic format for a log axis: 10ⁿ.
    public var powerOfTenFormat: String { isLaTeX ? "$10^{%L}$" : "10^{%L}" }
}
