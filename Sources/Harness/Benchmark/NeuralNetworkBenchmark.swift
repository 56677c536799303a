import Objectives
import Randomness

/// The neural-network rows of `gdbench bench`: the `mlp` loss and gradient on one batch of 128
/// digits through a 64-128-128-10 tanh network (cross-entropy, float64), and the throughput of the
/// matrix product it is built on (``MatrixProduct`` on 128×128 by 128×128), from which the time
/// the MLP's products alone would take at that rate follows.
public enum NeuralNetworkBenchmark {
    public static let widths = [64, 128, 128, 10]
    public static let batch = 128

    /// Multiply-adds of one loss-and-gradient call: forward hW for every layer, backward hᵀδ for
    /// every layer and δWᵀ for all but the first.
    public static var multiplyAdds: Int {
        var total = 0
        for l in 0..<(widths.count - 1) {
            let product = batch * widths[l] * widths[l + 1]
            total += (l == 0 ? 2 : 3) * product
        }
        return total
    }

    /// Median nanoseconds of one `evaluate(at:rows:gradient:)` on 128 rows, over `repeats` timings
    /// of `calls` calls each.
    public static func lossAndGradientNanoseconds(calls: Int = 200, repeats: Int) -> Double {
        var generator = Xoshiro256StarStar(seed: 17)
        let start = MultilayerPerceptron.initialWeights(widths: widths, scheme: .glorot, using: &generator)
        let network = MultilayerPerceptron(
            widths: widths, activation: .tanh, loss: .crossEntropy,
            training: ClassificationData.digits, start: start)
        let rows = Array(0..<batch)
        var gradient = [Double](repeating: 0, count: network.dimension)
        var sink = 0.0
        let times = (0..<repeats).map { _ -> Double in
            let begin = MonotonicClock.nanoseconds()
            rows.withUnsafeBufferPointer { selection in
                for _ in 0..<calls { sink += network.evaluate(at: start, rows: selection, gradient: &gradient) }
            }
            return Double(MonotonicClock.nanoseconds() - begin) / Double(calls)
        }
        precondition(sink.isFinite)
        return times.sorted()[times.count / 2]
    }

    /// Multiply-adds per second of ``MatrixProduct/multiply`` on two 128×128 matrices (median).
    public static func matrixProductRate(calls: Int = 200, repeats: Int) -> Double {
        let n = 128
        var generator = Xoshiro256StarStar(seed: 3)
        let a = (0..<(n * n)).map { _ in generator.nextGaussian() },
            b = (0..<(n * n)).map { _ in generator.nextGaussian() }
        var c = [Double](repeating: 0, count: n * n)
        let times = (0..<repeats).map { _ -> Double in
            let begin = MonotonicClock.nanoseconds()
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    c.withUnsafeMutableBufferPointer { pc in
                        for _ in 0..<calls {
                            MatrixProduct.multiply(
                                rows: n, inner: n, columns: n, pa.baseAddress!, rowStride: n, columnStride: 1,
                                pb.baseAddress!, into: pc.baseAddress!, accumulate: false)
                        }
                    }
                }
            }
            return Double(MonotonicClock.nanoseconds() - begin) / Double(calls)
        }
        precondition(c[0].isFinite)
        return Double(n * n * n) / (times.sorted()[times.count / 2] * 1e-9)
    }
}
