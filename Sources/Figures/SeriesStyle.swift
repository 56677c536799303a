/// The look of one series (an optimizer id) in every figure of a run: the Okabe–Ito colour
/// (``Palette``) of its position k in the run's sorted optimizer ids, k mod 8, and a marker and dash
/// from ⌊k/8⌋, so a colour repeats only with another marker. Series a panel holds are usually
/// neighbours in that order (``SeriesPanels``), so a panel of up to eight shows eight colours.
public struct SeriesStyle: Sendable, Equatable {
    public var color: String
    /// gnuplot point type (1 +, 2 ×, 4 □, 6 ○, 8 △, 10 ▽, 12 ◇; the filled forms are +1).
    public var pointType: Int
    public var dashType: Int

    static let pointTypes = [7, 5, 9, 11, 13, 1, 2, 4, 6, 8, 10, 12, 3]

    public init(index: Int) {
        color = Palette.color(index)
        pointType = SeriesStyle.pointTypes[(index / Palette.colors.count) % SeriesStyle.pointTypes.count]
        dashType = 1 + (index / Palette.colors.count) % 5
    }

    /// Styles of `ids` keyed by id, in the order of `ids` (the run's sorted optimizer ids).
    public static func table(_ ids: [String]) -> [String: SeriesStyle] {
        Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($0.element, SeriesStyle(index: $0.offset)) })
    }
}
