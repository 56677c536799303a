/// Builds the edges of a ``FormulaGradientTape``: walks the program last instruction first (the
/// order of a reverse sweep), emits each instruction's adjoint updates, and folds
/// the adjoints that are known before evaluation (every update into them has a constant local
/// derivative and a known source adjoint) with the same floating-point operations as the sweep.
struct FormulaTapeBuilder {
    typealias Edge = FormulaGradientTape.Edge

    let variableCount: Int
    let instructions: [FormulaProgram.Instruction]
    let slotCount: Int
    /// The value slot holding 1 (after the stored local derivatives and a slot nothing reads); the
    /// adjoint slot holding 1 is `slotCount`.
    var oneSlot = 0
    /// Per instruction, the value slot its stored local derivative goes to, or −1.
    var partialSlot: [Int32]
    var edges: [Edge] = []

    init(variableCount: Int, instructions: [FormulaProgram.Instruction]) {
        self.variableCount = variableCount
        self.instructions = instructions
        slotCount = variableCount + instructions.count
        partialSlot = [Int32](repeating: -1, count: instructions.count)
    }

    /// Where a local derivative comes from: the constant 1 (the scale carries it), a value slot, the
    /// instruction's stored derivative, or one of the two quotient rules.
    enum Partial {
        case one
        case value(Int32)
        case stored
        case divide(by: Int32)
        case quotient(Int32, by: Int32)
        /// The stored a − b² of (a − b²)², then b itself.
        case throughSquare(Int32)
    }

    mutating func buildEdges() {
        let d = variableCount
        var storedCount = 0
        // Whether every update so far into a slot's adjoint is a known constant, and their sum.
        var known = [Bool](repeating: true, count: slotCount)
        var constant = [Double](repeating: 0, count: slotCount)
        constant[slotCount - 1] = 1
        var candidates: [(edge: Edge, folded: Double?)] = []
        for k in stride(from: instructions.count - 1, through: 0, by: -1) {
            let instruction = instructions[k], source = d + k
            let a = instruction.a, b = instruction.b, c = instruction.constant
            var stored: Int32 = -1
            func add(_ target: Int32, _ scale: Double, _ partial: Partial) {
                var edge = Edge(
                    to: target, from: Int32(source), partial: 0, second: 0, scale: scale, initial: 0, kind: .product,
                    first: false)
                if known[source] {
                    // The source adjoint A is known: the edge reads an adjoint of 1 and the scale A·s.
                    edge.from = Int32(slotCount)
                    edge.scale = constant[source] * scale
                }
                var folded: Double? = nil
                switch partial {
                case .one:
                    edge.partial = -1
                    if known[source] { folded = edge.scale }
                case .value(let slot):
                    edge.partial = slot
                case .stored:
                    if stored < 0 {
                        stored = Int32(slotCount + storedCount)
                        storedCount += 1
                    }
                    edge.partial = stored
                case .divide(let by):
                    edge.kind = .divide
                    edge.partial = by
                case .quotient(let q, let by):
                    edge.kind = .quotient
                    edge.partial = q
                    edge.second = by
                case .throughSquare(let b):
                    if stored < 0 {
                        stored = Int32(slotCount + storedCount)
                        storedCount += 1
                    }
                    edge.kind = .throughSquare
                    edge.partial = stored
                    edge.second = b
                }
                if let folded, known[Int(target)] {
                    constant[Int(target)] += folded
                } else {
                    known[Int(target)] = false
                }
                candidates.append((edge, folded))
            }
            switch instruction.operation {
            case .constant: break
            case .add:
                add(a, 1, .one)
                add(b, 1, .one)
            case .subtract:
                add(a, 1, .one)
                add(b, -1, .one)
            case .multiply:
                add(a, 1, .value(b))
                add(b, 1, .value(a))
            case .divide:
                add(a, 1, .divide(by: b))
                add(b, 1, .quotient(Int32(source), by: b))
            case .addConstant: add(a, 1, .one)
            case .constantMinus, .negate: add(a, -1, .one)
            case .multiplyConstant: add(a, c, .one)
            case .divideByConstant: add(a, 1 / c, .one)
            case .square: add(a, 2, .value(a))
            case .squaredDifference:
                add(a, 2, .stored)
                add(b, -2, .stored)
            case .squaredDifferenceOfSquare:
                add(a, 2, .stored)
                add(b, -2, .throughSquare(b))
            case .squaredConstantMinus: add(a, -2, .stored)
            case .multiplyAdd:
                add(a, c, .one)
                add(b, 1, .one)
            default: add(a, 1, .stored)
            }
            partialSlot[k] = stored
        }
        oneSlot = slotCount + storedCount + 1
        var written = [Bool](repeating: false, count: slotCount)
        for (edge, folded) in candidates where folded == nil || !known[Int(edge.to)] {
            var kept = edge
            if kept.partial < 0 { kept.partial = Int32(oneSlot) }
            kept.first = !written[Int(kept.to)]
            written[Int(kept.to)] = true
            edges.append(kept)
        }
        // A variable no update reaches has a known derivative (0, or folded): set it, as 0 + c would.
        for j in 0..<d where !written[j] {
            edges.append(
                Edge(
                    to: Int32(j), from: Int32(slotCount), partial: Int32(oneSlot), second: 0, scale: 0,
                    initial: constant[j], kind: .product, first: true))
        }
    }
}
