#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The reverse sweep of a ``FormulaProgram`` compiled ahead of time into a list of adjoint updates
/// ("edges"), so that ∇f costs one forward loop and one branch-free loop, never a dispatch per
/// instruction on the way back (Griewank & Walther, "Evaluating Derivatives", 2nd ed., SIAM 2008, §3.2,
/// the reverse sweep as a sequence of incremental adjoint updates).
///
/// - The forward loop stores the local derivatives the edges need (a − b of (a − b)², cos a of sin a,
///   …) beside the values.
/// - Each edge is `adjoint[to] += (adjoint[from]·scale)·partial`; adjoints known before evaluation
///   (those fed only by constant local derivatives, such as the 100 of `100*u`) are folded at build
///   time with the same operations, and their edges read an adjoint of 1 with the folded scale.
///
/// The updates into one adjoint run in reverse instruction order, and each performs the operations of
/// the textbook rule for its instruction (for v = (a − b)²: ā += (v̄·2)·(a − b), b̄ −= (v̄·2)·(a − b));
/// the extra factors 1 and the sign changes are exact, so folding changes no bit.
struct FormulaGradientTape: Sendable {
    /// One forward step: `value[out] = operation(value[a], value[b], constant)`, and the local
    /// derivative the edges read into `value[partial]` (a slot nothing reads when none does).
    struct Step: Sendable {
        var operation: FormulaProgram.Operation
        var a: Int32
        var b: Int32
        var out: Int32
        var partial: Int32
        var constant: Double
    }

    /// `adjoint[to] += (adjoint[from]·scale)·value[partial]` (kind product), or the two adjoint updates
    /// of a quotient q = a/b: `adjoint[to] += (adjoint[from]·scale)/value[partial]` (divide) and
    /// `adjoint[to] −= ((adjoint[from]·scale)·value[partial])/value[second]` (quotient), or for b of
    /// (a − b²)², through the square's adjoint s̄ = 0 + (adjoint[from]·scale)·value[partial]:
    /// `adjoint[to] += (s̄·2)·value[second]` (throughSquare, the unfused instructions' operations). The first
    /// update into an adjoint starts from `initial` (0, or the folded constant) instead of reading it.
    struct Edge: Sendable {
        enum Kind: UInt8, Sendable { case product, divide, quotient, throughSquare }
        var to: Int32
        var from: Int32
        var partial: Int32
        var second: Int32
        var scale: Double
        var initial: Double
        var kind: Kind
        var first: Bool
    }

    let variableCount: Int
    /// Value slots: the program's slots, the stored local derivatives, a slot nothing reads, one holding 1.
    let valueCount: Int
    let steps: [Step]
    /// The updates into instruction slots (adjoints in scratch), then those into the variables
    /// (written straight into the gradient; a variable's adjoint feeds nothing, so they can go last).
    let edges: [Edge]
    let variableEdges: [Edge]
    /// Adjoint slots in scratch: the program's slots and a last one holding 1.
    let adjointCount: Int
    /// The program's output slot (f).
    let output: Int

    init(variableCount d: Int, instructions: [FormulaProgram.Instruction]) {
        let slots = d + instructions.count
        var builder = FormulaTapeBuilder(variableCount: d, instructions: instructions)
        builder.buildEdges()
        var steps: [Step] = []
        steps.reserveCapacity(instructions.count)
        for (k, instruction) in instructions.enumerated() {
            steps.append(
                Step(
                    operation: instruction.operation, a: instruction.a, b: instruction.b, out: Int32(d + k),
                    partial: builder.partialSlot[k] < 0 ? Int32(builder.oneSlot - 1) : builder.partialSlot[k],
                    constant: instruction.constant))
        }
        variableCount = d
        valueCount = builder.oneSlot + 1
        self.steps = steps
        edges = builder.edges.filter { $0.to >= d }
        variableEdges = builder.edges.filter { $0.to < d }
        adjointCount = slots + 1
        output = slots - 1
    }

    /// ∇f(x) into `gradient`; returns f(x).
    @inline(__always)
    func evaluate(
        at x: UnsafeBufferPointer<Double>, gradient: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        let count = valueCount + adjointCount
        // A fixed size for small programs: a plain stack slot, no size check per call.
        if count <= 64 {
            return withUnsafeTemporaryAllocation(of: Double.self, capacity: 64) { scratch in
                run(x, gradient.baseAddress!, scratch.baseAddress!)
            }
        }
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: count) { scratch in
            run(x, gradient.baseAddress!, scratch.baseAddress!)
        }
    }

    @inline(__always)
    func run(
        _ x: UnsafeBufferPointer<Double>, _ gradient: UnsafeMutablePointer<Double>,
        _ values: UnsafeMutablePointer<Double>
    ) -> Double {
        let adjoints = values + valueCount
        Self.copy(x.baseAddress!, to: values, count: variableCount)
        values[valueCount - 1] = 1
        adjoints[adjointCount - 1] = 1
        forward(values)
        Self.sweep(edges, values, adjoints, into: adjoints)
        Self.sweep(variableEdges, values, adjoints, into: gradient)
        return values[output]
    }

    /// `count` doubles; the usual sizes (d ≤ 4) without a call to memcpy.
    @inline(__always)
    static func copy(_ source: UnsafePointer<Double>, to target: UnsafeMutablePointer<Double>, count: Int) {
        switch count {
        case 1: target[0] = source[0]
        case 2:
            target[0] = source[0]
            target[1] = source[1]
        case 3:
            target[0] = source[0]
            target[1] = source[1]
            target[2] = source[2]
        default: target.update(from: source, count: count)
        }
    }

    @inline(__always)
    func forward(_ values: UnsafeMutablePointer<Double>) {
        steps.withUnsafeBufferPointer { program in
            for step in program {
                var partial = 0.0
                let result = FormulaProgram.forwardStep(
                    step.operation, values[Int(step.a)], step.b, step.constant, values, storingPartial: true,
                    partial: &partial)
                values[Int(step.out)] = result
                values[Int(step.partial)] = partial
            }
        }
    }

    @inline(__always)
    static func sweep(
        _ edges: [Edge], _ values: UnsafeMutablePointer<Double>, _ adjoints: UnsafeMutablePointer<Double>,
        into targets: UnsafeMutablePointer<Double>
    ) {
        edges.withUnsafeBufferPointer { list in
            for edge in list {
                let weighted = adjoints[Int(edge.from)] * edge.scale
                let target = targets + Int(edge.to)
                let start = edge.first ? edge.initial : target.pointee
                switch edge.kind {
                case .product: target.pointee = start + weighted * values[Int(edge.partial)]
                case .divide: target.pointee = start + weighted / values[Int(edge.partial)]
                case .quotient: target.pointee = start - weighted * values[Int(edge.partial)] / values[Int(edge.second)]
                case .throughSquare:
                    let square = 0 + weighted * values[Int(edge.partial)]
                    target.pointee = start + square * 2 * values[Int(edge.second)]
                }
            }
        }
    }
}
