import Foundation
import Parameters
import Randomness

/// The online problem kinds (``OnlineObjective``): streams of T convex losses drawn from one seed,
/// played in order by `online-gd`, with regret recorded at the trace points.
///
/// - `online-least-squares`: rows a_t ~ N(0, I_d), y_t = ⟨a_t, w⟩ + noise·N(0, 1), ‖w‖ = teacher-norm;
/// - `online-logistic`: rows a_t ~ N(0, I_d), y_t = +1 with probability 1/(1 + e^{−⟨a_t, w⟩}), else −1;
/// - `online-linear`: a_t = G·v for one uniform unit vector v; `loss: linear`: y_t = ±1 with equal
///   probability, the random-sign sequence of the Ω(DG√T) lower bound (Hazan 2022, Thm 3.2);
///   `loss: absolute`: y_t = ±G·R·(1 + u_t)/2, u_t uniform in [0, 1], signs equal likely.
///
/// Each `make` draws one seed from the problem generator; from its stream, in order: w (or v), then
/// each round's row and target.
public enum OnlineProblems {
    public static let kinds: [ProblemKind] = [leastSquares, logistic, linear]

    /// Largest T.
    public static let maximumRounds = 1_000_000

    static let roundsSpec = ParameterSpec(
        "rounds", .integer(minimum: 1), default: .number(10_000),
        "T, rounds of the stream (at most \(maximumRounds))")
    static let dimensionSpec = ParameterSpec(
        "d", .integer(minimum: 1), default: .number(10),
        "dimension (at most \(InstanceLimits.maximumFeatures))")
    static func radiusSpec(_ value: Double) -> ParameterSpec {
        ParameterSpec(
            "radius", .number(minimum: 0, maximum: nil, minimumIsOpen: true), default: .number(value),
            "radius R of the ball the learner plays in (diameter D = 2R)")
    }
    static let lambdaSpec = ParameterSpec(
        "lambda", .number(minimum: 0, maximum: nil), default: .number(0),
        "(λ/2)‖x‖² added to every loss: each f_t is λ-strongly convex")

    public static let leastSquares: ProblemKind = ProblemKind(
        name: "online-least-squares",
        summary:
            "online least squares ½(⟨a_t,x⟩ − y_t)² (+ λ/2‖x‖²) on a seeded Gaussian stream, played on a ball; regret "
            + "recorded",
        parameters: [
            roundsSpec, dimensionSpec, radiusSpec(1), lambdaSpec,
            ParameterSpec("noise", .number(minimum: 0, maximum: nil), default: .number(0.5), "σ of the label noise"),
            ParameterSpec(
                "teacher-norm", .number(minimum: 0, maximum: nil), default: .number(0.5),
                "‖w‖ of the generating weights"),
        ],
        make: { parameters, generator in
            try stream(.squared, parameters, specs: leastSquares.parameters, seed: generator.next()) { reader, rng, d in
                let w = try teacher(reader, &rng, d), noise = try reader.number("noise")
                return { row, rng in dot(row, w) + noise * rng.nextGaussian() }
            }
        })

    public static let logistic: ProblemKind = ProblemKind(
        name: "online-logistic",
        summary:
            "online logistic regression log(1 + e^{−y_t⟨a_t,x⟩}) (+ λ/2‖x‖²) on a seeded stream, played on a ball; "
            + "regret recorded",
        parameters: [
            roundsSpec, dimensionSpec, radiusSpec(2), lambdaSpec,
            ParameterSpec(
                "teacher-norm", .number(minimum: 0, maximum: nil), default: .number(1),
                "‖w‖ of the generating weights"),
        ],
        make: { parameters, generator in
            try stream(.logistic, parameters, specs: logistic.parameters, seed: generator.next()) { reader, rng, d in
                let w = try teacher(reader, &rng, d)
                return { row, rng in rng.nextUnitDouble() < 1 / (1 + exp(-dot(row, w))) ? 1 : -1 }
            }
        })

    public static let linear: ProblemKind = ProblemKind(
        name: "online-linear",
        summary: "online linear y_t⟨a_t,x⟩ (random signs) or absolute |⟨a_t,x⟩ − y_t| losses on a ball: regret Θ(√T)",
        parameters: [
            roundsSpec, dimensionSpec, radiusSpec(1),
            ParameterSpec("loss", .choice(["linear", "absolute"]), default: .text("linear"), "the loss of each round"),
            ParameterSpec(
                "gradient-bound", .number(minimum: 0, maximum: nil, minimumIsOpen: true), default: .number(1),
                "G = ‖a_t‖, the norm of every (sub)gradient"),
        ],
        make: { parameters, generator in
            let reader = try ParameterReader(parameters, specs: linear.parameters)
            let loss: OnlineStream.Loss = try reader.choice("loss") == "absolute" ? .absolute : .linear
            return try stream(loss, parameters, specs: linear.parameters, seed: generator.next()) { reader, rng, d in
                let g = try reader.number("gradient-bound"), radius = try reader.number("radius")
                let v = rng.nextUnitVector(dimension: d).map { $0 * g }
                let target: (inout [Double], inout Xoshiro256StarStar) -> Double = { row, rng in
                    let sign: Double = rng.nextUnitDouble() < 0.5 ? -1 : 1
                    if loss == .linear { return sign }
                    return sign * g * radius * (1 + rng.nextUnitDouble()) / 2
                }
                return { row, rng in
                    row = v
                    return target(&row, &rng)
                }
            }
        })

    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for k in a.indices { sum += a[k] * b[k] }
        return sum
    }

    static func teacher(_ reader: ParameterReader, _ rng: inout Xoshiro256StarStar, _ d: Int) throws -> [Double] {
        let norm = try reader.number("teacher-norm")
        return rng.nextUnitVector(dimension: d).map { $0 * norm }
    }

    /// Builds the stream: reads T, d, R, λ; `model` draws its own constants and returns the per-round
    /// rule, which receives the row (Gaussian unless the rule overwrites it) and returns y_t.
    static func stream(
        _ loss: OnlineStream.Loss, _ parameters: ParameterSet, specs: [ParameterSpec], seed: UInt64,
        model: (ParameterReader, inout Xoshiro256StarStar, Int) throws
            -> (inout [Double], inout Xoshiro256StarStar) -> Double
    ) throws -> any Objective {
        let reader = try ParameterReader(parameters, specs: specs)
        let rounds = try reader.integer("rounds"), d = try reader.integer("d"), radius = try reader.number("radius")
        let lambda = specs.contains { $0.name == "lambda" } ? try reader.number("lambda") : 0
        guard rounds <= maximumRounds else {
            throw ParameterError(key: "rounds", expected: "a whole number in 1…\(maximumRounds)", found: String(rounds))
        }
        guard d <= InstanceLimits.maximumFeatures else {
            throw ParameterError(
                key: "d", expected: "a whole number in 1…\(InstanceLimits.maximumFeatures)", found: String(d))
        }
        guard rounds <= InstanceLimits.maximumEntries / d else {
            throw ParameterError(
                key: "rounds",
                expected: "at most \(InstanceLimits.maximumEntries / d) rounds for d = \(d) "
                    + "(T·d ≤ \(InstanceLimits.maximumEntries))", found: String(rounds))
        }
        var rng = Xoshiro256StarStar(seed: seed)
        let rule = try model(reader, &rng, d)
        var features = [Double](repeating: 0, count: rounds * d), targets = [Double](repeating: 0, count: rounds)
        var row = [Double](repeating: 0, count: d)
        for t in 0..<rounds {
            if loss == .squared || loss == .logistic { rng.fillGaussian(&row) }
            targets[t] = rule(&row, &rng)
            for k in 0..<d { features[t * d + k] = row[k] }
        }
        return OnlineStream(
            loss: loss, dimension: d, radius: radius, lambda: lambda, features: features, targets: targets)
    }
}
