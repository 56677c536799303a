import Foundation
import Objectives
import Testing

@testable import Optimizers

struct SwitchMethodTests {
    /// GD (heavy ball, β = 0, η = 0.01) for 3 steps, then Newton, on a quadratic: the first three
    /// iterates are GD's closed form (1 − ηλ)^k, the fourth is x* (Newton's one step), and Newton's
    /// `prepare` (one f and ∇f) is counted at the switch.
    @Test func runsFirstThenSecond() throws {
        let lambda = [1.0, 10]
        let objective = AxisAlignedQuadratic(eigenvalues: lambda, minimizer: [0, 0], start: [1, 1])
        var driver = TestDriver(objective)
        var method = SwitchMethod(
            first: HeavyBall(learningRate: 0.01, momentum: 0), second: NewtonMethod(), switchAt: 3)
        try method.prepare(at: driver.x, oracle: &driver.oracle)
        for k in 1...3 {
            _ = try method.iterate(&driver.x, oracle: &driver.oracle)
            #expect(!method.hasSwitched)
            for i in 0..<2 { #expect(abs(driver.x[i] - Foundation.pow(1 - 0.01 * lambda[i], Double(k))) <= 1e-15) }
        }
        #expect(driver.oracle.counts.gradientEvaluations == 3)
        #expect(driver.oracle.counts.functionEvaluations == 0)
        _ = try method.iterate(&driver.x, oracle: &driver.oracle)
        #expect(method.hasSwitched)
        #expect(abs(driver.x[0]) <= 1e-15 && abs(driver.x[1]) <= 1e-15)
        #expect(driver.oracle.counts.hessianEvaluations == 1)
        // Newton: prepare one f and ∇f, then one trial f (t = 1 accepted) and one ∇f.
        #expect(driver.oracle.counts.gradientEvaluations == 3 + 2)
        #expect(driver.oracle.counts.functionEvaluations == 2)
    }

    /// The catalog's `switch` kind builds its parts by name with the prefixed parameters.
    @Test func catalogKindResolvesInnerMethods() throws {
        let kind = MethodCatalogTests.bound("switch")
        let method = try kind.make(
            ParameterSet([
                "first": .text("heavy-ball"), "first.lr": .number(0.01), "first.momentum": .number(0),
                "second": .text("newton"), "switch-at": .number(3),
            ]), nil, 7)
        let typed = try #require(method.base as? SwitchMethod<MethodBox, MethodBox>)
        #expect(typed.switchAt == 3)
        #expect((typed.first.base as? HeavyBall)?.learningRate == 0.01)
        #expect(typed.second.base is NewtonMethod)
        #expect(throws: ParameterError.self) {
            _ = try kind.make(
                ParameterSet(["first": .text("heavy-ball"), "second": .text("newton"), "switch-at": .number(-1)]), nil,
                7)
        }
    }
}
