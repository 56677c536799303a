import Objectives
import Parameters

/// The Armijo line-search parameters several kinds share.
extension MethodCatalog {
    static let c1Spec = ParameterSpec(
        "c1", .number(minimum: 0, maximum: 1, minimumIsOpen: true, maximumIsOpen: true), default: .number(1e-4),
        "Armijo sufficient-decrease constant c₁")
    static let rhoSpec = ParameterSpec(
        "rho", .number(minimum: 0, maximum: 1, minimumIsOpen: true, maximumIsOpen: true), default: .number(0.5),
        "backtracking contraction factor ρ")
    static let maxBacktracksSpec = ParameterSpec(
        "max-backtracks", .integer(minimum: 1), default: .number(60),
        "backtracks before the search gives up (the method then stalls)")

    static func armijo(_ reader: ParameterReader) throws -> ArmijoBacktracking {
        ArmijoBacktracking(
            sufficientDecrease: try reader.number("c1"),
            contraction: try reader.number("rho"),
            maxBacktracks: try reader.integer("max-backtracks"))
    }
}
