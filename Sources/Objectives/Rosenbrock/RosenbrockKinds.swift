import Parameters
import Randomness

extension ProblemKind {
    /// `rosenbrock` (reference §C.1): `d` (2), `variant` (`chained`: scipy `rosen`,
    /// ``ChainedRosenbrock``; `extended`: MGH #21, ``ExtendedRosenbrock``, d even) and `scale`
    /// (1 or ½, extended only). One kind with a `variant` rather than three kinds, because at d = 2
    /// (scale 1) both variants are the classic 2-D function: that case builds the specialised
    /// ``Rosenbrock``, so there is no separate `2d` word whose `d` could contradict it.
    /// Deterministic: draws nothing from the generator.
    public static let rosenbrock = ProblemKind(
        name: "rosenbrock",
        summary:
            "Rosenbrock's banana valley from (−1.2, 1, …): 2-D, chained N-D (scipy rosen) or extended N-D (MGH #21)",
        parameters: rosenbrockParameters,
        make: { parameters, _ in try makeRosenbrock(parameters) })

    static let rosenbrockParameters: [ParameterSpec] = [
        ParameterSpec("d", .integer(minimum: 2), default: .number(2), "dimension (even for extended)"),
        ParameterSpec(
            "variant", .choice(["chained", "extended"]), default: .text("chained"),
            "chained Σ over consecutive pairs (scipy) or extended Σ over disjoint pairs (MGH #21)"),
        ParameterSpec(
            "scale", .number(minimum: 0.5, maximum: 1), default: .number(1),
            "factor in front of the sum: 1 (MGH) or 0.5 (OptimTestProblems.jl); extended only"),
    ]

    static func makeRosenbrock(_ parameters: ParameterSet) throws -> any Objective {
        let reader = try ParameterReader(parameters, specs: rosenbrockParameters)
        let d = try reader.integer("d")
        let variant = try reader.choice("variant")
        let scale = try reader.number("scale")
        guard scale == 1 || scale == 0.5 else {
            throw ParameterError(key: "scale", expected: "1 or 0.5", found: ParameterValue.format(scale))
        }
        if variant == "extended" {
            guard d % 2 == 0 else {
                throw ParameterError(
                    key: "d", expected: "an even whole number for the extended variant", found: String(d))
            }
            return d == 2 && scale == 1 ? Rosenbrock() : ExtendedRosenbrock(dimension: d, scale: scale)
        }
        guard scale == 1 else {
            throw ParameterError(
                key: "scale", expected: "1 for the chained variant (scale is an extended-variant option)",
                found: ParameterValue.format(scale))
        }
        return d == 2 ? Rosenbrock() : ChainedRosenbrock(dimension: d)
    }
}
