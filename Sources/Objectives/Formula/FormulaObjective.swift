/// An objective written as a formula (``FormulaProgram``): f, ∇f and ∇²f·v exact by automatic
/// differentiation of the compiled program, never by finite differences. The dense Hessian is
/// assembled from d Hessian-vector products (the protocol default).
///
/// Everything is kept in one immutable shared object, so a copy of the objective (each closure or
/// generic context that holds one) costs one reference count, not one per string and array.
public struct FormulaObjective: Objective {
    final class Storage: Sendable {
        let formula: String
        let variableNames: [String]
        let program: FormulaProgram
        let startingPoint: [Double]
        let constants: ObjectiveConstants
        let optimumSource: String

        init(
            formula: String, variableNames: [String], program: FormulaProgram, startingPoint: [Double],
            constants: ObjectiveConstants, optimumSource: String
        ) {
            self.formula = formula
            self.variableNames = variableNames
            self.program = program
            self.startingPoint = startingPoint
            self.constants = constants
            self.optimumSource = optimumSource
        }
    }

    let storage: Storage

    public var formula: String { storage.formula }
    /// Variable names, or one vector name (then ``dimension`` components x[1]…x[d]).
    public var variableNames: [String] { storage.variableNames }
    public var program: FormulaProgram { storage.program }
    public var startingPoint: [Double] { storage.startingPoint }
    public var constants: ObjectiveConstants { storage.constants }
    /// Where f* comes from, in words: "given", "f at the given minimiser", "Newton from 8 starts, …"
    /// or why it is unknown.
    public var optimumSource: String { storage.optimumSource }

    /// Compiles `formula`. `variables` are the names of the scalar variables, or, with `dimension`,
    /// the single name of a vector variable x[1…d]. Throws ``FormulaError`` naming the column.
    public init(formula: String, variables: [String], dimension: Int? = nil) throws {
        let declared: FormulaCompiler.Variables
        if let dimension {
            declared = .vector(variables.first ?? "x", dimension: dimension)
        } else {
            declared = .named(variables)
        }
        storage = Storage(
            formula: formula, variableNames: variables,
            program: try FormulaCompiler.compile(formula, variables: declared),
            startingPoint: [Double](repeating: 0, count: declared.dimension), constants: ObjectiveConstants(),
            optimumSource: "unknown")
    }

    /// The same formula with another start and known constants.
    public func with(start: [Double], constants: ObjectiveConstants, optimumSource: String) -> FormulaObjective {
        FormulaObjective(
            storage: Storage(
                formula: formula, variableNames: variableNames, program: program, startingPoint: start,
                constants: constants, optimumSource: optimumSource))
    }

    init(storage: Storage) { self.storage = storage }

    public var dimension: Int { storage.program.variableCount }

    public func value(at x: [Double]) -> Double {
        precondition(x.count == dimension, "FormulaObjective: x has \(x.count) entries, expected \(dimension)")
        return x.withUnsafeBufferPointer { storage.program.value(at: $0) }
    }

    public func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
        precondition(x.count == dimension && gradient.count == dimension, "FormulaObjective: wrong vector length")
        return x.withUnsafeBufferPointer { point in
            gradient.withUnsafeMutableBufferPointer { storage.program.evaluate(at: point, gradient: $0) }
        }
    }

    public func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double]) {
        precondition(
            x.count == dimension && v.count == dimension && result.count == dimension,
            "FormulaObjective: wrong vector length")
        x.withUnsafeBufferPointer { point in
            v.withUnsafeBufferPointer { direction in
                result.withUnsafeMutableBufferPointer {
                    storage.program.hessianVectorProduct(at: point, vector: direction, result: $0)
                }
            }
        }
    }
}
