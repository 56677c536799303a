import Foundation
import Results

/// Hand-written Swift loops of three updates on 2-D Rosenbrock from (−1.2, 1), with x, the gradient
/// and the state in local variables: the floor `gdbench bench` compares the harness with (each
/// harness row of the same update is shown as a ratio to its loop). Gradient as in ``Rosenbrock``;
/// updates in torch's form (pytorch/pytorch:torch/optim/sgd.py, adam.py):
/// - `gd`: θ ← θ − η∇f, η = 10⁻³;
/// - `heavy-ball`: b₁ = g₁, b ← μb + g, θ ← θ − ηb, η = 10⁻⁴, μ = 0.9 (torch SGD with momentum);
/// - `adam`: m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², θ ← θ − (η/(1 − β₁ᵗ))·m/(√v/√(1 − β₂ᵗ) + ε),
///   η = 10⁻³, β = (0.9, 0.999), ε = 10⁻⁸.
public enum ReferenceLoop: String, Sendable, CaseIterable {
    case gradientDescent = "gd"
    case heavyBall = "heavy-ball"
    case adam

    /// The point after `iterations` updates.
    @inline(never)
    public func run(iterations: Int) -> (x: Double, y: Double) {
        var x = -1.2, y = 1.0
        switch self {
        case .gradientDescent:
            let lr = 1e-3
            for _ in 0..<iterations {
                let a = 1 - x, b = y - x * x
                let gx = -2 * a - 400 * x * b, gy = 200 * b
                x += -lr * gx
                y += -lr * gy
            }
        case .heavyBall:
            let lr = 1e-4, momentum = 0.9
            var bx = 0.0, by = 0.0
            for k in 0..<iterations {
                let a = 1 - x, b = y - x * x
                let gx = -2 * a - 400 * x * b, gy = 200 * b
                if k == 0 {
                    bx = gx
                    by = gy
                } else {
                    bx = momentum * bx + gx
                    by = momentum * by + gy
                }
                x += -lr * bx
                y += -lr * by
            }
        case .adam:
            let lr = 1e-3, beta1 = 0.9, beta2 = 0.999, eps = 1e-8
            var mx = 0.0, my = 0.0, vx = 0.0, vy = 0.0, power1 = 1.0, power2 = 1.0
            for _ in 0..<iterations {
                let a = 1 - x, b = y - x * x
                let gx = -2 * a - 400 * x * b, gy = 200 * b
                power1 *= beta1
                power2 *= beta2
                let step = lr / (1 - power1), root2 = (1 - power2).squareRoot()
                mx = beta1 * mx + (1 - beta1) * gx
                my = beta1 * my + (1 - beta1) * gy
                vx = beta2 * vx + (1 - beta2) * gx * gx
                vy = beta2 * vy + (1 - beta2) * gy * gy
                x += -step * mx / (vx.squareRoot() / root2 + eps)
                y += -step * my / (vy.squareRoot() / root2 + eps)
            }
        }
        return (x, y)
    }

    /// Median nanoseconds per update over `repeats` runs of `iterations` updates.
    public func nanosecondsPerIteration(iterations: Int, repeats: Int) -> Double {
        var times: [Double] = []
        var sink = 0.0
        for _ in 0..<max(1, repeats) {
            let start = MonotonicClock.nanoseconds()
            let point = run(iterations: iterations)
            times.append(Double(MonotonicClock.nanoseconds() - start) / Double(max(1, iterations)))
            sink += point.x + point.y
        }
        if sink.isNaN { FileHandle.standardError.write(Data("reference loop diverged\n".utf8)) }
        return Median.of(times)
    }
}
