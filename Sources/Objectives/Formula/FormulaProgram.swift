#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A compiled formula: a flat list of instructions in evaluation order (a Wengert list), each
/// writing one slot. Slots 0..<d hold the variables; instruction k writes slot d + k; the last
/// instruction's slot is f. Evaluation is one loop over the list; derivatives are exact, by
/// automatic differentiation on the same list (Griewank & Walther, "Evaluating Derivatives", 2nd ed.,
/// SIAM 2008): the gradient by one reverse sweep (§3.2), Hessian-vector products by forward-over-reverse
/// (a tangent forward sweep, then a reverse sweep of adjoints and their tangents, §5.2).
///
/// Scratch slots live in a stack allocation per call (`withUnsafeTemporaryAllocation`), so a program
/// is an immutable object that many threads may evaluate at once (a class, so that holding or copying
/// one costs a single reference count).
public final class FormulaProgram: Sendable {
    /// What an instruction computes from slots `a`, `b` and the number `constant`.
    enum Operation: UInt8, Sendable {
        case constant // c
        case add, subtract, multiply, divide // a ∘ b
        case addConstant // a + c
        case multiplyConstant // a · c
        case divideByConstant // a / c
        case constantMinus // c − a
        case constantOver // c / a
        case negate, square
        case power // a^c, c a constant
        case sin, cos, tan, exp, log, sqrt, tanh, sinh, cosh, atan, abs
        // Fused by ``FormulaPeephole`` (same roundings as the unfused instructions):
        case squaredDifference // (a − b)²
        case squaredDifferenceOfSquare // (a − b·b)², in the gradient tape only
        case squaredConstantMinus // (c − a)²
        case multiplyAdd // a·c + b
    }

    struct Instruction: Sendable {
        var operation: Operation
        var a: Int32
        var b: Int32
        var constant: Double
    }

    /// d.
    public let variableCount: Int
    let instructions: [Instruction]
    /// The reverse sweep compiled to adjoint updates (what ``evaluate(at:gradient:)`` runs).
    let tape: FormulaGradientTape

    init(variableCount: Int, instructions: [Instruction]) {
        self.variableCount = variableCount
        self.instructions = instructions
        precondition(
            !instructions.contains { $0.operation == .squaredDifferenceOfSquare },
            "FormulaProgram: squaredDifferenceOfSquare belongs to the gradient tape only")
        tape = FormulaGradientTape(
            variableCount: variableCount,
            instructions: FormulaPeephole.fuseSquares(variableCount: variableCount, instructions))
    }

    /// Instructions executed per evaluation.
    public var instructionCount: Int { instructions.count }
    var slotCount: Int { variableCount + instructions.count }

    /// f(x).
    public func value(at x: UnsafeBufferPointer<Double>) -> Double {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: slotCount) { slots in
            forward(x, slots.baseAddress!)
        }
    }

    /// f(x), and ∇f(x) into `gradient` (length d).
    public func evaluate(at x: UnsafeBufferPointer<Double>, gradient: UnsafeMutableBufferPointer<Double>) -> Double {
        tape.evaluate(at: x, gradient: gradient)
    }

    /// ∇²f(x)·v into `result` (length d), by forward-over-reverse.
    public func hessianVectorProduct(
        at x: UnsafeBufferPointer<Double>, vector v: UnsafeBufferPointer<Double>,
        result: UnsafeMutableBufferPointer<Double>
    ) {
        let count = slotCount
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 4 * count) { scratch in
            let values = scratch.baseAddress!, tangents = values + count
            let adjoints = tangents + count, adjointTangents = adjoints + count
            _ = forward(x, values)
            for j in 0..<variableCount { tangents[j] = v[j] }
            tangentSweep(values, tangents)
            reverseWithTangents(values, tangents, adjoints, adjointTangents)
            for j in 0..<variableCount { result[j] = adjointTangents[j] }
        }
    }

    @inline(__always)
    func forward(_ x: UnsafeBufferPointer<Double>, _ slots: UnsafeMutablePointer<Double>) -> Double {
        let d = variableCount
        for j in 0..<d { slots[j] = x[j] }
        instructions.withUnsafeBufferPointer { program in
            var out = slots + d
            var unused = 0.0
            for instruction in program {
                out.pointee = Self.forwardStep(
                    instruction.operation, slots[Int(instruction.a)], instruction.b, instruction.constant, slots,
                    storingPartial: false, partial: &unused)
                out += 1
            }
        }
        return slots[slotCount - 1]
    }

    /// One instruction of the forward sweep: its value from `a` (the value of its slot a), slot `b` of
    /// `slots` (read by binary instructions only) and the number `c`; with `storingPartial`, also the local
    /// derivative that ``FormulaGradientTape``'s edges read into `partial` (left alone where they read
    /// none). The value sweep and the tape's forward loop both run this one switch; inlined with a constant
    /// `storingPartial`, the value sweep computes no derivative.
    @inline(__always)
    static func forwardStep(
        _ operation: Operation, _ a: Double, _ b: Int32, _ c: Double, _ slots: UnsafeMutablePointer<Double>,
        storingPartial: Bool, partial: inout Double
    ) -> Double {
        switch operation {
        case .constant: return c
        case .add: return a + slots[Int(b)]
        case .subtract: return a - slots[Int(b)]
        case .multiply: return a * slots[Int(b)]
        case .divide: return a / slots[Int(b)]
        case .addConstant: return a + c
        case .multiplyConstant: return a * c
        case .divideByConstant: return a / c
        case .constantMinus: return c - a
        case .negate: return -a
        case .square: return a * a
        case .squaredDifference:
            let difference = a - slots[Int(b)]
            if storingPartial { partial = difference }
            return difference * difference
        case .squaredDifferenceOfSquare:
            let inner = slots[Int(b)]
            let difference = a - inner * inner
            if storingPartial { partial = difference }
            return difference * difference
        case .squaredConstantMinus:
            let difference = c - a
            if storingPartial { partial = difference }
            return difference * difference
        case .multiplyAdd: return a * c + slots[Int(b)]
        default:
            let value = apply(operation, a, c)
            if storingPartial { partial = derivatives(operation, a, value, c).0 }
            return value
        }
    }

    /// The value of a one-argument instruction (a power or a function) at its argument `a`.
    @inline(__always)
    static func apply(_ operation: Operation, _ a: Double, _ c: Double) -> Double {
        switch operation {
        case .power: return pow(a, c)
        case .sin: return sin(a)
        case .cos: return cos(a)
        case .tan: return tan(a)
        case .exp: return exp(a)
        case .log: return log(a)
        case .sqrt: return a.squareRoot()
        case .tanh: return tanh(a)
        case .sinh: return sinh(a)
        case .cosh: return cosh(a)
        case .atan: return atan(a)
        case .abs: return Swift.abs(a)
        case .constantOver: return c / a
        case .divideByConstant: return a / c
        default: preconditionFailure("FormulaProgram.apply: \(operation) is not a one-argument function")
        }
    }

    /// Whether an instruction reads slot `b`.
    static func isBinary(_ operation: Operation) -> Bool {
        switch operation {
        case .add, .subtract, .multiply, .divide, .squaredDifference, .squaredDifferenceOfSquare, .multiplyAdd:
            return true
        default: return false
        }
    }

    /// First and second derivative of a one-argument instruction at its argument `a`, given its value.
    @inline(__always)
    static func derivatives(_ operation: Operation, _ a: Double, _ value: Double, _ c: Double) -> (Double, Double) {
        switch operation {
        case .addConstant, .constantMinus, .negate, .multiplyConstant, .divideByConstant:
            return (
                operation == .constantMinus || operation == .negate
                    ? -1
                    : operation == .multiplyConstant ? c : operation == .divideByConstant ? 1 / c : 1, 0
            )
        case .constantOver: return (-value / a, 2 * value / (a * a))
        case .square: return (2 * a, 2)
        case .power: return (c * pow(a, c - 1), c * (c - 1) * pow(a, c - 2))
        case .sin: return (cos(a), -value)
        case .cos: return (-sin(a), -value)
        case .tan: return (1 + value * value, 2 * value * (1 + value * value))
        case .exp: return (value, value)
        case .log: return (1 / a, -1 / (a * a))
        case .sqrt: return (0.5 / value, -0.25 / (value * a))
        case .tanh: return (1 - value * value, -2 * value * (1 - value * value))
        case .sinh: return (cosh(a), value)
        case .cosh: return (sinh(a), value)
        case .atan: return (1 / (1 + a * a), -2 * a / ((1 + a * a) * (1 + a * a)))
        case .abs: return (a < 0 ? -1 : 1, 0)
        case .squaredConstantMinus: return (-2 * (c - a), 2)
        case .constant, .add, .subtract, .multiply, .divide, .squaredDifference, .squaredDifferenceOfSquare,
            .multiplyAdd:
            return (0, 0)
        }
    }

    /// Directional derivatives of every slot along the tangents of the variables (set by the caller).
    func tangentSweep(_ values: UnsafeMutablePointer<Double>, _ tangents: UnsafeMutablePointer<Double>) {
        let d = variableCount
        instructions.withUnsafeBufferPointer { program in
            for (k, instruction) in program.enumerated() {
                let ia = Int(instruction.a), ib = Int(instruction.b)
                let result: Double
                switch instruction.operation {
                case .constant: result = 0
                case .add: result = tangents[ia] + tangents[ib]
                case .subtract: result = tangents[ia] - tangents[ib]
                case .multiply: result = tangents[ia] * values[ib] + values[ia] * tangents[ib]
                case .divide: result = (tangents[ia] - values[d + k] * tangents[ib]) / values[ib]
                case .squaredDifference: result = 2 * (values[ia] - values[ib]) * (tangents[ia] - tangents[ib])
                case .multiplyAdd: result = tangents[ia] * instruction.constant + tangents[ib]
                default:
                    let (first, _) = Self.derivatives(
                        instruction.operation, values[ia], values[d + k], instruction.constant)
                    result = first * tangents[ia]
                }
                tangents[d + k] = result
            }
        }
    }

    /// The reverse sweep with tangents: `adjointTangents` ends as ∇²f·v in its first d slots.
    func reverseWithTangents(
        _ values: UnsafeMutablePointer<Double>, _ tangents: UnsafeMutablePointer<Double>,
        _ adjoints: UnsafeMutablePointer<Double>, _ adjointTangents: UnsafeMutablePointer<Double>
    ) {
        let d = variableCount, count = slotCount
        adjoints.initialize(repeating: 0, count: count)
        adjointTangents.initialize(repeating: 0, count: count)
        adjoints[count - 1] = 1
        instructions.withUnsafeBufferPointer { program in
            var k = program.count
            while k > 0 {
                k -= 1
                let instruction = program[k]
                let w = adjoints[d + k], wDot = adjointTangents[d + k]
                let ia = Int(instruction.a), ib = Int(instruction.b)
                switch instruction.operation {
                case .constant: break
                case .add:
                    adjoints[ia] += w
                    adjoints[ib] += w
                    adjointTangents[ia] += wDot
                    adjointTangents[ib] += wDot
                case .subtract:
                    adjoints[ia] += w
                    adjoints[ib] -= w
                    adjointTangents[ia] += wDot
                    adjointTangents[ib] -= wDot
                case .multiply:
                    let a = values[ia], b = values[ib]
                    adjoints[ia] += w * b
                    adjoints[ib] += w * a
                    adjointTangents[ia] += wDot * b + w * tangents[ib]
                    adjointTangents[ib] += wDot * a + w * tangents[ia]
                case .divide:
                    // q = a/b: ∂q/∂a = 1/b, ∂q/∂b = −q/b.
                    let b = values[ib], q = values[d + k], bDot = tangents[ib], qDot = tangents[d + k]
                    adjoints[ia] += w / b
                    adjoints[ib] -= w * q / b
                    adjointTangents[ia] += wDot / b - w * bDot / (b * b)
                    adjointTangents[ib] -= wDot * q / b + w * (qDot * b - q * bDot) / (b * b)
                case .squaredDifference:
                    // v = (a − b)²: ∂v/∂a = 2(a − b) = −∂v/∂b.
                    let slope = 2 * (values[ia] - values[ib])
                    let slopeDot = 2 * (tangents[ia] - tangents[ib])
                    adjoints[ia] += w * slope
                    adjoints[ib] -= w * slope
                    adjointTangents[ia] += wDot * slope + w * slopeDot
                    adjointTangents[ib] -= wDot * slope + w * slopeDot
                case .multiplyAdd:
                    let c = instruction.constant
                    adjoints[ia] += w * c
                    adjoints[ib] += w
                    adjointTangents[ia] += wDot * c
                    adjointTangents[ib] += wDot
                default:
                    let (first, second) = Self.derivatives(
                        instruction.operation, values[ia], values[d + k], instruction.constant)
                    adjoints[ia] += w * first
                    adjointTangents[ia] += wDot * first + w * second * tangents[ia]
                }
            }
        }
    }
}
