/// The relative gap (f − f*)/(f₀ − f*) of the records and targets, in one place: 0 for a run that
/// starts at the optimum and stays there, +∞ for one that leaves it.
public enum RelativeGap {
    /// `gap` / `initialGap` when `initialGap` > 0; otherwise 0 for a gap ≤ 0 and +∞ above.
    @inlinable
    public static func of(_ gap: Double, initialGap: Double) -> Double {
        initialGap > 0 ? gap / initialGap : (gap <= 0 ? 0 : .infinity)
    }
}
