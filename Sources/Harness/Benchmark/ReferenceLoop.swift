import Foundation
import Objectives
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

    /// The same update written over arrays of any length, as a dimension-generic harness must hold
    /// them: x, ∇f and the state in `[Double]`, the gradient by one call into `objective` (2-D
    /// Rosenbrock, reached through `any Objective` as the harness's oracle reaches it), the update one
    /// loop over the coordinates. What this costs above ``run(iterations:)`` is the price of
    /// composing any objective with any method, before any harness machinery (docs/performance.md,
    /// "Where per-step code is specialised"). The same iterates as ``run(iterations:)``.
    @inline(never)
    public func runOverArrays(iterations: Int, objective: any Objective) -> (x: Double, y: Double) {
        var x = objective.startingPoint
        var gradient = [Double](repeating: 0, count: x.count)
        switch self {
        case .gradientDescent:
            let lr = 1e-3
            for _ in 0..<iterations {
                objective.gradient(at: x, into: &gradient)
                for i in x.indices { x[i] += -lr * gradient[i] }
            }
        case .heavyBall:
            let lr = 1e-4, momentum = 0.9
            var buffer = [Double](repeating: 0, count: x.count)
            for k in 0..<iterations {
                objective.gradient(at: x, into: &gradient)
                for i in x.indices {
                    buffer[i] = k == 0 ? gradient[i] : momentum * buffer[i] + gradient[i]
                    x[i] += -lr * buffer[i]
                }
            }
        case .adam:
            let lr = 1e-3, beta1 = 0.9, beta2 = 0.999, eps = 1e-8
            var m = [Double](repeating: 0, count: x.count), v = m
            var power1 = 1.0, power2 = 1.0
            for _ in 0..<iterations {
                objective.gradient(at: x, into: &gradient)
                power1 *= beta1
                power2 *= beta2
                let step = lr / (1 - power1), root2 = (1 - power2).squareRoot()
                for i in x.indices {
                    let g = gradient[i]
                    m[i] = beta1 * m[i] + (1 - beta1) * g
                    v[i] = beta2 * v[i] + (1 - beta2) * g * g
                    x[i] += -step * m[i] / (v[i].squareRoot() / root2 + eps)
                }
            }
        }
        return (x[0], x[1])
    }

    /// The same update with x, ∇f and the state in memory (pointers, `dimension` a run-time value, so no
    /// coordinate lives in a register from one update to the next) and the gradient written inline: the
    /// floor of any harness whose vectors have a run-time length, even one compiled for the objective and
    /// the method together. The same iterates as ``run(iterations:)`` (`dimension` is 2).
    @inline(never)
    public func runInMemory(iterations: Int, dimension: Int) -> (x: Double, y: Double) {
        let count = max(2, dimension)
        let memory = UnsafeMutablePointer<Double>.allocate(capacity: 4 * count)
        defer { memory.deallocate() }
        memory.initialize(repeating: 0, count: 4 * count)
        let x = memory, g = memory + count, b = memory + 2 * count, m = b, v = memory + 3 * count
        x[0] = -1.2
        x[1] = 1
        func gradient() {
            let x0 = x[0], a = 1 - x0, c = x[1] - x0 * x0
            g[0] = -2 * a - 400 * x0 * c
            g[1] = 200 * c
        }
        switch self {
        case .gradientDescent:
            let lr = 1e-3
            for _ in 0..<iterations {
                gradient()
                for i in 0..<dimension { x[i] += -lr * g[i] }
            }
        case .heavyBall:
            let lr = 1e-4, momentum = 0.9
            for k in 0..<iterations {
                gradient()
                for i in 0..<dimension {
                    b[i] = k == 0 ? g[i] : momentum * b[i] + g[i]
                    x[i] += -lr * b[i]
                }
            }
        case .adam:
            let lr = 1e-3, beta1 = 0.9, beta2 = 0.999, eps = 1e-8
            var power1 = 1.0, power2 = 1.0
            for _ in 0..<iterations {
                gradient()
                power1 *= beta1
                power2 *= beta2
                let step = lr / (1 - power1), root2 = (1 - power2).squareRoot()
                for i in 0..<dimension {
                    m[i] = beta1 * m[i] + (1 - beta1) * g[i]
                    v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i]
                    x[i] += -step * m[i] / (v[i].squareRoot() / root2 + eps)
                }
            }
        }
        return (x[0], x[1])
    }

    /// Median nanoseconds per update of ``runInMemory(iterations:dimension:)`` with dimension 2.
    public func nanosecondsPerIterationInMemory(iterations: Int, repeats: Int) -> Double {
        Self.median(repeats: repeats, iterations: iterations) { runInMemory(iterations: iterations, dimension: 2) }
    }

    /// Median nanoseconds per update of ``runOverArrays(iterations:objective:)`` on 2-D Rosenbrock.
    public func nanosecondsPerIterationOverArrays(iterations: Int, repeats: Int) -> Double {
        let objective: any Objective = Rosenbrock()
        return Self.median(repeats: repeats, iterations: iterations) {
            runOverArrays(iterations: iterations, objective: objective)
        }
    }

    /// Median nanoseconds per update over `repeats` runs of `iterations` updates.
    public func nanosecondsPerIteration(iterations: Int, repeats: Int) -> Double {
        Self.median(repeats: repeats, iterations: iterations) { run(iterations: iterations) }
    }

    private static func median(
        repeats: Int, iterations: Int, _ loop: () -> (x: Double, y: Double)
    ) -> Double {
        var times: [Double] = []
        var sink = 0.0
        for _ in 0..<max(1, repeats) {
            let start = MonotonicClock.nanoseconds()
            let point = loop()
            times.append(Double(MonotonicClock.nanoseconds() - start) / Double(max(1, iterations)))
            sink += point.x + point.y
        }
        if sink.isNaN { FileHandle.standardError.write(Data("reference loop diverged\n".utf8)) }
        return Median.of(times)
    }
}
