import Randomness

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The labelled data sets of the `mlp` problems; labels are class indices 0…C−1.
public enum ClassificationData {
    /// The UCI handwritten digits (``DigitsData``): 1797 rows, 64 pixel counts divided by 16 (so in
    /// [0, 1]), labels the digits 0–9. Parsed once per process.
    public static let digits: Dataset = {
        guard let parsed = Dataset(csv: DigitsData.csv) else {
            fatalError("the embedded digits CSV does not parse; regenerate it with scripts/reference/export_digits.py")
        }
        return Dataset(
            rowCount: parsed.rowCount, columnCount: parsed.columnCount,
            features: parsed.features.map { $0 / 16 }, targets: parsed.targets)
    }()

    /// Two interleaving half circles, as scikit-learn's `make_moons`: ⌊n/2⌋ points (cos t, sin t) with
    /// t evenly spaced on [0, π] (label 0) and the rest (1 − cos t, ½ − sin t) (label 1), plus
    /// N(0, noise²) on each coordinate, drawn from `seed` in row order.
    public static func twoMoons(samples n: Int, noise: Double, seed: UInt64) -> Dataset {
        var generator = Xoshiro256StarStar(seed: seed)
        let outer = n / 2, inner = n - outer
        var features: [Double] = [], targets: [Double] = []
        features.reserveCapacity(2 * n)
        for (count, label) in [(outer, 0), (inner, 1)] {
            for i in 0..<count {
                let t = count > 1 ? Double.pi * Double(i) / Double(count - 1) : 0
                let x = label == 0 ? cos(t) : 1 - cos(t)
                let y = label == 0 ? sin(t) : 0.5 - sin(t)
                features.append(x + noise * generator.nextGaussian())
                features.append(y + noise * generator.nextGaussian())
                targets.append(Double(label))
            }
        }
        return Dataset(rowCount: n, columnCount: 2, features: features, targets: targets)
    }

    /// C interleaved spiral arms (the CS231n "spiral" data, Karpathy 2016): arm c has ⌊n/C⌋ points
    /// (the first n mod C arms one more) at radius r = i/(m − 1) and angle 4c + 4r + N(0, noise²),
    /// i.e. (r sin θ, r cos θ), label c.
    public static func spirals(samples n: Int, classes: Int, noise: Double, seed: UInt64) -> Dataset {
        var generator = Xoshiro256StarStar(seed: seed)
        var features: [Double] = [], targets: [Double] = []
        features.reserveCapacity(2 * n)
        for c in 0..<classes {
            let m = n / classes + (c < n % classes ? 1 : 0)
            for i in 0..<m {
                let r = m > 1 ? Double(i) / Double(m - 1) : 0
                let angle = 4 * Double(c) + 4 * r + noise * generator.nextGaussian()
                features.append(r * sin(angle))
                features.append(r * cos(angle))
                targets.append(Double(c))
            }
        }
        return Dataset(rowCount: n, columnCount: 2, features: features, targets: targets)
    }
}
