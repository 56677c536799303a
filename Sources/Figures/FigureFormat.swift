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

    /// The `set terminal` line.
    public var terminal: String {
        switch self {
        case .png: return "set terminal pngcairo size 800,600 enhanced font 'DejaVu Sans,11' linewidth 1.2"
        case .svg: return "set terminal svg size 800,600 enhanced font 'DejaVu Sans,11' linewidth 1.2 background rgb 'white'"
        case .pdf: return "set terminal pdfcairo size 5in,3.75in enhanced font 'DejaVu Sans,9' linewidth 1.2"
        // LaTeX typesets the labels at the document's size; \footnotesize (8 pt in a 10 pt document)
        // matches the 8 pt gnuplot uses to place the key, axis labels and margins.
        case .tex: return "set terminal cairolatex pdf size 3.4in,3in font ',8' linewidth 1.2 header '\\footnotesize'"
        case .gif: return "set terminal gif animate delay 8 loop 0 size 800,600 font 'DejaVu Sans,11'"
        }
    }

    /// Tic format for a log axis: 10ⁿ.
    public var powerOfTenFormat: String { isLaTeX ? "$10^{%L}$" : "10^{%L}" }
}
