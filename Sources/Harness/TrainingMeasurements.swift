import LinearAlgebra
import Objectives
import Randomness
import Results

/// What a run records beyond f and ‖∇f‖ when it trains a model, all computed by calling the
/// objective directly (never the oracle), so none of it is counted or timed as optimizer work:
///
/// - held-out loss and accuracy at every trace point, and the update norm ‖x_k − x_{k−1}‖ of the
///   step that produced a trace mark, for objectives with a held-out loss (neural networks);
/// - f + (λ/2)‖x‖² beside f when the optimizer applies coupled L2 weight decay λ (torch's
///   `weight_decay` of `sgd`, `adam`, …), the objective that optimizer actually minimises;
/// - sharpness, the largest eigenvalue of ∇²f, when the suite asks (`sharpness: final | trace`),
///   by power iteration on exact Hessian-vector products: at most ``maximumIterations`` products,
///   stopping when two successive Rayleigh quotients agree to ``tolerance`` (relative). The start
///   vector is a seeded Gaussian (`derive(problemSeed, "sharpness")`), later calls start from the
///   previous eigenvector. If the dominant eigenvalue λ is negative, a second power iteration on
///   ∇²f − λI finds the largest one. Products spent are recorded separately
///   (`final.sharpnessHessianVectorProducts`).
struct TrainingMeasurements {
    static let maximumIterations = 50
    static let tolerance = 1e-4

    let tracksHeldOut: Bool
    let schedule: SharpnessSchedule
    let coupledWeightDecay: Double
    /// The iterate before the step that ends at the next trace mark.
    var previous: [Double]
    var hasPrevious = false
    var sharpnessProducts = 0
    var eigenvector: [Double]
    var product: [Double]

    init<O: Objective>(objective: O, schedule: SharpnessSchedule, coupledWeightDecay: Double, problemSeed: UInt64) {
        let start = objective.startingPoint
        tracksHeldOut = objective.heldOutLoss(at: start) != nil
        self.schedule = schedule
        self.coupledWeightDecay = coupledWeightDecay
        previous = tracksHeldOut ? start : []
        if schedule == .none {
            eigenvector = []
        } else {
            var generator = Xoshiro256StarStar(seed: SeedDerivation.derive(problemSeed, "sharpness"))
            eigenvector = (0..<objective.dimension).map { _ in generator.nextGaussian() }
        }
        product = [Double](repeating: 0, count: schedule == .none ? 0 : objective.dimension)
    }

    /// Copies x before a step that ends at a trace mark (the loop calls it only then, and only when
    /// ``tracksHeldOut``).
    mutating func remember(_ x: [Double]) {
        guard tracksHeldOut else { return }
        previous.withUnsafeMutableBufferPointer { p in
            x.withUnsafeBufferPointer { p.baseAddress?.update(from: $0.baseAddress!, count: $0.count) }
        }
        hasPrevious = true
    }

    /// f + (λ/2)‖x‖² for coupled weight decay λ > 0, else nil.
    func regularized(_ f: Double, _ x: [Double]) -> Double? {
        guard coupledWeightDecay > 0 else { return nil }
        return f + 0.5 * coupledWeightDecay * VectorKernels.dot(x, x)
    }

    /// Adds the measurements of a trace point at x (`atMark`: it is a trace mark, not only a target hit).
    mutating func annotate<O: Objective>(_ point: inout TracePoint, objective: O, x: [Double], atMark: Bool) {
        point.regularizedValue = regularized(point.value, x)
        if tracksHeldOut {
            point.heldOutLoss = objective.heldOutLoss(at: x)
            point.heldOutAccuracy = objective.heldOutAccuracy(at: x)
            if atMark && hasPrevious && point.iteration > 0 {
                point.updateNorm = VectorKernels.distance(x, previous)
                hasPrevious = false
            }
        }
        if schedule == .trace { point.sharpness = sharpness(objective, at: x) }
    }

    /// Adds the final measurements.
    mutating func annotate<O: Objective>(_ final: inout FinalState, objective: O, x: [Double]) {
        final.regularizedValue = regularized(final.value, x)
        if tracksHeldOut { final.heldOutLoss = objective.heldOutLoss(at: x) }
        if schedule != .none {
            final.sharpness = sharpness(objective, at: x)
            final.sharpnessHessianVectorProducts = sharpnessProducts
        }
    }

    /// The largest eigenvalue of ∇²f(x) (see the type's documentation).
    mutating func sharpness<O: Objective>(_ objective: O, at x: [Double]) -> Double {
        let dominant = powerIteration(objective, at: x, shift: 0)
        guard dominant < 0 else { return dominant }
        return powerIteration(objective, at: x, shift: dominant)
    }

    /// The dominant eigenvalue of ∇²f(x) − shift·I, plus shift.
    mutating func powerIteration<O: Objective>(_ objective: O, at x: [Double], shift: Double) -> Double {
        var length = VectorKernels.norm(eigenvector)
        if !(length > 0) || !length.isFinite {
            for i in eigenvector.indices { eigenvector[i] = 1 }
            length = VectorKernels.norm(eigenvector)
        }
        for i in eigenvector.indices { eigenvector[i] /= length }
        var estimate = Double.nan
        for _ in 0..<TrainingMeasurements.maximumIterations {
            objective.hessianVectorProduct(at: x, vector: eigenvector, result: &product)
            sharpnessProducts += 1
            var rayleigh = 0.0
            for i in product.indices {
                product[i] -= shift * eigenvector[i]
                rayleigh += product[i] * eigenvector[i]
            }
            let size = VectorKernels.norm(product)
            guard size > 0, size.isFinite else { return (size == 0 ? 0 : .nan) + shift }
            for i in product.indices { eigenvector[i] = product[i] / size }
            let converged = abs(rayleigh - estimate) <= TrainingMeasurements.tolerance * abs(rayleigh)
            estimate = rayleigh
            if converged { break }
        }
        return estimate + shift
    }
}
