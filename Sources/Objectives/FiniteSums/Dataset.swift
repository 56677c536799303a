import LinearAlgebra
import Randomness

/// A design matrix with one target per row: n rows × d features stored row-major and contiguous
/// (row i is `features[i*d ..< (i+1)*d]`), the layout the row kernels of the finite-sum objectives
/// stream through. Targets are ±1 labels for classification and real responses for regression.
public struct Dataset: Sendable, Equatable {
    /// n.
    public let rowCount: Int
    /// d.
    public let columnCount: Int
    /// Row-major n×d.
    public let features: [Double]
    /// Length n.
    public let targets: [Double]

    public init(rowCount: Int, columnCount: Int, features: [Double], targets: [Double]) {
        precondition(
            features.count == rowCount * columnCount && targets.count == rowCount,
            "Dataset: features must hold rowCount × columnCount values and targets rowCount")
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.features = features
        self.targets = targets
    }

    /// The rows listed in `indices`, in that order.
    public func selectingRows(_ indices: [Int]) -> Dataset {
        let d = columnCount
        var selected = [Double]()
        selected.reserveCapacity(indices.count * d)
        for i in indices { selected.append(contentsOf: features[(i * d)..<((i + 1) * d)]) }
        return Dataset(
            rowCount: indices.count, columnCount: d, features: selected, targets: indices.map { targets[$0] })
    }

    /// A seeded train/test split: the row indices 0..<n are shuffled (Fisher–Yates with `generator`),
    /// the first round(fraction·n) of the permutation are the test rows and the rest the training
    /// rows; both keep the original row order. A fraction of 0 gives the whole set and no test rows.
    public func split(testFraction fraction: Double, using generator: inout Xoshiro256StarStar) -> (
        training: Dataset, test: Dataset?
    ) {
        let testCount = Int((fraction * Double(rowCount)).rounded())
        guard testCount > 0 else { return (self, nil) }
        var permutation = Array(0..<rowCount)
        generator.shuffle(&permutation)
        let test = permutation[..<testCount].sorted()
        let training = permutation[testCount...].sorted()
        return (selectingRows(training), selectingRows(test))
    }

    /// Column means and population standard deviations (ddof = 0, as `numpy.std` and scikit-learn's
    /// `StandardScaler`), both accumulated in row order. A column with zero spread gets 1 (as
    /// `StandardScaler` does), so standardising leaves it at 0 after centring.
    public func columnStatistics() -> (means: [Double], standardDeviations: [Double]) {
        let n = rowCount, d = columnCount
        var means = [Double](repeating: 0, count: d)
        for i in 0..<n { for j in 0..<d { means[j] += features[i * d + j] } }
        for j in 0..<d { means[j] /= Double(n) }
        var deviations = [Double](repeating: 0, count: d)
        for i in 0..<n {
            for j in 0..<d {
                let centred = features[i * d + j] - means[j]
                deviations[j] += centred * centred
            }
        }
        for j in 0..<d {
            let deviation = (deviations[j] / Double(n)).squareRoot()
            deviations[j] = deviation > 0 ? deviation : 1
        }
        return (means, deviations)
    }

    /// Every feature replaced by (x_ij − mean_j)/std_j with the given statistics (z-scores).
    public func standardized(means: [Double], standardDeviations: [Double]) -> Dataset {
        let d = columnCount
        var scaled = features
        for i in 0..<rowCount {
            for j in 0..<d { scaled[i * d + j] = (features[i * d + j] - means[j]) / standardDeviations[j] }
        }
        return Dataset(rowCount: rowCount, columnCount: d, features: scaled, targets: targets)
    }

    /// Column j multiplied by `scales[j]`.
    public func scalingColumns(by scales: [Double]) -> Dataset {
        let d = columnCount
        var scaled = features
        for i in 0..<rowCount { for j in 0..<d { scaled[i * d + j] *= scales[j] } }
        return Dataset(rowCount: rowCount, columnCount: d, features: scaled, targets: targets)
    }

    /// The same rows with a last column of ones appended (an intercept term).
    public func appendingInterceptColumn() -> Dataset {
        let d = columnCount
        var extended = [Double]()
        extended.reserveCapacity(rowCount * (d + 1))
        for i in 0..<rowCount {
            extended.append(contentsOf: features[(i * d)..<((i + 1) * d)])
            extended.append(1)
        }
        return Dataset(rowCount: rowCount, columnCount: d + 1, features: extended, targets: targets)
    }

    /// The Gram matrix XᵀX, row-major d×d, exactly symmetric (``SymmetricProducts/gram``).
    public func gramMatrix() -> [Double] {
        SymmetricProducts.gram(rows: features, rowCount: rowCount, columnCount: columnCount)
    }
}

extension Dataset {
    /// Parses comma-separated text: one header line, then one line of numbers per row, the last
    /// column being the target. nil when a field is not a number or a row has the wrong length.
    public init?(csv text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard !lines.isEmpty else { return nil }
        lines.removeFirst()
        var features = [Double](), targets = [Double]()
        var width: Int?
        for line in lines {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count >= 2, width == nil || width == fields.count - 1 else { return nil }
            width = fields.count - 1
            for field in fields.dropLast() {
                guard let value = Double(field) else { return nil }
                features.append(value)
            }
            guard let last = fields.last, let target = Double(last) else { return nil }
            targets.append(target)
        }
        self.init(rowCount: targets.count, columnCount: width ?? 0, features: features, targets: targets)
    }

    /// The Breast Cancer Wisconsin (Diagnostic) data (``BreastCancerData``): 569 rows × 30 raw
    /// features, labels y = 2·target − 1 ∈ {−1, +1} (benign = +1, malignant = −1), as in the
    /// reference §C.6. Parsed once per process.
    public static let breastCancerWisconsin: Dataset = {
        guard let parsed = Dataset(csv: BreastCancerData.csv) else {
            fatalError(
                "the embedded breast-cancer CSV does not parse; regenerate it with "
                    + "scripts/reference/export_breast_cancer.py")
        }
        return Dataset(
            rowCount: parsed.rowCount, columnCount: parsed.columnCount, features: parsed.features,
            targets: parsed.targets.map { 2 * $0 - 1 })
    }()
}
