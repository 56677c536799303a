import Parameters

/// The parameter declarations the first-order optimizers share, in kebab-case with torch's defaults
/// where torch has the optimizer. Ranges are checked by ``ParameterReader``.
public enum FirstOrderParameterSpecs {
    public static func learningRate(_ defaultValue: Double) -> ParameterSpec {
        ParameterSpec(
            "lr", .number(minimum: 0, maximum: nil, minimumIsOpen: true), default: .number(defaultValue),
            "learning rate η (a schedule, when given, replaces it)")
    }

    public static func decayRate(_ name: String, _ defaultValue: Double, _ summary: String) -> ParameterSpec {
        ParameterSpec(
            name, .number(minimum: 0, maximum: 1, maximumIsOpen: true), default: .number(defaultValue), summary)
    }

    public static func nonNegative(_ name: String, _ defaultValue: Double, _ summary: String) -> ParameterSpec {
        ParameterSpec(name, .number(minimum: 0, maximum: nil), default: .number(defaultValue), summary)
    }

    public static func flag(_ name: String, _ defaultValue: Bool, _ summary: String) -> ParameterSpec {
        ParameterSpec(name, .flag, default: .flag(defaultValue), summary)
    }

    public static func beta1(_ defaultValue: Double = 0.9) -> ParameterSpec {
        decayRate("beta1", defaultValue, "decay β₁ of the first-moment average")
    }

    public static func beta2(_ defaultValue: Double = 0.999) -> ParameterSpec {
        decayRate("beta2", defaultValue, "decay β₂ of the second-moment average")
    }

    public static func epsilon(_ defaultValue: Double, _ summary: String = "ε added to the denominator")
        -> ParameterSpec
    {
        nonNegative("eps", defaultValue, summary)
    }

    public static func epsilonRoot(_ defaultValue: Double = 0) -> ParameterSpec {
        nonNegative("eps-root", defaultValue, "ε_root added inside the square root (optax)")
    }

    /// The name of the weight-decay parameter (``OptimizerKind/coupledWeightDecayKey``).
    public static let weightDecayKey = "weight-decay"

    public static func weightDecay(_ defaultValue: Double = 0, decoupled: Bool = false) -> ParameterSpec {
        nonNegative(
            weightDecayKey, defaultValue,
            decoupled ? "decoupled weight decay λ (u = −η(… + λθ))" : "coupled L2 weight decay λ (g ← g + λθ)")
    }

    public static func momentum(_ defaultValue: Double) -> ParameterSpec {
        decayRate("momentum", defaultValue, "momentum μ (0: none)")
    }

    /// `clip-norm`, `clip-norm-optax`, `clip-value`, accepted by every first-order optimizer.
    public static let clipping: [ParameterSpec] = [
        nonNegative("clip-norm", 0, "clip the gradient to this global ℓ₂ norm first, torch clip_grad_norm_ (0: off)"),
        nonNegative(
            "clip-norm-optax", 0, "clip the gradient to this global ℓ₂ norm first, optax clip_by_global_norm (0: off)"),
        nonNegative("clip-value", 0, "clamp every gradient entry to [−c, c] first (0: off)"),
    ]
}

extension GradientClipping {
    /// The clipping chosen by the `clip-*` parameters; more than one of them is an error.
    public init(_ parameters: ParameterReader) throws {
        let norm = try parameters.number("clip-norm")
        let normOptax = try parameters.number("clip-norm-optax")
        let value = try parameters.number("clip-value")
        let chosen = [("clip-norm", norm), ("clip-norm-optax", normOptax), ("clip-value", value)].filter { $0.1 > 0 }
        guard chosen.count <= 1 else {
            throw ParameterError(
                key: chosen[1].0, expected: "at most one of clip-norm, clip-norm-optax and clip-value",
                found: chosen.map { "\($0.0) \(ParameterValue.format($0.1))" }.joined(separator: " and "))
        }
        if norm > 0 {
            self = .globalNorm(norm)
        } else if normOptax > 0 {
            self = .globalNormOptax(normOptax)
        } else if value > 0 {
            self = .value(value)
        } else {
            self = .disabled
        }
    }
}

/// The shared hyperparameters read by the names their specs above give them, so that a kind's chain expression
/// says `try p.beta1` (``FirstOrderOptimizerCatalog``); a kind reads only the ones it declares.
extension ParameterReader {
    var beta1: Double { get throws { try number("beta1") } }
    var beta2: Double { get throws { try number("beta2") } }
    var epsilon: Double { get throws { try number("eps") } }
    var epsilonRoot: Double { get throws { try number("eps-root") } }
    var weightDecay: Double { get throws { try number(FirstOrderParameterSpecs.weightDecayKey) } }
    var momentum: Double { get throws { try number("momentum") } }
}
