import Foundation
import GradientCheck
import Objectives
import Testing

@Suite struct FormulaTests {
    @Test func rosenbrockFormulaMatchesTheBuiltInExactly() throws {
        let formula = try FormulaObjective(formula: "100*(y - x^2)^2 + (1 - x)^2", variables: ["x", "y"])
        let builtIn = Rosenbrock()
        for point in [[-1.2, 1.0], [0.3, -0.7], [2.0, 4.5]] {
            var a = [0.0, 0], b = [0.0, 0]
            let fa = formula.evaluate(at: point, gradient: &a)
            let fb = builtIn.evaluate(at: point, gradient: &b)
            #expect(abs(fa - fb) <= 1e-13 * max(1, abs(fb)))
            for j in 0..<2 { #expect(abs(a[j] - b[j]) <= 1e-12 * max(1, abs(b[j]))) }
            var ha = [0.0, 0], hb = [0.0, 0]
            formula.hessianVectorProduct(at: point, vector: [0.6, -0.8], result: &ha)
            builtIn.hessianVectorProduct(at: point, vector: [0.6, -0.8], result: &hb)
            for j in 0..<2 { #expect(abs(ha[j] - hb[j]) <= 1e-12 * max(1, abs(hb[j]))) }
        }
    }
}
