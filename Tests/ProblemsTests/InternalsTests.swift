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

    @Test func peepholeFusesRosenbrockToThreeInstructions() throws {
        let objective = try FormulaObjective(formula: "100*(y - x^2)^2 + (1 - x)^2", variables: ["x", "y"])
        #expect(objective.program.instructionCount == 3)
        #expect(
            objective.program.instructions.map(\.operation) == [
                .squaredDifferenceOfSquare, .squaredConstantMinus, .multiplyAdd,
            ])
        let unfused = try FormulaObjective(formula: "(y - x^2)*(y - x^2)*100 + (1 - x)*(1 - x)", variables: ["x", "y"])
        for point in [[-1.2, 1.0], [0.5, 2.0]] {
            #expect(objective.value(at: point) == Rosenbrock().value(at: point))
            #expect(abs(objective.value(at: point) - unfused.value(at: point)) <= 1e-13 * objective.value(at: point))
        }
    }
}
