/// The Okabe–Ito colour-blind-safe palette (Okabe & Ito, "Color Universal Design", 2008; Wong,
/// Nature Methods 8:441, 2011), ordered so the first lines get the most distinct colours on white
/// (yellow last). Line k (0-based) gets colour k mod 8 and dash type 1 + k/8, so lines beyond eight
/// stay distinguishable by dashes.
public enum Palette {
    public static let colors = [
        "#0072B2", // blue
        "#D55E00", // vermillion
        "#009E73", // bluish green
        "#E69F00", // orange
        "#CC79A7", // reddish purple
        "#56B4E9", // sky blue
        "#000000", // black
        "#F0E442", // yellow
    ]

    public static func color(_ index: Int) -> String { colors[index % colors.count] }

    /// gnuplot dash type (1 solid, 2 dashed, 3 dotted, 4 dash-dot, 5 dash-dot-dot).
    public static func dashType(_ index: Int) -> Int { 1 + (index / colors.count) % 5 }
}
