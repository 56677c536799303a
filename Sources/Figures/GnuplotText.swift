import Foundation

/// Turns label text (plain Unicode, e.g. "‖∇f‖ at κ = 10⁴") into a gnuplot single-quoted string
/// literal for a format: for enhanced terminals the enhanced-text control characters `^ _ @ & ~ { }`
/// are escaped with a backslash so ids print literally; for cairolatex the LaTeX specials are escaped
/// and Greek letters and math symbols become inline math. Inside single quotes gnuplot takes
/// everything literally except `''` (one quote).
public enum GnuplotText {
    public static func literal(_ text: String, _ format: FigureFormat) -> String {
        let body = format.isLaTeX ? latex(text) : enhanced(text)
        return "'" + body.replacingOccurrences(of: "'", with: "''") + "'"
    }

    static func enhanced(_ text: String) -> String {
        var out = ""
        for character in text {
            if "^_@&~{}".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    static let latexSymbols: [Character: String] = [
        "κ": "$\\kappa$", "μ": "$\\mu$", "ρ": "$\\rho$", "τ": "$\\tau$", "α": "$\\alpha$", "η": "$\\eta$",
        "‖": "$\\|$", "∇": "$\\nabla$", "−": "$-$", "≤": "$\\le$", "≥": "$\\ge$", "×": "$\\times$", "·": "$\\cdot$",
        "√": "$\\surd$", "²": "$^2$", "½": "$\\frac12$", "∞": "$\\infty$", "→": "$\\to$", "⁴": "$^4$", "ᵖ": "$^p$",
        "…": "\\dots{}", "–": "--", "—": "---",
        "_": "\\_", "%": "\\%", "&": "\\&", "#": "\\#", "$": "\\$", "{": "\\{", "}": "\\}",
        "^": "\\^{}", "~": "\\~{}", "\\": "\\textbackslash{}", "<": "$<$", ">": "$>$",
    ]

    static func latex(_ text: String) -> String {
        var out = ""
        for character in text { out += latexSymbols[character] ?? String(character) }
        return out
    }
}
