/// An objective written as a formula (``FormulaProgram``): f, ∇f and ∇²f·v exact by automatic
/// differentiation of the compiled program, never by finite differences. The dense Hessian is
/// assembled from d Hessian-vector products (the protocol default).
public struct FormulaObjective: Objective {
    public let formula: String
    /// Variable names, or one vector name (then ``dimension`` components x[1]…x[d]).
    public let variableNames: [String]
    public let program: FormulaProgram
    public let startingPoint: [Double]
    public let constants: ObjectiveConstants
    /// Where f* comes from, in words: "given", "f at the given minimiser", "Newton from 8 starts, …"
    /// or why it is unknown.
    public let optimumSource: String

    /// Compiles `formula`. `variables` are the names of the scalar variables, or, with `dimension`,
    /// the single name of a vector variable x[1…d]. Throws ``FormulaError`` naming the column.
    public init(formula: String, variables: [String], dimension: Int? = nil) throws {
        let declared: FormulaCompiler.Variables
        if let dimension {
            declared = .vector(variables.first ?? "x", dimension: dimension)
        } else {
            declared = .named(variables)
        }
        program = try FormulaCompiler.compile(formula, variables: declared)
        self.formula = formula
        variableNames = variables
        startingPoint = [Double](repeating: 0, count: declared.dimension)
        constants = ObjectiveConstants()
        optimumSource = "unknown"
    }

    init(_ base: FormulaObjective, start: [Double], constants: ObjectiveConstants, optimumSource: String) {
        formula = base.formula
        variableNames = base.variableNames
        program = base.program
        startingPoint = start
        self.constants = constants
        self.optimumSource = optimumSource
    }

    /// The same formula with another start and known constants.
    public func with(start: [Double], constants: ObjectiveConstants, optimumSource: String) -> FormulaObjective {
        FormulaObjective(self, start: start, constants: constants, optimumSource: optimumSource)
    }

    public var dimension: Int { program.variableCount }

    public func value(at x: [Double]) -> Double {
        precondition(x.count == dimension, "FormulaObjective: x has \(x.count) entries, expected \(dimension)")
        return x.withUnsafeBufferPointer { program.value(at: $0) }
    }

    public func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
        precondition(x.count == dimension && gradient.count == dimension, "FormulaObjective: wrong vector length")
        return x.withUnsafeBufferPointer { point in
            gradient.withUnsafeMutableBufferPointer { program.evaluate(at: point, gradient: $0) }
        }
    }

    public func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double]) {
        precondition(
            x.count == dimension && v.count == dimension && result.count == dimension,
            "FormulaObjective: wrong vector length")
        x.withUnsafeBufferPointer { point in
            v.withUnsafeBufferPointer { direction in
                result.withUnsafeMutableBufferPointer {
                    program.hessianVectorProduct(at: point, vector: direction, result: $0)
                }
            }
        }
    }
}
