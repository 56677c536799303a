import Foundation
import Objectives
import Optimizers
import Testing

@Suite struct FirstOrderMethodTests {
    static let quadratic = AxisAlignedQuadratic(diagonal: [1, 2, 3, 4, 5], startingPoint: [1, -1, 1, -1, 1])

    /// 1000 steps reuse the storage of the first: the iterate and every state vector keep their addresses
    /// and sizes (a copy-on-write copy or a reallocation would move them), and each step asks the oracle
    /// for exactly one gradient and no function value. (The first step may copy x once, because the start
    /// point shares its storage with the objective's `startingPoint`.)
    @Test func stepsInPlaceWithOneGradientEach() throws {
        var method = FirstOrderMethod(Chain(ScaleByAdam(amsgrad: true), ScaleByLearningRate(0.01)))
        var oracle = Oracle(objective: Self.quadratic, seed: 0)
        var x = Self.quadratic.startingPoint
        try method.prepare(at: x, oracle: &oracle)
        _ = try method.iterate(&x, oracle: &oracle)
        func addresses(_ state: (ScaleByAdam.State, ScaleByLearningRate<Double>.State)?) -> [UnsafeRawPointer?] {
            guard let adam = state?.0 else { return [] }
            return [adam.firstMoment, adam.secondMoment, adam.maxSecondMoment].map { moment in
                moment.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
            }
        }
        let before = addresses(method.state)
        let iterateAddress = x.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
        for _ in 1..<1000 { _ = try method.iterate(&x, oracle: &oracle) }
        #expect(addresses(method.state) == before)
        #expect(!before.isEmpty && before.allSatisfy { $0 != nil })
        #expect(x.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) } == iterateAddress)
        #expect(method.state?.0.firstMoment.count == 5)
        #expect(oracle.counts.gradientEvaluations == 1000)
        #expect(oracle.counts.functionEvaluations == 0)
    }

    /// Update k (0-based) uses schedule(k) and reports it (reference §B.0).
    @Test func reportsTheScheduledLearningRateOfEachUpdate() throws {
        let schedule = GeometricDecay(initial: 0.2, factor: 0.5)
        var method = FirstOrderMethod(Chain(ClipByValue(maxValue: 10), ScaleByLearningRate(schedule)))
        var oracle = Oracle(objective: Self.quadratic, seed: 0)
        var x = Self.quadratic.startingPoint
        try method.prepare(at: x, oracle: &oracle)
        for k in 0..<5 {
            let before = x
            let report = try method.iterate(&x, oracle: &oracle)
            let rate = 0.2 * pow(0.5, Double(k))
            #expect(report.learningRate == rate)
            // plain gradient descent: x ← x − η_k·h⊙x
            for i in x.indices { #expect(x[i] == before[i] - rate * (Self.quadratic.eigenvalues[i] * before[i])) }
        }
    }

    @Test func lookaheadNesterovEvaluatesTheGradientAtTheLookaheadPoint() throws {
        // f = ½x²: g(x + μv) = x + μv. Step 1: v₁ = −η·x₀; step 2: v₂ = μv₁ − η(x₁ + μv₁).
        let objective = AxisAlignedQuadratic(diagonal: [1], startingPoint: [1])
        var method = LookaheadNesterovMethod(momentum: 0.9, schedule: 0.1)
        var oracle = Oracle(objective: objective, seed: 0)
        var x = objective.startingPoint
        try method.prepare(at: x, oracle: &oracle)
        _ = try method.iterate(&x, oracle: &oracle)
        #expect(x == [0.9] && method.velocity == [-0.1])
        let report = try method.iterate(&x, oracle: &oracle)
        let v2 = 0.9 * -0.1 - 0.1 * (0.9 + 0.9 * -0.1)
        #expect(abs(method.velocity[0] - v2) <= 1e-16 && abs(x[0] - (0.9 + v2)) <= 1e-16)
        #expect(report.learningRate == 0.1)
        #expect(oracle.counts.gradientEvaluations == 2)
    }
}
