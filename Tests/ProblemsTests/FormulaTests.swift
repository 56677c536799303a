import Foundation
import GradientCheck
import Objectives
import Randomness
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

extension FormulaTests {
    @Test func vectorFormMatchesTheChainedRosenbrock() throws {
        let formula = try FormulaObjective(
            formula: "sum over i in 1..d-1 (100*(x[i+1] - x[i]^2)^2 + (1 - x[i])^2)", variables: ["x"], dimension: 7)
        let builtIn = ChainedRosenbrock(dimension: 7)
        let point = [-1.2, 1, 0.5, -0.3, 2, 0.1, 0.9]
        var a = [Double](repeating: 0, count: 7), b = a
        let fa = formula.evaluate(at: point, gradient: &a)
        let fb = builtIn.evaluate(at: point, gradient: &b)
        #expect(abs(fa - fb) <= 1e-13 * abs(fb))
        for j in 0..<7 { #expect(abs(a[j] - b[j]) <= 1e-12 * max(1, abs(b[j]))) }
        var ha = a, hb = b
        let v = [0.3, -0.1, 0.7, 0.2, -0.5, 0.4, 0.1]
        formula.hessianVectorProduct(at: point, vector: v, result: &ha)
        builtIn.hessianVectorProduct(at: point, vector: v, result: &hb)
        for j in 0..<7 { #expect(abs(ha[j] - hb[j]) <= 1e-11 * max(1, abs(hb[j]))) }
    }

    /// Every function and operator against central differences (gradient and Hv).
    @Test func everyOperationDifferentiatesExactly() throws {
        let formula = try FormulaObjective(
            formula: "sin(x)*cos(y) + tan(x/4) + exp(-y^2) + log(1 + x^2) + sqrt(2 + y^2) + tanh(x*y) + sinh(x/3)"
                + " + cosh(y/3) + atan(x - y) + abs(x + 5) + x^3/y + 2^x + y^x + (x - y)^-2 + 1/(3 + x^2) - -x"
                + " + 3*(x - y^2)^2",
            variables: ["x", "y"])
        var configuration = GradientCheck.Configuration()
        configuration.points = 1 // at the given points only: y^x needs y > 0
        for point in [[0.7, 1.3], [-0.4, 2.1], [1.5, 0.6]] {
            let placed = formula.with(start: point, constants: ObjectiveConstants(), optimumSource: "")
            let report = GradientCheck.check(placed, configuration: configuration)
            #expect(report.largestGradientError < 1e-6, "\(report)")
            #expect((report.largestHessianVectorError ?? 1) < 1e-5, "\(report)")
            // ∇f alone is bitwise the gradient beside f.
            var alone = [0.0, 0.0], beside = [0.0, 0.0]
            formula.gradient(at: point, into: &alone)
            _ = formula.evaluate(at: point, gradient: &beside)
            #expect(alone.map(\.bitPattern) == beside.map(\.bitPattern))
        }
    }

    @Test func errorsNameTheColumn() {
        func column(_ text: String, _ variables: [String] = ["x", "y"]) -> Int? {
            do {
                _ = try FormulaObjective(formula: text, variables: variables)
                return nil
            } catch let error as FormulaError {
                return error.column
            } catch {
                return -1
            }
        }
        #expect(column("100*(y - x^2)^2 + (1 - x") == 25)
        #expect(column("x + z") == 5)
        #expect(column("x + foo(y)") == 5)
        #expect(column("x + $") == 5)
        #expect(column("x y") == 3)
        #expect(column("x[1] + y") == 1)
        #expect(column("sum over i in 1..3 x") == 20)
        #expect(column("100*(y - x^2)^2 + (1 - x)^2") == nil)
    }

    @Test func inputsAreBounded() throws {
        let deep = String(repeating: "(", count: 500) + "x" + String(repeating: ")", count: 500)
        #expect(throws: FormulaError.self) { try FormulaObjective(formula: deep, variables: ["x"]) }
        let long = String(repeating: "x+", count: 20_000) + "x"
        #expect(throws: FormulaError.self) { try FormulaObjective(formula: long, variables: ["x"]) }
        #expect(throws: FormulaError.self) {
            try FormulaObjective(formula: "sum over i in 1..100000000 (x[1]*i)", variables: ["x"], dimension: 1)
        }
        #expect(throws: FormulaError.self) { try FormulaObjective(formula: "x[0]", variables: ["x"], dimension: 3) }
    }

    @Test func newtonFindsTheMinimumAndSaysSo() throws {
        var generator = Xoshiro256StarStar(seed: 1)
        let parameters = ParameterSet(["f": .text("(x - 1)^2 + 3*(y + 2)^2 + 0.5*(x - 1)^4 + 3")])
        let objective = try #require(try ProblemKind.formula.make(parameters, &generator) as? FormulaObjective)
        #expect(abs((objective.constants.optimalValue ?? .nan) - 3) < 1e-14)
        let minimizer = try #require(objective.constants.minimizer)
        #expect(abs(minimizer[0] - 1) < 1e-8 && abs(minimizer[1] + 2) < 1e-8)
        #expect(objective.optimumSource.contains("Newton"))
        let given = try #require(
            try ProblemKind.formula.make(
                ParameterSet(["f": .text("x^2 + y^2"), "minimum": .number(0)]), &generator) as? FormulaObjective)
        #expect(given.optimumSource == "given" && given.constants.optimalValue == 0)
    }
}
