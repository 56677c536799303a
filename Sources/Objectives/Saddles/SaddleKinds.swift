import Parameters
import Randomness

extension ProblemKind {
    /// `double-well`: ½a·x² + ¼y⁴ − ½y² (``DoubleWell``), start at distance `start-distance` (1e-3)
    /// from the saddle (0, 0) in a uniform direction (one draw of `nextUnitVector`).
    public static let doubleWell = ProblemKind.reading(
        name: "double-well",
        summary: "½a·x² + ¼y⁴ − ½y²: strict saddle at 0 (value 0), minima (0, ±1) with f* = −¼; start near the saddle",
        parameters: doubleWellParameters,
        make: { reader, generator in
            let curvature = try reader.number("x-curvature")
            let start = try startNearOrigin(reader, dimension: 2, &generator)
            return DoubleWell(curvature: curvature, startingPoint: start)
        })

    /// `monkey-saddle`: x³ − 3xy² + c(x² + y²)² (``MonkeySaddle``), start at distance
    /// `start-distance` (1e-3) from the degenerate saddle at 0 in a uniform direction.
    public static let monkeySaddle = ProblemKind.reading(
        name: "monkey-saddle",
        summary:
            "x³ − 3xy² + c(x²+y²)²: degenerate saddle at 0 (zero Hessian), f* = −27/(256c³); start near the saddle",
        parameters: monkeySaddleParameters,
        make: { reader, generator in
            let bowl = try reader.number("bowl")
            let start = try startNearOrigin(reader, dimension: 2, &generator)
            return MonkeySaddle(bowl: bowl, startingPoint: start)
        })

    /// `index-saddle`: ½Σλᵢyᵢ² + ¼Σ_{λᵢ<0}yᵢ⁴, y = Qᵀx (``IndexSaddle``): `d` (10), `index` k (1):
    /// λ₁ … λ_k = −`negative-curvature` (1), the others `positive-curvature` (1); `rotation`
    /// (`none` | `random`, Haar); start at distance `start-distance` (1e-3) from the saddle at 0.
    /// Draws Q (if random), then the start direction.
    public static let indexSaddle = ProblemKind.reading(
        name: "index-saddle",
        summary: "½Σλᵢyᵢ² + ¼Σ_{λᵢ<0}yᵢ⁴ (y = Qᵀx): saddle of index k at 0, f* = −k·m²/4; start near the saddle",
        parameters: indexSaddleParameters,
        make: { reader, generator in
            let d = try reader.integer("d")
            let index = try reader.integer("index")
            guard index <= d else {
                throw ParameterError(
                    key: "index", expected: "a whole number between 1 and d = \(d)", found: String(index))
            }
            let negative = try reader.number("negative-curvature")
            let positive = try reader.number("positive-curvature")
            let rotation = try reader.choice("rotation")
            if rotation == "random" {
                try InstanceLimits.checkDense(dimension: d)
            }
            let eigenvalues = (0..<d).map { $0 < index ? -negative : positive }
            let q = rotation == "random" ? RandomOrthogonalMatrix.make(dimension: d, using: &generator) : nil
            let start = try startNearOrigin(reader, dimension: d, &generator)
            return IndexSaddle(eigenvalues: eigenvalues, rotation: q, startingPoint: start)
        })

    static let doubleWellParameters: [ParameterSpec] = [
        ParameterSpec(
            "x-curvature", .number(minimum: 0, maximum: nil, minimumIsOpen: true), default: .number(1),
            "a, the curvature along x (2 gives x² + y⁴/4 − y²/2)"),
        startDistanceSpec,
    ]

    static let monkeySaddleParameters: [ParameterSpec] = [
        ParameterSpec(
            "bowl", .number(minimum: 0, maximum: nil, minimumIsOpen: true), default: .number(1),
            "c, the weight of the quartic bowl that bounds f below"),
        startDistanceSpec,
    ]

    static let indexSaddleParameters: [ParameterSpec] = [
        ParameterSpec("d", .integer(minimum: 1), default: .number(10), "dimension"),
        ParameterSpec(
            "index", .integer(minimum: 1), default: .number(1), "k, the number of negative eigenvalues (≤ d)"),
        ParameterSpec(
            "negative-curvature", .number(minimum: 0, maximum: nil, minimumIsOpen: true), default: .number(1),
            "m: the negative eigenvalues are −m"),
        ParameterSpec(
            "positive-curvature", .number(minimum: 0, maximum: nil, minimumIsOpen: true), default: .number(1),
            "the other d − k eigenvalues"),
        ParameterSpec("rotation", .choice(["none", "random"]), default: .text("none"), "axis-aligned or Haar-rotated"),
        startDistanceSpec,
    ]

    static let startDistanceSpec = ParameterSpec(
        "start-distance", .number(minimum: 0, maximum: nil, minimumIsOpen: true), default: .number(1e-3),
        "distance of the start from the saddle (uniform direction)")

    /// r·u with r = `start-distance` and u uniform on the unit sphere.
    static func startNearOrigin(_ reader: ParameterReader, dimension: Int, _ generator: inout Xoshiro256StarStar) throws
        -> [Double]
    {
        let radius = try reader.number("start-distance")
        return generator.nextUnitVector(dimension: dimension).map { radius * $0 }
    }
}
