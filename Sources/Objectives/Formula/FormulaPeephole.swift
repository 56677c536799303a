/// Fuses pairs of instructions of a ``FormulaProgram`` whose first result has exactly one use, the
/// second instruction (a peephole pass on the Wengert list; fewer dispatches per evaluation):
///
/// - (a − b)² → `squaredDifference`, (c − a)² → `squaredConstantMinus`,
/// - a·c + b and b + a·c → `multiplyAdd`,
/// - for the gradient tape only (``fuseSquares(variableCount:_:)``): (a − b²)², the square computed by
///   the instruction just before → `squaredDifferenceOfSquare` (adjacent, so that no other adjoint
///   update into b falls between the two in the reverse sweep).
///
/// Each fused instruction performs the same floating-point operations in the same order as the pair,
/// so f is bitwise unchanged; derivatives are the same exact expressions, their adjoints possibly
/// accumulated in another order (a difference of rounding only). The 2-D Rosenbrock formula
/// `100*(y - x^2)^2 + (1 - x)^2` goes from 7 instructions to 4 (3 in the gradient tape).
enum FormulaPeephole {
    static func fuse(_ program: FormulaProgram) -> FormulaProgram {
        typealias Operation = FormulaProgram.Operation
        let d = program.variableCount
        let instructions = program.instructions
        var uses = [Int](repeating: 0, count: d + instructions.count)
        for instruction in instructions {
            switch instruction.operation {
            case .constant: break
            case .add, .subtract, .multiply, .divide, .squaredDifference, .multiplyAdd:
                uses[Int(instruction.a)] += 1
                uses[Int(instruction.b)] += 1
            default: uses[Int(instruction.a)] += 1
            }
        }
        /// The instruction index behind a slot when it is an instruction used once.
        func single(_ slot: Int32) -> Int? {
            let index = Int(slot) - d
            return index >= 0 && uses[Int(slot)] == 1 ? index : nil
        }
        var absorbed = [Bool](repeating: false, count: instructions.count)
        var partner = [Int?](repeating: nil, count: instructions.count)
        for (k, instruction) in instructions.enumerated() {
            switch instruction.operation {
            case .square:
                if let j = single(instruction.a), !absorbed[j],
                    instructions[j].operation == .subtract || instructions[j].operation == .constantMinus
                {
                    partner[k] = j
                    absorbed[j] = true
                }
            case .add:
                for slot in [instruction.a, instruction.b] {
                    if let j = single(slot), !absorbed[j], instructions[j].operation == .multiplyConstant {
                        partner[k] = j
                        absorbed[j] = true
                        break
                    }
                }
            default: break
            }
        }
        var newSlot = [Int32](repeating: -1, count: d + instructions.count)
        for j in 0..<d { newSlot[j] = Int32(j) }
        var fused: [FormulaProgram.Instruction] = []
        fused.reserveCapacity(instructions.count)
        for (k, instruction) in instructions.enumerated() where !absorbed[k] {
            var next = instruction
            next.a = newSlot[Int(instruction.a)] < 0 ? 0 : newSlot[Int(instruction.a)]
            next.b = newSlot[Int(instruction.b)] < 0 ? 0 : newSlot[Int(instruction.b)]
            if let j = partner[k] {
                let inner = instructions[j]
                let innerA = newSlot[Int(inner.a)], innerB = newSlot[Int(inner.b)]
                switch (instruction.operation, inner.operation) {
                case (.square, .subtract):
                    next = .init(operation: .squaredDifference, a: innerA, b: innerB, constant: 0)
                case (.square, _):
                    next = .init(operation: .squaredConstantMinus, a: innerA, b: 0, constant: inner.constant)
                default:
                    // add(m, other) or add(other, m) with m = inner·c.
                    let other = Int(instruction.a) == d + j ? instruction.b : instruction.a
                    next = .init(operation: .multiplyAdd, a: innerA, b: newSlot[Int(other)], constant: inner.constant)
                }
            }
            fused.append(next)
            newSlot[d + k] = Int32(d + fused.count - 1)
        }
        return FormulaProgram(variableCount: d, instructions: fused)
    }

    /// `squaredDifference(a, s)` right after `s = square(b)`, s used once → `squaredDifferenceOfSquare(a, b)`.
    /// Only the gradient tape runs this fusion: f and the Hessian-vector sweeps keep the two instructions,
    /// so their results stay those of the unfused program bit for bit.
    static func fuseSquares(
        variableCount d: Int, _ instructions: [FormulaProgram.Instruction]
    ) -> [FormulaProgram.Instruction] {
        var uses = [Int](repeating: 0, count: d + instructions.count)
        for instruction in instructions where instruction.operation != .constant {
            uses[Int(instruction.a)] += 1
            if FormulaProgram.isBinary(instruction.operation) { uses[Int(instruction.b)] += 1 }
        }
        var newSlot = [Int32](repeating: -1, count: d + instructions.count)
        for j in 0..<d { newSlot[j] = Int32(j) }
        var fused: [FormulaProgram.Instruction] = []
        fused.reserveCapacity(instructions.count)
        var k = 0
        while k < instructions.count {
            let instruction = instructions[k]
            if instruction.operation == .square, k + 1 < instructions.count, uses[d + k] == 1,
                instructions[k + 1].operation == .squaredDifference, Int(instructions[k + 1].b) == d + k,
                Int(instructions[k + 1].a) != d + k
            {
                let next = instructions[k + 1]
                fused.append(
                    .init(
                        operation: .squaredDifferenceOfSquare, a: newSlot[Int(next.a)], b: newSlot[Int(instruction.a)],
                        constant: 0))
                newSlot[d + k + 1] = Int32(d + fused.count - 1)
                k += 2
                continue
            }
            var next = instruction
            next.a = newSlot[Int(instruction.a)] < 0 ? 0 : newSlot[Int(instruction.a)]
            next.b = newSlot[Int(instruction.b)] < 0 ? 0 : newSlot[Int(instruction.b)]
            fused.append(next)
            newSlot[d + k] = Int32(d + fused.count - 1)
            k += 1
        }
        return fused
    }
}
