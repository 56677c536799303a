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
}
