import Parameters
import Randomness

extension ProblemKind {
    /// `quadratic`: ½(x − x*)ᵀA(x − x*), A = Q·diag(λ)·Qᵀ with a prescribed spectrum (reference §C.5).
    ///
    /// Parameters: `d` (100), `kappa` = L/μ (100), `mu` (1; L = κ·μ), `spectrum` (`log` | `linear` |
    /// `outlier` | `two-cluster`, see ``QuadraticSpectrum``), `rotation` (`none`: axis-aligned,
    /// ``AxisAlignedQuadratic``; `random`: Haar Q, ``DenseQuadratic``), `minimizer` (`random`: x* ~
    /// N(0, I); `zero`), `start-direction` (`random`: uniform on the sphere; `ones`: (1, …, 1)/√d) and
    /// `start-scale` (1): x₀ = x* + start-scale·√d·u, so the start is at RMS distance start-scale per
    /// coordinate — with `minimizer: zero`, `start-direction: ones`, `rotation: none` this is the
    /// x₀ = 1 setup of reference §D. `zero-eigenvalues` k (0) makes the first k eigenvalues 0 and
    /// spreads the spectrum over the other d − k (`kappa` = L/μ₊ of the positive ones): f is then convex
    /// but not strongly convex (μ = 0), its minimisers are x* + null(A), and the recorded x* is the one
    /// nearest the start, x* + P_null(x₀ − x*), the point gradient methods converge to.
    ///
    /// Draws from the problem generator, in order: Q (if random), x* (if random), the start
    /// direction (if random).
    public static let quadratic = ProblemKind(
        name: "quadratic",
        summary:
            "½(x−x*)ᵀA(x−x*) with A = QΛQᵀ of exact condition number kappa (log/linear/outlier/two-cluster spectrum, "
            + "optional Haar rotation)",
        parameters: quadraticParameters,
        make: { parameters, generator in try makeQuadratic(parameters, &generator) })

    /// `narrow-valley`: ½(x² + 100y²) from (1, 1); κ = 100, x* = 0, f* = 0. No parameters.
    public static let narrowValley = fixed(
        "narrow-valley", "½(x² + 100y²) from (1, 1): the κ = 100 valley where gradient descent zig-zags",
        AxisAlignedQuadratic.narrowValley)

    /// `shifted-bowl`: (x₀ − 2)² + (x₁ − 3)² from (0, 0); L = μ = 2, x* = (2, 3), f* = 0. No parameters.
    public static let shiftedBowl = fixed(
        "shifted-bowl", "(x₀−2)² + (x₁−3)² from (0, 0): a round bowl (L = μ = 2) with minimum at (2, 3)",
        AxisAlignedQuadratic.shiftedBowl)

    /// The largest d whose rotated problems are built (``InstanceLimits/maximumDenseDimension``).
    public static let maximumDenseDimension = InstanceLimits.maximumDenseDimension

    static let quadraticParameters: [ParameterSpec] = [
        ParameterSpec("d", .integer(minimum: 1), default: .number(100), "dimension"),
        ParameterSpec(
            "zero-eigenvalues", .integer(minimum: 0), default: .number(0),
            "eigenvalues that are 0 (then μ = 0: convex, not strongly convex; at most d − 1)"),
        ParameterSpec("kappa", .number(minimum: 1, maximum: nil), default: .number(100), "condition number L/μ"),
        ParameterSpec(
            "mu", .number(minimum: 0, maximum: nil, minimumIsOpen: true), default: .number(1),
            "smallest eigenvalue μ (L = kappa·mu)"),
        ParameterSpec(
            "spectrum", .choice(QuadraticSpectrum.allCases.map(\.rawValue)), default: .text("log"),
            "how the eigenvalues fill [μ, L]"),
        ParameterSpec(
            "rotation", .choice(["none", "random"]), default: .text("none"), "axis-aligned or Haar-rotated eigenvectors"
        ),
        ParameterSpec("minimizer", .choice(["random", "zero"]), default: .text("random"), "x* ~ N(0, I) or x* = 0"),
        ParameterSpec(
            "start-direction", .choice(["random", "ones"]), default: .text("random"),
            "direction of x₀ − x*: uniform on the sphere or along (1, …, 1)"),
        ParameterSpec(
            "start-scale", .number(minimum: 0, maximum: nil, minimumIsOpen: true), default: .number(1),
            "‖x₀ − x*‖ / √d"),
    ]

    static func makeQuadratic(_ parameters: ParameterSet, _ generator: inout Xoshiro256StarStar) throws -> any Objective
    {
        let reader = try ParameterReader(parameters, specs: quadraticParameters)
        let d = try reader.integer("d")
        let kappa = try reader.number("kappa")
        let mu = try reader.number("mu")
        let spectrumWord = try reader.choice("spectrum")
        let rotation = try reader.choice("rotation")
        let minimizerKind = try reader.choice("minimizer")
        let direction = try reader.choice("start-direction")
        let scale = try reader.number("start-scale")
        let zeros = try reader.integer("zero-eigenvalues")
        guard zeros < d else {
            throw ParameterError(key: "zero-eigenvalues", expected: "at most d − 1 = \(d - 1)", found: String(zeros))
        }
        guard let spectrum = QuadraticSpectrum(rawValue: spectrumWord) else {
            throw ParameterError(
                key: "spectrum",
                expected: ParameterReader.describe(.choice(QuadraticSpectrum.allCases.map(\.rawValue))),
                found: spectrumWord)
        }
        if d - zeros == 1 && kappa != 1 {
            throw ParameterError(
                key: "kappa", expected: "1 when d − zero-eigenvalues = 1 (one positive eigenvalue)",
                found: ParameterValue.format(kappa))
        }
        if rotation == "random" {
            try InstanceLimits.checkDense(dimension: d)
        }
        let l = kappa * mu
        guard l.isFinite else {
            throw ParameterError(
                key: "kappa", expected: "kappa·mu to be a finite number", found: ParameterValue.format(kappa))
        }
        let eigenvalues =
            [Double](repeating: 0, count: zeros)
            + spectrum.eigenvalues(dimension: d - zeros, strongConvexity: mu, smoothness: l)
        let q = rotation == "random" ? RandomOrthogonalMatrix.make(dimension: d, using: &generator) : nil
        var minimizer = [Double](repeating: 0, count: d)
        if minimizerKind == "random" { generator.fillGaussian(&minimizer) }
        let unit =
            direction == "random"
            ? generator.nextUnitVector(dimension: d)
            : [Double](repeating: 1 / Double(d).squareRoot(), count: d)
        let radius = scale * Double(d).squareRoot()
        var start = minimizer
        for i in 0..<d { start[i] += radius * unit[i] }
        // The minimiser nearest the start: x* + P_null(x₀ − x*), P_null = Σ_{i<k} qᵢqᵢᵀ (column i of Q).
        for i in 0..<zeros {
            guard let q else {
                minimizer[i] = start[i]
                continue
            }
            var along = 0.0
            for j in 0..<d { along += q[j * d + i] * (start[j] - minimizer[j]) }
            for j in 0..<d { minimizer[j] += along * q[j * d + i] }
        }
        if let q {
            return DenseQuadratic(eigenvalues: eigenvalues, rotation: q, minimizer: minimizer, startingPoint: start)
        }
        return AxisAlignedQuadratic(eigenvalues: eigenvalues, minimizer: minimizer, startingPoint: start)
    }
}
