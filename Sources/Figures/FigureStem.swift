import Foundation

/// File stems for figures: `kind-slug`, where the slug keeps lower-case letters and digits, writes `.` as `p` (LaTeX
/// reads a dot as the extension), and turns every other run of characters into one `-`
/// (`quadratic[d=2,kappa=10]` → `quadratic-d-2-kappa-10`), cut at the last `-` within 60 characters. Stems stay safe
/// for shells, gnuplot and LaTeX's `\includegraphics`; ``unique(_:)`` appends `-2`, `-3` on collisions.
public struct FigureStem {
    private var used: Set<String> = []

    public init() {}

    public static func slug(_ id: String) -> String {
        var slug = ""
        for character in id.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber || character == ".") {
                slug.append(character)
            } else if !slug.hasSuffix("-") && !slug.isEmpty {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") || slug.hasSuffix(".") { slug.removeLast() }
        if slug.count > 60 {
            let cut = String(slug.prefix(61))
            slug = cut.lastIndex(of: "-").map { String(cut[..<$0]) } ?? String(slug.prefix(60))
        }
        return slug.replacingOccurrences(of: ".", with: "p")
    }

    public mutating func unique(_ kind: String, _ id: String) -> String {
        let slug = FigureStem.slug(id)
        let base = slug.isEmpty ? kind : "\(kind)-\(slug)"
        var stem = base
        var attempt = 1
        while used.contains(stem) {
            attempt += 1
            stem = "\(base)-\(attempt)"
        }
        used.insert(stem)
        return stem
    }
}
