import Results

/// Collects the iterate at every trace checkpoint of the monitored pass for ``IterateFile``
/// (`record-iterates`), any dimension. Bounded: a run keeps at most ``maximumValues`` numbers
/// (128 MB); past that the recording stops and the file is not written (``overflowed``).
struct IterateRecorder {
    static let maximumValues = 1 << 24

    let dimension: Int
    let isActive: Bool
    private(set) var iterations: [Int] = []
    private(set) var values: [Double] = []
    private(set) var overflowed = false

    init(dimension: Int, isActive: Bool) {
        self.dimension = dimension
        self.isActive = isActive
    }

    mutating func append(_ iteration: Int, _ x: [Double]) {
        guard isActive, !overflowed, iterations.last != iteration else { return }
        guard values.count + x.count <= IterateRecorder.maximumValues else {
            overflowed = true
            return
        }
        iterations.append(iteration)
        values.append(contentsOf: x)
    }

    /// The sidecar, nil when inactive or overflowed.
    func file(runID: String) -> IterateFile? {
        guard isActive, !overflowed else { return nil }
        return IterateFile(runID: runID, dimension: dimension, iterations: iterations, values: values)
    }
}
