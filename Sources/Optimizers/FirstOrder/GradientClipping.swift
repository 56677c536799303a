/// The clipping a named first-order optimizer applies to each gradient before its update rule,
/// chosen by the optimizer parameters `clip-norm`, `clip-norm-optax` or `clip-value` (at most one;
/// 0, the default, means no clipping). A single type, so that clipping does not multiply the number
/// of generic chain types; the switch runs once per step, not per element. Reference §A.12.
public enum GradientClipping: FusedGradientTransformation, Equatable {
    /// No clipping.
    case disabled
    /// torch `clip_grad_norm_` (``ClipByGlobalNorm``).
    case globalNorm(Double)
    /// optax `clip_by_global_norm` (``ClipByGlobalNormOptax``).
    case globalNormOptax(Double)
    /// torch `clip_grad_value_` / optax `clip` (``ClipByValue``).
    case value(Double)

    public func initialState(parameters: [Double]) {}

    @inlinable
    public func update(_ updates: inout [Double], state: inout Void, parameters: [Double]) {
        switch self {
        case .disabled: return
        case .globalNorm(let maxNorm):
            ClipByGlobalNorm(maxNorm: maxNorm).update(&updates, state: &state, parameters: parameters)
        case .globalNormOptax(let maxNorm):
            ClipByGlobalNormOptax(maxNorm: maxNorm).update(&updates, state: &state, parameters: parameters)
        case .value(let maxValue):
            ClipByValue(maxValue: maxValue).update(&updates, state: &state, parameters: parameters)
        }
    }
}
