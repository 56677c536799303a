import Foundation
import Randomness
import Testing

@testable import Objectives

@Suite struct InternalsTests {
    /// The fast decimal path gives the C library's `strtod` bits on every spelling, read byte by byte
    /// (a buffer ending right after the number) and eight digits at a time (a padded buffer).
    @Test func decimalScannerMatchesStrtod() {
        var generator = Xoshiro256StarStar(seed: 7)
        var spellings = [
            "0", "-0", "1.", "0.1", "123456789012345678", "1234567890123456789012", "9007199254740993",
            "1e22", "1e23", "2.5e-22", "4.9e-324", "1.7976931348623157e308", "nan", "-inf", "00012.500",
            ".5", "-.25e+3", "1e", "0.000000000000000000000000001", "0.12345678901234567", "1.00000000",
            "123.45678901", "-0.000001", "9007199254740993.0", "0.30000000000000004", "1.2345678", "12345678.9",
            "0.0000000000000000001", "1.5E+3", "2.", "-1.430873", "0.00000000", "99999999999999999999",
        ]
        for _ in 0..<2000 {
            let value = generator.nextGaussian() * pow(10, Double(generator.nextInt(below: 40)) - 20)
            spellings.append(String(format: "%.\(generator.nextInt(below: 18))g", value))
            spellings.append("\(value)")
        }
        for spelling in spellings {
            for (terminator, padding) in [(",", 0), (",", 16), ("\n", 16), ("x", 16), ("e", 16), ("1", 0)] {
                check(spelling, Array((spelling + terminator).utf8) + [UInt8](repeating: 0, count: 1 + padding))
            }
        }
    }

    func check(_ spelling: String, _ bytes: [UInt8]) {
        var bytes = bytes
        bytes.withUnsafeMutableBufferPointer { buffer in
            let start = buffer.baseAddress!
            let (value, end) = DecimalScanner.scan(start, limit: start + buffer.count)
            var cEnd: UnsafeMutablePointer<CChar>?
            let expected = strtod(UnsafeMutableRawPointer(start).assumingMemoryBound(to: CChar.self), &cEnd)
            #expect(value.bitPattern == expected.bitPattern || (value.isNaN && expected.isNaN), "\(spelling)")
            #expect(UnsafeMutableRawPointer(end) == UnsafeMutableRawPointer(cEnd!), "\(spelling)")
        }
    }

    @Test func peepholeFusesRosenbrockToFourInstructions() throws {
        let objective = try FormulaObjective(formula: "100*(y - x^2)^2 + (1 - x)^2", variables: ["x", "y"])
        #expect(objective.program.instructionCount == 4)
        // The gradient tape fuses the square into (y − x²)².
        let tape = objective.program.tape
        #expect(tape.steps.map(\.operation) == [.squaredDifferenceOfSquare, .squaredConstantMinus, .multiplyAdd])
        let unfused = try FormulaObjective(formula: "(y - x^2)*(y - x^2)*100 + (1 - x)*(1 - x)", variables: ["x", "y"])
        for point in [[-1.2, 1.0], [0.5, 2.0]] {
            #expect(objective.value(at: point) == Rosenbrock().value(at: point))
            #expect(abs(objective.value(at: point) - unfused.value(at: point)) <= 1e-13 * objective.value(at: point))
        }
    }
}

/// The per-instruction reverse sweep the gradient tape replaced (one `switch` per instruction on the
/// way back), kept as the reference the tape must match bit for bit.
enum ReferenceReverseSweep {
    static func gradient(_ program: FormulaProgram, at x: [Double]) -> [Double] {
        let d = program.variableCount, count = program.slotCount
        var values = [Double](repeating: 0, count: count)
        var adjoints = [Double](repeating: 0, count: count)
        values.withUnsafeMutableBufferPointer { slots in
            x.withUnsafeBufferPointer { _ = program.forward($0, slots.baseAddress!) }
        }
        adjoints[count - 1] = 1
        for k in stride(from: program.instructions.count - 1, through: 0, by: -1) {
            let instruction = program.instructions[k]
            let adjoint = adjoints[d + k]
            let ia = Int(instruction.a), ib = Int(instruction.b), c = instruction.constant
            switch instruction.operation {
            case .constant: break
            case .add:
                adjoints[ia] += adjoint
                adjoints[ib] += adjoint
            case .subtract:
                adjoints[ia] += adjoint
                adjoints[ib] -= adjoint
            case .multiply:
                adjoints[ia] += adjoint * values[ib]
                adjoints[ib] += adjoint * values[ia]
            case .divide:
                adjoints[ia] += adjoint / values[ib]
                adjoints[ib] -= adjoint * values[d + k] / values[ib]
            case .addConstant: adjoints[ia] += adjoint
            case .constantMinus, .negate: adjoints[ia] -= adjoint
            case .multiplyConstant: adjoints[ia] += adjoint * c
            case .square: adjoints[ia] += adjoint * 2 * values[ia]
            case .squaredDifference:
                let g = adjoint * 2 * (values[ia] - values[ib])
                adjoints[ia] += g
                adjoints[ib] -= g
            case .squaredConstantMinus: adjoints[ia] -= adjoint * 2 * (c - values[ia])
            case .multiplyAdd:
                adjoints[ia] += adjoint * c
                adjoints[ib] += adjoint
            default:
                adjoints[ia] +=
                    adjoint * FormulaProgram.derivatives(instruction.operation, values[ia], values[d + k], c).0
            }
        }
        return Array(adjoints.prefix(d))
    }
}

@Suite struct GradientTapeTests {
    /// The tape's ∇f (folded adjoints, fused squares, updates into the variables last) is
    /// bitwise the per-instruction sweep's, at seeded points of formulas using every operation.
    @Test func tapeMatchesThePerInstructionSweepBitForBit() throws {
        let formulas: [(String, [String], Int?)] = [
            ("100*(y - x^2)^2 + (1 - x)^2", ["x", "y"], nil),
            ("sum over i in 1..9 (100*(x[i+1] - x[i]^2)^2 + (1 - x[i])^2)", ["x"], 10),
            (
                "sin(x)*cos(y) + tan(x/4) + exp(-y^2) + log(1 + x^2) + sqrt(2 + y^2) + tanh(x*y) + sinh(x/3)"
                    + " + cosh(y/3) + atan(x - y) + abs(x + 5) + x^3/y + 2^x + (x - y)^-2 + 1/(3 + x^2) - -x"
                    + " + 3*(x - y^2)^2 + x/y - y/(x*x + 1) + 7*x + y*0 + (y - 2)^2", ["x", "y"], nil
            ),
            ("sum over i in 1..6 ((x[i] - x[i+1]^2)^2 * i + x[i]*x[i+1] / (1 + x[i]^2))", ["x"], 7),
            ("x + 2*y + 3", ["x", "y"], nil),
        ]
        var generator = Xoshiro256StarStar(seed: 5)
        for (text, variables, dimension) in formulas {
            let objective = try FormulaObjective(formula: text, variables: variables, dimension: dimension)
            let d = objective.dimension
            let special = [
                [Double](repeating: 0, count: d), [Double](repeating: 1, count: d), [Double](repeating: -0.0, count: d),
            ]
            for trial in 0..<53 {
                let x = trial < 3 ? special[trial] : (0..<d).map { _ in generator.nextGaussian() * 2 + 0.3 }
                var alone = [Double](repeating: 0, count: x.count), beside = alone
                objective.gradient(at: x, into: &alone)
                let f = objective.evaluate(at: x, gradient: &beside)
                let reference = ReferenceReverseSweep.gradient(objective.program, at: x)
                #expect(alone.map(\.bitPattern) == reference.map(\.bitPattern), "\(text) at \(x)")
                #expect(beside.map(\.bitPattern) == reference.map(\.bitPattern), "\(text) at \(x)")
                #expect(f.bitPattern == objective.value(at: x).bitPattern || f.isNaN || !f.isFinite)
            }
        }
    }
}
