import Objectives

/// L and μ for the methods whose optimal parameters come from them (heavy ball, Nesterov):
/// the explicit value when given, else the objective's constants, else a ``MethodError`` naming
/// what is missing.
@usableFromInline
enum MomentumConstants {
    static func smoothnessAndConvexity(
        _ constants: ObjectiveConstants, method: String, needsConvexity: Bool
    ) throws -> (smoothness: Double, strongConvexity: Double) {
        guard let smoothness = constants.smoothness, smoothness > 0, smoothness.isFinite else {
            throw MethodError(
                "\(method): the objective does not know its smoothness constant L; give the learning rate explicitly")
        }
        guard needsConvexity else { return (smoothness, 0) }
        guard let strongConvexity = constants.strongConvexity, strongConvexity > 0, strongConvexity <= smoothness else {
            throw MethodError(
                "\(method): the objective does not know a strong-convexity constant μ > 0; give the momentum explicitly"
            )
        }
        return (smoothness, strongConvexity)
    }

    /// The step η and momentum β of a constant-momentum method: as given when both are, else the missing ones
    /// from `defaults(L, μ)` (μ = 0 unless `needsConvexity`).
    static func stepAndMomentum(
        learningRate: Double?, momentum: Double?, constants: ObjectiveConstants, method: String,
        needsConvexity: Bool, defaults: (_ smoothness: Double, _ strongConvexity: Double) -> (Double, Double)
    ) throws -> (step: Double, momentum: Double) {
        if let learningRate, let momentum { return (learningRate, momentum) }
        let (l, mu) = try smoothnessAndConvexity(constants, method: method, needsConvexity: needsConvexity)
        let (step, beta) = defaults(l, mu)
        return (learningRate ?? step, momentum ?? beta)
    }
}
