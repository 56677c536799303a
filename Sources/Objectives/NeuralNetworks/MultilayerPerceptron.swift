import Randomness

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fully connected network classifying the rows of a data set, as a finite-sum objective of its
/// weights θ (mean loss over the training rows plus an optional coupled L2 term):
///
///   h₀ = x,  zₗ = hₗ Wₗ + bₗ,  hₗ₊₁ = σ(zₗ) (hidden layers),  output z = z_{L−1} (logits),
///   f(θ) = (1/n) Σᵢ ℓ(z(xᵢ), yᵢ) + (λ/2)‖θ‖²,
///
/// with ℓ the softmax cross-entropy log Σⱼ e^(zⱼ) − z_y (`torch.nn.CrossEntropyLoss`) or the squared
/// loss ½‖z − e_y‖² against the one-hot target. Labels are class indices 0…C−1, C = the output width.
///
/// Parameters θ, layer after layer: Wₗ (in × out, row-major: the weight from input unit k to output
/// unit j is Wₗ[k·out + j]), then bₗ (out). ∇f is exact back-propagation (Rumelhart, Hinton &
/// Williams 1986) and ∇²f·v the exact R-operator (Pearlmutter 1994, "Fast exact multiplication by
/// the Hessian"), both in ``MultilayerPerceptron+Passes.swift``; the tests compare both with
/// central differences. Rows are processed in blocks of ``blockRows`` with all products done by
/// ``MatrixProduct``, so results are bitwise reproducible and independent of the kernel path.
///
/// Constants: none are known (f*, x*, L, μ are nil); the start is the seeded initialisation
/// (``initialWeights(widths:scheme:using:)``).
public struct MultilayerPerceptron: Objective {
    /// The per-row loss.
    public enum Loss: String, Sendable, CaseIterable {
        case crossEntropy = "cross-entropy"
        case squared
    }

    /// How the initial weights are drawn (biases start at 0).
    public enum Initialization: String, Sendable, CaseIterable {
        /// Glorot & Bengio (2010), uniform: Wₗ ~ U(±√(6/(in + out))), as `torch.nn.init.xavier_uniform_`.
        case glorot
        /// He et al. (2015), normal: Wₗ ~ N(0, 2/in), as `torch.nn.init.kaiming_normal_` (fan-in, ReLU gain).
        case he
    }

    /// Unit counts [inputs, hidden…, classes].
    public let widths: [Int]
    public let activation: Activation
    public let loss: Loss
    public let training: Dataset
    /// Held-out rows for ``heldOutLoss(at:)`` and ``heldOutAccuracy(at:)``.
    public let test: Dataset?
    /// Coupled L2 coefficient λ ≥ 0 of the objective.
    public let lambda: Double
    public let startingPoint: [Double]
    public let constants = ObjectiveConstants()
    /// Offset of Wₗ in θ; bₗ follows it at `weightOffsets[l] + widths[l]·widths[l + 1]`.
    let weightOffsets: [Int]
    public let dimension: Int

    /// Rows processed together by a pass.
    static let blockRows = 128

    /// - Precondition: at least two widths, all positive; data columns equal `widths[0]`; labels are
    ///   whole numbers in 0..<widths.last; `start` has the parameter count.
    public init(
        widths: [Int], activation: Activation, loss: Loss, training: Dataset, test: Dataset? = nil,
        lambda: Double = 0, start: [Double]
    ) {
        precondition(widths.count >= 2 && widths.allSatisfy { $0 > 0 }, "MultilayerPerceptron: widths \(widths)")
        precondition(
            training.columnCount == widths[0], "MultilayerPerceptron: data has \(training.columnCount) columns")
        self.widths = widths
        self.activation = activation
        self.loss = loss
        self.training = training
        self.test = test
        self.lambda = lambda
        var offsets: [Int] = []
        var total = 0
        for l in 0..<(widths.count - 1) {
            offsets.append(total)
            total += widths[l] * widths[l + 1] + widths[l + 1]
        }
        weightOffsets = offsets
        dimension = total
        precondition(start.count == total, "MultilayerPerceptron: start has \(start.count) entries, expected \(total)")
        startingPoint = start
    }

    /// Number of parameters of a network with these widths.
    public static func parameterCount(widths: [Int]) -> Int {
        (0..<(widths.count - 1)).reduce(0) { $0 + widths[$1] * widths[$1 + 1] + widths[$1 + 1] }
    }

    /// Seeded initial θ: each Wₗ drawn by `scheme` in parameter order, biases 0.
    public static func initialWeights(widths: [Int], scheme: Initialization, using generator: inout Xoshiro256StarStar)
        -> [Double]
    {
        var theta: [Double] = []
        theta.reserveCapacity(parameterCount(widths: widths))
        for l in 0..<(widths.count - 1) {
            let fanIn = Double(widths[l]), fanOut = Double(widths[l + 1])
            for _ in 0..<(widths[l] * widths[l + 1]) {
                switch scheme {
                case .glorot:
                    let bound = (6 / (fanIn + fanOut)).squareRoot()
                    theta.append(generator.nextDouble(in: -bound, bound))
                case .he:
                    theta.append((2 / fanIn).squareRoot() * generator.nextGaussian())
                }
            }
            theta.append(contentsOf: repeatElement(0, count: widths[l + 1]))
        }
        return theta
    }

    var layerCount: Int { widths.count - 1 }
    public var sampleCount: Int? { training.rowCount }

    public func value(at x: [Double]) -> Double {
        pass(x, data: training, rows: nil, gradient: nil).loss + regulariser(x)
    }

    public func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
        withUnsafeMutablePointer(to: &gradient) { evaluate(x, rows: nil, gradient: $0) }
    }

    public func evaluate(at x: [Double], rows: UnsafeBufferPointer<Int>, gradient: inout [Double]) -> Double {
        withUnsafeMutablePointer(to: &gradient) { evaluate(x, rows: rows, gradient: $0) }
    }

    func evaluate(_ x: [Double], rows: UnsafeBufferPointer<Int>?, gradient: UnsafeMutablePointer<[Double]>) -> Double {
        precondition(
            x.count == dimension && gradient.pointee.count == dimension,
            "MultilayerPerceptron: x and gradient need \(dimension) entries")
        let data = pass(x, data: training, rows: rows, gradient: gradient)
        gradient.pointee.withUnsafeMutableBufferPointer { g in
            x.withUnsafeBufferPointer { w in
                if lambda != 0 { for i in 0..<dimension { g[i] += lambda * w[i] } }
            }
        }
        return data.loss + regulariser(x)
    }

    public func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double]) {
        precondition(
            x.count == dimension && v.count == dimension && result.count == dimension,
            "MultilayerPerceptron: vectors need \(dimension) entries")
        rPass(x, direction: v, into: &result)
        if lambda != 0 { for i in 0..<dimension { result[i] += lambda * v[i] } }
    }

    /// Fraction of held-out rows whose largest logit is their label (first maximum on ties).
    public func heldOutAccuracy(at x: [Double]) -> Double? {
        guard let test, test.rowCount > 0 else { return nil }
        return Double(pass(x, data: test, rows: nil, gradient: nil).correct) / Double(test.rowCount)
    }

    /// Mean loss on the held-out rows (no regulariser).
    public func heldOutLoss(at x: [Double]) -> Double? {
        guard let test, test.rowCount > 0 else { return nil }
        return pass(x, data: test, rows: nil, gradient: nil).loss
    }

    /// (λ/2)‖θ‖².
    func regulariser(_ x: [Double]) -> Double {
        guard lambda != 0 else { return 0 }
        var sum = 0.0
        for value in x { sum += value * value }
        return 0.5 * lambda * sum
    }
}
