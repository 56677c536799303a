import Randomness

/// A differentiable test function f: ℝᵈ → ℝ with exact derivatives and, where known, its constants.
///
/// Contract (docs/architecture.md, principle 3): `evaluate(at:gradient:)` writes ∇f(x) into a caller-owned buffer of
/// length `dimension` and returns f(x) without allocating. Hessian-vector products and the dense
/// Hessian are exact (analytic). Finite-sum objectives (`sampleCount != nil`) also evaluate the mean
/// loss over a subset of rows; the default is a full evaluation (no finite-sum structure).
///
/// Objectives are immutable values; everything a run changes lives in the ``Oracle``.
public protocol Objective: Sendable {
    /// Number of variables d.
    var dimension: Int { get }
    /// Known constants: f*, x*, L, μ, saddle value (nil where unknown).
    var constants: ObjectiveConstants { get }
    /// The standard starting point of the literature (e.g. (−1.2, 1) for Rosenbrock), or the seeded
    /// start drawn when the problem instance was built.
    var startingPoint: [Double] { get }

    /// f(x).
    func value(at x: [Double]) -> Double
    /// f(x), writing ∇f(x) into `gradient` (length `dimension`).
    func evaluate(at x: [Double], gradient: inout [Double]) -> Double
    /// ∇f(x) alone, into `gradient` (length `dimension`): bitwise the gradient `evaluate` writes.
    /// The default calls `evaluate`; objectives whose f costs extra work beside ∇f (a `log1p` per
    /// row in logistic regression) skip it. First-order steps reach it through
    /// ``Oracle/gradient(at:into:)``.
    func gradient(at x: [Double], into gradient: inout [Double])
    /// Writes ∇²f(x)·v into `result`.
    func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double])
    /// Writes the dense Hessian ∇²f(x), row-major d×d, into `hessian`.
    func hessian(at x: [Double], into hessian: inout [Double])

    /// Number of rows n of a finite-sum objective f = (1/n)Σ fᵢ (+ regulariser), nil otherwise.
    var sampleCount: Int? { get }
    /// The mean over `rows` of the per-row losses (+ regulariser) and its gradient: an unbiased
    /// estimate of f and ∇f when the rows are drawn uniformly.
    func evaluate(at x: [Double], rows: UnsafeBufferPointer<Int>, gradient: inout [Double]) -> Double
    /// Accuracy on held-out rows for classification problems with a train/test split, else nil.
    func heldOutAccuracy(at x: [Double]) -> Double?
    /// Whether f is exactly quadratic (a constant Hessian): methods meaningful for quadratics only
    /// (linear conjugate gradient) refuse other objectives when prepared. Default false.
    var isQuadratic: Bool { get }
    /// Whether `hessianVectorProduct` and `hessian` are available; methods that need them refuse an
    /// objective without them when prepared. Default true (every built-in objective has exact ones).
    var providesHessians: Bool { get }
    /// Mean loss on the held-out rows (without any regulariser), for objectives whose held-out
    /// loss is meaningful (neural networks); nil otherwise. When non-nil, runs record held-out
    /// loss, held-out accuracy and the update norm at every trace point.
    func heldOutLoss(at x: [Double]) -> Double?
}

extension Objective {
    public var sampleCount: Int? { nil }
    public func gradient(at x: [Double], into gradient: inout [Double]) {
        _ = evaluate(at: x, gradient: &gradient)
    }

    public func evaluate(at x: [Double], rows: UnsafeBufferPointer<Int>, gradient: inout [Double]) -> Double {
        evaluate(at: x, gradient: &gradient)
    }

    public func heldOutAccuracy(at x: [Double]) -> Double? { nil }
    public var isQuadratic: Bool { false }
    public var providesHessians: Bool { true }
    public func heldOutLoss(at x: [Double]) -> Double? { nil }

    /// Default dense Hessian assembled column by column from exact Hessian-vector products.
    public func hessian(at x: [Double], into hessian: inout [Double]) {
        let d = dimension
        var unit = [Double](repeating: 0, count: d)
        var column = [Double](repeating: 0, count: d)
        for j in 0..<d {
            unit[j] = 1
            hessianVectorProduct(at: x, vector: unit, result: &column)
            unit[j] = 0
            for i in 0..<d { hessian[i * d + j] = column[i] }
        }
    }
}
