import Foundation
import Harness
import Objectives
import Optimizers
import Randomness

/// f(x) = ½ Σ λᵢ xᵢ², λ log-spaced from μ = 1 to L = kappa; x* = 0, f* = 0. Start: seeded Gaussian.
struct DiagonalQuadratic: Objective {
    var eigenvalues: [Double]
    var startingPoint: [Double]
    var dimension: Int { eigenvalues.count }
    var constants: ObjectiveConstants {
        ObjectiveConstants(
            optimalValue: 0, minimizer: [Double](repeating: 0, count: dimension),
            smoothness: eigenvalues.max(), strongConvexity: eigenvalues.min())
    }
    func value(at x: [Double]) -> Double {
        var sum = 0.0
        for i in 0..<dimension { sum += 0.5 * eigenvalues[i] * x[i] * x[i] }
        return sum
    }
    func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
        for i in 0..<dimension { gradient[i] = eigenvalues[i] * x[i] }
        return value(at: x)
    }
    func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double]) {
        for i in 0..<dimension { result[i] = eigenvalues[i] * v[i] }
    }

    static func make(d: Int, kappa: Double, generator: inout Xoshiro256StarStar) -> DiagonalQuadratic {
        let eigenvalues = (0..<d).map { d == 1 ? 1 : Foundation.pow(kappa, Double($0) / Double(d - 1)) }
        var start = [Double](repeating: 0, count: d)
        for i in 0..<d { start[i] = generator.nextGaussian() }
        return DiagonalQuadratic(eigenvalues: eigenvalues, startingPoint: start)
    }
}

/// Counts every call made to it, whoever makes it (the oracle or the harness's monitoring).
final class CallCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var calls = 0
    func tick() {
        lock.lock()
        calls += 1
        lock.unlock()
    }
    var total: Int {
        lock.lock()
        defer { lock.unlock() }
        return calls
    }
}

struct InstrumentedObjective: Objective {
    var base: DiagonalQuadratic
    var counter: CallCounter
    var dimension: Int { base.dimension }
    var constants: ObjectiveConstants { base.constants }
    var startingPoint: [Double] { base.startingPoint }
    func value(at x: [Double]) -> Double {
        counter.tick()
        return base.value(at: x)
    }
    func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
        counter.tick()
        return base.evaluate(at: x, gradient: &gradient)
    }
    func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double]) {
        counter.tick()
        base.hessianVectorProduct(at: x, vector: v, result: &result)
    }
}

/// f(x) = (1/2n) Σᵢ (aᵢ·x − bᵢ)² with Gaussian aᵢ, bᵢ = aᵢ·x_true; f* = 0 at x_true (consistent system).
struct TinyLeastSquares: Objective {
    var rows: [[Double]]
    var targets: [Double]
    var solution: [Double]
    var startingPoint: [Double]
    var dimension: Int { solution.count }
    var sampleCount: Int? { rows.count }
    var constants: ObjectiveConstants { ObjectiveConstants(optimalValue: 0, minimizer: solution) }
    func value(at x: [Double]) -> Double {
        var gradient = [Double](repeating: 0, count: dimension)
        return evaluate(at: x, gradient: &gradient)
    }
    func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
        let all = Array(0..<rows.count)
        return all.withUnsafeBufferPointer { evaluate(at: x, rows: $0, gradient: &gradient) }
    }
    func evaluate(at x: [Double], rows selected: UnsafeBufferPointer<Int>, gradient: inout [Double]) -> Double {
        for j in 0..<dimension { gradient[j] = 0 }
        var loss = 0.0
        for i in selected {
            var residual = -targets[i]
            for j in 0..<dimension { residual += rows[i][j] * x[j] }
            loss += 0.5 * residual * residual
            for j in 0..<dimension { gradient[j] += residual * rows[i][j] }
        }
        let scale = 1 / Double(selected.count)
        for j in 0..<dimension { gradient[j] *= scale }
        return loss * scale
    }
    func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double]) {
        for j in 0..<dimension { result[j] = 0 }
        for row in rows {
            var dot = 0.0
            for j in 0..<dimension { dot += row[j] * v[j] }
            for j in 0..<dimension { result[j] += dot * row[j] / Double(rows.count) }
        }
    }
}

/// x ← x − η∇f (one oracle gradient per iteration); `fail-at` throws at that iteration, `nan-at`
/// writes NaN into x at that iteration, `sleep` sleeps that many milliseconds per iteration.
struct TestGradientDescent: Method {
    var schedule: any Schedule
    var failAt: Int
    var nanAt: Int
    var sleepMicroseconds: UInt32
    var step = 0
    var gradient: [Double] = []

    mutating func prepare(at x: [Double], oracle: inout Oracle) throws {
        gradient = [Double](repeating: 0, count: x.count)
    }

    mutating func iterate(_ x: inout [Double], oracle: inout Oracle) throws -> IterationReport {
        step += 1
        if step == failAt { throw MethodError("singular test matrix") }
        if sleepMicroseconds > 0 { usleep(sleepMicroseconds) }
        oracle.gradient(at: x, into: &gradient)
        let lr = schedule(step - 1)
        for i in x.indices { x[i] -= lr * gradient[i] }
        if step == nanAt { x[0] = .nan }
        return IterationReport(learningRate: lr)
    }
}

enum TestKinds {
    static let quadratic = ProblemKind(
        name: "quad", summary: "diagonal quadratic, log spectrum",
        parameters: [
            ParameterSpec("d", .integer(minimum: 1), default: .number(2), "dimension"),
            ParameterSpec("kappa", .number(minimum: 1, maximum: nil), default: .number(10), "condition number"),
        ],
        make: { parameters, generator in
            DiagonalQuadratic.make(
                d: try parameters.integer("d", default: 2), kappa: try parameters.number("kappa", default: 10),
                generator: &generator)
        })

    static let leastSquares = ProblemKind(
        name: "lsq", summary: "consistent least squares, finite sum",
        parameters: [
            ParameterSpec("n", .integer(minimum: 1), default: .number(64), "rows"),
            ParameterSpec("d", .integer(minimum: 1), default: .number(3), "columns"),
        ],
        isFiniteSum: true,
        make: { parameters, generator in
            let n = try parameters.integer("n", default: 64)
            let d = try parameters.integer("d", default: 3)
            var rows: [[Double]] = []
            let solution = (0..<d).map { _ in generator.nextGaussian() }
            var targets: [Double] = []
            for _ in 0..<n {
                let row = (0..<d).map { _ in generator.nextGaussian() }
                rows.append(row)
                targets.append(zip(row, solution).map(*).reduce(0, +))
            }
            return TinyLeastSquares(
                rows: rows, targets: targets, solution: solution,
                startingPoint: [Double](repeating: 0, count: d))
        })

    static let gd = OptimizerKind(
        name: "gd", summary: "test gradient descent", updateRule: "x ← x − η∇f(x)", conventions: "test only",
        references: [],
        parameters: [
            ParameterSpec("lr", .number(minimum: 0, maximum: nil, minimumIsOpen: true), default: .number(0.1), "η"),
            ParameterSpec(
                "momentum", .number(minimum: 0, maximum: 1, maximumIsOpen: true), default: .number(0), "unused β"),
            ParameterSpec(
                "label", .choice(["a", "b"]), default: .text("a"), "no effect (tells two identical optimizers apart)"),
            ParameterSpec("fail-at", .integer(minimum: 0), default: .number(0), "throw at this iteration"),
            ParameterSpec("nan-at", .integer(minimum: 0), default: .number(0), "write NaN at this iteration"),
            ParameterSpec(
                "sleep", .number(minimum: 0, maximum: nil), default: .number(0), "milliseconds per iteration"),
        ],
        acceptsSchedule: true,
        make: { parameters, schedule, _ in
            let lr = try parameters.number("lr", default: 0.1)
            return TestGradientDescent(
                schedule: schedule?.base ?? lr,
                failAt: try parameters.integer("fail-at", default: 0),
                nanAt: try parameters.integer("nan-at", default: 0),
                sleepMicroseconds: UInt32(try parameters.number("sleep", default: 0) * 1000))
        })

    /// lr(k) = η₀ γ^k.
    static let exponential = ScheduleKind(
        name: "exponential", summary: "η₀γᵏ", formula: "lr(k) = η₀ γ^k", conventions: "test only", references: [],
        parameters: [
            ParameterSpec("gamma", .number(minimum: 0, maximum: 1, minimumIsOpen: true), default: .number(0.9), "γ")
        ],
        make: { parameters, base in
            let gamma = try parameters.number("gamma", default: 0.9)
            return ExponentialTestSchedule(base: base, gamma: gamma)
        })

    static let catalog = Catalog(problems: [quadratic, leastSquares], optimizers: [gd], schedules: [exponential])

    static func instrumentedCatalog(counter: CallCounter) -> Catalog {
        var catalog = catalog
        catalog.problems.insert(
            ProblemKind(
                name: "counted", summary: "quadratic that counts calls", parameters: [],
                make: { _, generator in
                    InstrumentedObjective(
                        base: DiagonalQuadratic.make(d: 4, kappa: 10, generator: &generator), counter: counter)
                }), at: 0)
        return catalog
    }
}

struct ExponentialTestSchedule: Schedule {
    var base: Double
    var gamma: Double
    func callAsFunction(_ step: Int) -> Double { base * Foundation.pow(gamma, Double(step)) }
}
