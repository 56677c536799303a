import Parameters

extension OptimizerKind {
    /// A first-order optimizer kind: its description, its own parameters and one chain expression.
    ///
    /// This helper owns what every first-order kind shares: the parameters are read and validated
    /// against `parameters` plus the clipping options (``FirstOrderParameterSpecs/clipping``), the
    /// clip transform is put in front of the chain (``FirstOrderMethod/clipped(_:_:)``), and the
    /// learning rate handed to `chain` is the constant `lr` or the suite's schedule (``LearningRate``).
    /// `chain` reads the kind's own hyperparameters from the reader (and may throw a
    /// ``ParameterError`` for a combination the specs cannot express) and returns the update rule,
    /// ending in the learning rate:
    /// ```swift
    /// static let lion = OptimizerKind.firstOrder(
    ///     name: "lion", summary: "…", updateRule: "…", conventions: "…", references: ["…"],
    ///     parameters: [Specs.learningRate(1e-4), Specs.decayRate("beta1", 0.9, "β₁"), …]
    /// ) { p, rate in
    ///     FirstOrderOptimizers.lion(learningRate: rate, beta1: try p.number("beta1"), …)
    /// }
    /// ```
    /// A `weight-decay` parameter is coupled L2 decay (``OptimizerKind/coupledWeightDecayKey``) unless
    /// `weightDecay` says `.decoupled`.
    /// Called where `Rule` is concrete, so the method it builds is boxed for its type and its step is
    /// compiled for it (``MethodBox``). A rule that does not fuse its step (``FusedGradientTransformation``;
    /// every built-in chain does) runs as ``UnfusedTransformation``.
    @inlinable
    public static func firstOrder<Rule: GradientTransformation>(
        name: String, summary: String, updateRule: String, conventions: String, references: [String],
        parameters: [ParameterSpec], weightDecay: WeightDecayCoupling = .coupled,
        chain: @escaping @Sendable (_ parameters: ParameterReader, _ learningRate: LearningRate) throws -> Rule
    ) -> OptimizerKind {
        fusedFirstOrder(
            name: name, summary: summary, updateRule: updateRule, conventions: conventions, references: references,
            parameters: parameters, weightDecay: weightDecay
        ) { reader, learningRate in UnfusedTransformation(try chain(reader, learningRate)) }
    }

    /// The same for a rule that fuses its step: the overload chosen for every built-in chain.
    @inlinable
    public static func firstOrder<Rule: FusedGradientTransformation>(
        name: String, summary: String, updateRule: String, conventions: String, references: [String],
        parameters: [ParameterSpec], weightDecay: WeightDecayCoupling = .coupled,
        chain: @escaping @Sendable (_ parameters: ParameterReader, _ learningRate: LearningRate) throws -> Rule
    ) -> OptimizerKind {
        fusedFirstOrder(
            name: name, summary: summary, updateRule: updateRule, conventions: conventions, references: references,
            parameters: parameters, weightDecay: weightDecay, chain: chain)
    }

    @inlinable
    static func fusedFirstOrder<Rule: FusedGradientTransformation>(
        name: String, summary: String, updateRule: String, conventions: String, references: [String],
        parameters: [ParameterSpec], weightDecay: WeightDecayCoupling,
        chain: @escaping @Sendable (_ parameters: ParameterReader, _ learningRate: LearningRate) throws -> Rule
    ) -> OptimizerKind {
        firstOrderMethod(
            name: name, summary: summary, updateRule: updateRule, conventions: conventions, references: references,
            parameters: parameters, weightDecay: weightDecay
        ) { reader, learningRate, clipping in
            FirstOrderMethod.clipped(clipping, try chain(reader, learningRate))
        }
    }

    /// ``firstOrder(name:summary:updateRule:conventions:references:parameters:chain:)`` for a kind
    /// whose step is a method of its own rather than a chain (it evaluates the gradient elsewhere than
    /// at x, like `nesterov-lookahead`); `method` receives the clipping to apply as well. The method is
    /// boxed here, where `M` is concrete (``MethodBox``).
    @inlinable
    public static func firstOrderMethod<M: Method>(
        name: String, summary: String, updateRule: String, conventions: String, references: [String],
        parameters: [ParameterSpec], weightDecay: WeightDecayCoupling = .coupled,
        method: @escaping @Sendable (ParameterReader, LearningRate, GradientClipping) throws -> M
    ) -> OptimizerKind {
        let specs = parameters + FirstOrderParameterSpecs.clipping
        let decayKey = FirstOrderParameterSpecs.weightDecayKey
        var kind = OptimizerKind(
            name: name, summary: summary, updateRule: updateRule, conventions: conventions, references: references,
            parameters: specs, acceptsSchedule: true,
            make: { values, schedule, _ in
                let reader = try ParameterReader(values, specs: specs, kind: name)
                let clipping = try GradientClipping(reader)
                let learningRate = try schedule.map(LearningRate.scheduled) ?? .constant(reader.number("lr"))
                return try method(reader, learningRate, clipping)
            })
        if weightDecay == .coupled && specs.contains(where: { $0.name == decayKey }) {
            kind.coupledWeightDecayKey = decayKey
        }
        return kind
    }
}

/// How a first-order kind's `weight-decay` λ enters the step: added to the gradient (coupled L2,
/// torch's `weight_decay` of `sgd` and `adam`) or to the update (decoupled, `adamw`, `lion`).
public enum WeightDecayCoupling: Sendable, Equatable {
    case coupled
    case decoupled
}
