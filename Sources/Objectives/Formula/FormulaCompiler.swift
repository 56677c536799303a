import Foundation
import Parameters

/// Turns a parsed formula into a ``FormulaProgram``: names are resolved, `sum over` loops are
/// unrolled for the given dimension, constant subexpressions are folded, and operations with one
/// constant operand become single instructions (`100*u` is one `multiplyConstant`). Bounded by
/// ``maximumInstructions`` so an unrolled sum cannot exhaust memory.
struct FormulaCompiler {
    static let maximumInstructions = 4_000_000

    /// The declared variables: names, or one vector name with d components.
    enum Variables: Sendable, Equatable {
        case named([String])
        case vector(String, dimension: Int)

        var dimension: Int {
            switch self {
            case .named(let names): return names.count
            case .vector(_, let dimension): return dimension
            }
        }
    }

    /// A compiled subexpression: a folded constant or a slot.
    enum Operand {
        case constant(Double)
        case slot(Int32)
    }

    let text: String
    let variables: Variables
    var instructions: [FormulaProgram.Instruction] = []
    var bindings: [String: Double] = [:]

    static func compile(_ text: String, variables: Variables) throws -> FormulaProgram {
        let tree = try FormulaParser.parse(text)
        var compiler = FormulaCompiler(text: text, variables: variables)
        let result = try compiler.compile(tree)
        if case .constant(let value) = result {
            compiler.instructions.append(.init(operation: .constant, a: 0, b: 0, constant: value))
        } else if case .slot(let slot) = result, Int(slot) != variables.dimension + compiler.instructions.count - 1 {
            // f is a variable or an earlier slot: copy it into the output slot.
            compiler.instructions.append(.init(operation: .addConstant, a: slot, b: 0, constant: 0))
        }
        return FormulaPeephole.fuse(
            FormulaProgram(variableCount: variables.dimension, instructions: compiler.instructions))
    }

    func error(_ message: String, _ node: FormulaNode) -> FormulaError {
        FormulaError(message, column: node.column, formula: text)
    }

    mutating func emit(
        _ operation: FormulaProgram.Operation, _ a: Int32, _ b: Int32 = 0, _ constant: Double = 0,
        at node: FormulaNode
    ) throws -> Operand {
        guard instructions.count < FormulaCompiler.maximumInstructions else {
            throw error(
                "the formula compiles to more than \(FormulaCompiler.maximumInstructions) instructions "
                    + "(a sum over too many terms for this dimension)", node)
        }
        instructions.append(.init(operation: operation, a: a, b: b, constant: constant))
        return .slot(Int32(variables.dimension + instructions.count - 1))
    }

    var variableList: String {
        switch variables {
        case .named(let names): return names.joined(separator: ", ")
        case .vector(let name, let d): return "\(name)[1]…\(name)[\(d)]"
        }
    }

    mutating func compile(_ node: FormulaNode) throws -> Operand {
        switch node {
        case .number(let value, _):
            return .constant(value)
        case .name(let name, _):
            if let bound = bindings[name] { return .constant(bound) }
            switch variables {
            case .named(let names):
                if let index = names.firstIndex(of: name) { return .slot(Int32(index)) }
            case .vector(let vector, _):
                if name == vector { throw error("'\(name)' is a vector; write \(name)[i] (1-based)", node) }
            }
            if name == "d" { return .constant(Double(variables.dimension)) }
            if name == "pi" { return .constant(Double.pi) }
            if name == "e" { return .constant(M_E) }
            throw error("unknown name '\(name)'; variables: \(variableList)", node)
        case .component(let name, let indexNode, _):
            guard case .vector(let vector, let d) = variables, vector == name else {
                throw error("'\(name)' is not a vector variable; variables: \(variableList)", node)
            }
            guard case .constant(let index) = try compile(indexNode) else {
                throw error("an index must be a whole number known before evaluation (it uses a variable)", indexNode)
            }
            guard index.rounded() == index, index >= 1, index <= Double(d) else {
                throw error("index \(ParameterValue.format(index)) of \(name) is outside 1..\(d)", indexNode)
            }
            return .slot(Int32(index) - 1)
        case .call(let name, let argumentNode, _):
            guard let function = FormulaFunction(rawValue: name) else {
                throw error("unknown function '\(name)'; known: \(FormulaFunction.names)", node)
            }
            let operation = FormulaCompiler.operation(of: function)
            switch try compile(argumentNode) {
            case .constant(let value):
                let program = FormulaProgram(
                    variableCount: 0,
                    instructions: [
                        .init(operation: .constant, a: 0, b: 0, constant: value),
                        .init(operation: operation, a: 0, b: 0, constant: 0),
                    ])
                return .constant(program.value(at: UnsafeBufferPointer(start: nil, count: 0)))
            case .slot(let slot):
                return try emit(operation, slot, at: node)
            }
        case .negate(let inner, _):
            switch try compile(inner) {
            case .constant(let value): return .constant(-value)
            case .slot(let slot): return try emit(.negate, slot, at: node)
            }
        case .binary(let symbol, let left, let right, _):
            return try binary(symbol, try compile(left), try compile(right), node)
        case .sum(let index, let lowNode, let highNode, let body, _):
            guard case .constant(let low) = try compile(lowNode), low.rounded() == low else {
                throw error("the lower bound of a sum must be a whole number known before evaluation", lowNode)
            }
            guard case .constant(let high) = try compile(highNode), high.rounded() == high else {
                throw error("the upper bound of a sum must be a whole number known before evaluation", highNode)
            }
            guard high - low < Double(FormulaCompiler.maximumInstructions) else {
                throw error(
                    "the sum has \(ParameterValue.format(high - low + 1)) terms; at most "
                        + "\(FormulaCompiler.maximumInstructions) are allowed", node)
            }
            let saved = bindings[index]
            defer { bindings[index] = saved }
            var total: Operand = .constant(0)
            var k = low
            while k <= high {
                bindings[index] = k
                let term = try compile(body)
                total = k == low ? term : try binary("+", total, term, node)
                k += 1
            }
            return total
        }
    }

    mutating func binary(_ symbol: Character, _ left: Operand, _ right: Operand, _ node: FormulaNode) throws -> Operand
    {
        switch (left, right) {
        case (.constant(let a), .constant(let b)):
            switch symbol {
            case "+": return .constant(a + b)
            case "-": return .constant(a - b)
            case "*": return .constant(a * b)
            case "/": return .constant(a / b)
            default: return .constant(pow(a, b))
            }
        case (.slot(let a), .constant(let c)):
            switch symbol {
            case "+": return c == 0 ? left : try emit(.addConstant, a, 0, c, at: node)
            case "-": return c == 0 ? left : try emit(.addConstant, a, 0, -c, at: node)
            case "*": return c == 1 ? left : try emit(.multiplyConstant, a, 0, c, at: node)
            case "/": return c == 1 ? left : try emit(.divideByConstant, a, 0, c, at: node)
            default:
                if c == 1 { return left }
                if c == 2 { return try emit(.square, a, at: node) }
                if c == 0.5 { return try emit(.sqrt, a, at: node) }
                return try emit(.power, a, 0, c, at: node)
            }
        case (.constant(let c), .slot(let b)):
            switch symbol {
            case "+": return c == 0 ? right : try emit(.addConstant, b, 0, c, at: node)
            case "-": return try emit(.constantMinus, b, 0, c, at: node)
            case "*": return c == 1 ? right : try emit(.multiplyConstant, b, 0, c, at: node)
            case "/": return try emit(.constantOver, b, 0, c, at: node)
            default:
                // c^b = exp(b·ln c), c > 0.
                guard c > 0 else { throw error("a power c^u with a variable exponent needs a base c > 0", node) }
                guard case .slot(let scaled) = try emit(.multiplyConstant, b, 0, log(c), at: node) else { return right }
                return try emit(.exp, scaled, at: node)
            }
        case (.slot(let a), .slot(let b)):
            switch symbol {
            case "+": return try emit(.add, a, b, at: node)
            case "-": return try emit(.subtract, a, b, at: node)
            case "*": return try emit(.multiply, a, b, at: node)
            case "/": return try emit(.divide, a, b, at: node)
            default:
                // u^w = exp(w·ln u), defined for u > 0.
                guard case .slot(let logarithm) = try emit(.log, a, at: node),
                    case .slot(let product) = try emit(.multiply, b, logarithm, at: node)
                else { return left }
                return try emit(.exp, product, at: node)
            }
        }
    }

    static func operation(of function: FormulaFunction) -> FormulaProgram.Operation {
        switch function {
        case .sin: return .sin
        case .cos: return .cos
        case .tan: return .tan
        case .exp: return .exp
        case .log: return .log
        case .sqrt: return .sqrt
        case .tanh: return .tanh
        case .sinh: return .sinh
        case .cosh: return .cosh
        case .atan: return .atan
        case .abs: return .abs
        }
    }
}
