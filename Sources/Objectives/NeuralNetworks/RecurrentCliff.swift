#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A single tanh recurrent unit unrolled over T steps, the exploding-gradient "cliff" of Pascanu,
/// Mikolov & Bengio (2013, §3 and Fig. 6, there with a sigmoid):
///
///   h₀ fixed,  h_t = tanh(w·h_{t−1} + b) (t = 1…T),  f(w, b) = ½(h_T − y)².
///
/// For w > 1 the map has two stable fixed points, and which one h_T approaches flips across a curve
/// in the (w, b) plane (for w = 2, h₀ = ½ at b = artanh(½) − 2·½ ≈ −0.45): f drops by more than 1
/// across a wall whose width shrinks and whose gradient grows geometrically with T. A step that
/// lands on the wall is thrown far away, which is what gradient clipping prevents.
///
/// Derivatives are exact: ∇f by back-propagation through time, the 2×2 Hessian by carrying the
/// first and second derivatives of h_t with respect to (w, b) forward in time. f* = 0 (reached
/// wherever h_T = y, |y| < 1); x* is not unique (nil).
public struct RecurrentCliff: Objective {
    public let steps: Int
    public let initialState: Double
    public let target: Double
    public let startingPoint: [Double]
    public let constants: ObjectiveConstants
    public var dimension: Int { 2 }

    public init(steps: Int, initialState: Double, target: Double, start: [Double]) {
        precondition(steps >= 1 && start.count == 2, "RecurrentCliff: steps ≥ 1 and a 2-D start")
        self.steps = steps
        self.initialState = initialState
        self.target = target
        startingPoint = start
        constants = ObjectiveConstants(optimalValue: abs(target) < 1 ? 0 : nil)
    }

    /// h_T and its first and second derivatives with respect to (w, b): (h, h_w, h_b, h_ww, h_wb, h_bb).
    func unroll(_ x: [Double]) -> (Double, Double, Double, Double, Double, Double) {
        let w = x[0], b = x[1]
        var h = initialState, hw = 0.0, hb = 0.0, hww = 0.0, hwb = 0.0, hbb = 0.0
        for _ in 0..<steps {
            // z = w h + b; z_w = h + w h_w; z_b = w h_b; z_ww = 2 h_w + w h_ww; z_wb = h_b + w h_wb; z_bb = w h_bb.
            let zw = h + w * hw, zb = 1 + w * hb
            let zww = 2 * hw + w * hww, zwb = hb + w * hwb, zbb = w * hbb
            let a = tanh(w * h + b)
            let s1 = 1 - a * a, s2 = -2 * a * s1
            h = a
            hw = s1 * zw
            hb = s1 * zb
            hww = s2 * zw * zw + s1 * zww
            hwb = s2 * zw * zb + s1 * zwb
            hbb = s2 * zb * zb + s1 * zbb
        }
        return (h, hw, hb, hww, hwb, hbb)
    }

    public func value(at x: [Double]) -> Double {
        let w = x[0], b = x[1]
        var h = initialState
        for _ in 0..<steps { h = tanh(w * h + b) }
        return 0.5 * (h - target) * (h - target)
    }

    /// Back-propagation through time: one forward pass storing h_t, one backward pass.
    public func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
        let w = x[0], b = x[1]
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: steps + 1) { states in
            states[0] = initialState
            for t in 1...steps { states[t] = tanh(w * states[t - 1] + b) }
            let residual = states[steps] - target
            var back = residual, gw = 0.0, gb = 0.0
            for t in stride(from: steps, through: 1, by: -1) {
                let dz = back * (1 - states[t] * states[t])
                gw += dz * states[t - 1]
                gb += dz
                back = dz * w
            }
            gradient[0] = gw
            gradient[1] = gb
            return 0.5 * residual * residual
        }
    }

    public func hessian(at x: [Double], into hessian: inout [Double]) {
        let (h, hw, hb, hww, hwb, hbb) = unroll(x)
        let r = h - target
        hessian[0] = hw * hw + r * hww
        hessian[1] = hw * hb + r * hwb
        hessian[2] = hessian[1]
        hessian[3] = hb * hb + r * hbb
    }

    public func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double]) {
        var h = [0.0, 0.0, 0.0, 0.0]
        hessian(at: x, into: &h)
        result[0] = h[0] * v[0] + h[1] * v[1]
        result[1] = h[2] * v[0] + h[3] * v[1]
    }
}
