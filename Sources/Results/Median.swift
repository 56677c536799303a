/// The median of a sample: the middle value, or the mean of the two middle values for an even count;
/// NaN for an empty sample. The one median of recorded and reported times (a run's median wall time,
/// the summary tables, `gdbench bench`).
public enum Median {
    public static func of(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
