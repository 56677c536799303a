import Parameters
import Randomness

extension ProblemKind {
    /// `beale` (MGH #5) from (1, 1). No parameters.
    public static let beale = fixed(
        "beale", "Beale (MGH #5) from (1, 1): flat plateaus and a narrow curved valley to (3, ½), f* = 0", Beale())
    /// `booth` from (0, 0). No parameters.
    public static let booth = fixed(
        "booth", "Booth's quadratic (x+2y−7)² + (2x+y−5)² from (0, 0): κ = 9, minimum (1, 3)", Booth())
    /// `himmelblau` from (2, 2). No parameters.
    public static let himmelblau = fixed(
        "himmelblau", "Himmelblau from (2, 2): four global minima with f* = 0, four saddles, one maximum", Himmelblau())
    /// `six-hump-camel` from (−1, 1). No parameters.
    public static let sixHumpCamel = fixed(
        "six-hump-camel", "six-hump camel from (−1, 1): six local minima, global f* = −1.0316284534898774",
        SixHumpCamel())
    /// `three-hump-camel` from (−1.5, 1.5). No parameters.
    public static let threeHumpCamel = fixed(
        "three-hump-camel", "three-hump camel from (−1.5, 1.5): three local minima, global f* = 0 at the origin",
        ThreeHumpCamel())
    /// `powell-singular` (MGH #13) from (3, −1, 0, 1). No parameters.
    public static let powellSingular = fixed(
        "powell-singular", "Powell's singular function (MGH #13) from (3, −1, 0, 1): singular Hessian at the minimum 0",
        PowellSingular())
    /// `wood` (MGH #14) from (−3, −1, −3, −1). No parameters.
    public static let wood = fixed(
        "wood", "Wood's function (MGH #14) from (−3, −1, −3, −1): minimum (1, 1, 1, 1), f* = 0", Wood())

    /// `styblinski-tang`: `d` (2); start uniform in [−5, 5]ᵈ.
    public static let styblinskiTang = randomStart(
        "styblinski-tang",
        "Styblinski–Tang ½Σ(xᵢ⁴ − 16xᵢ² + 5xᵢ): 2ᵈ local minima, f* = −39.16616570377141·d; random start "
            + "in [−5, 5]ᵈ", bound: 5
    ) { d, start in StyblinskiTang(dimension: d, startingPoint: start) }

    /// `rastrigin`: `d` (2); start uniform in [−5.12, 5.12]ᵈ.
    public static let rastrigin = randomStart(
        "rastrigin",
        "Rastrigin 10d + Σ(xᵢ² − 10cos 2πxᵢ): a lattice of local minima, f* = 0 at 0; random start "
            + "in [−5.12, 5.12]ᵈ", bound: 5.12
    ) { d, start in Rastrigin(dimension: d, startingPoint: start) }

    /// A kind of `d` (2) variables started uniformly in [−bound, bound]ᵈ (d draws of `nextDouble`).
    static func randomStart(
        _ name: String, _ summary: String, bound: Double,
        _ make: @escaping @Sendable (_ d: Int, _ start: [Double]) -> any Objective
    ) -> ProblemKind {
        ProblemKind.reading(name: name, summary: summary, parameters: separableParameters) { reader, generator in
            let d = try reader.integer("d")
            return make(d, (0..<d).map { _ in generator.nextDouble(in: -bound, bound) })
        }
    }

    static let separableParameters = [ParameterSpec("d", .integer(minimum: 1), default: .number(2), "dimension")]

    /// A kind without parameters that always builds `objective` (and draws nothing).
    static func fixed(_ name: String, _ summary: String, _ objective: some Objective) -> ProblemKind {
        ProblemKind.reading(name: name, summary: summary, parameters: []) { _, _ in objective }
    }
}
