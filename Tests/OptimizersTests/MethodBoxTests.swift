import Objectives
import Optimizers
import Testing

/// ``MethodBox``: the runs of steps it compiles for a method's type are the method's own single steps,
/// bit for bit, with the same counts; they stop at a stall or an error with the right iteration count;
/// a copy of a box is an independent method (copy on write).
@Suite struct MethodBoxTests {
    /// Stalls (reports `isStalled`) at iteration `stallAt` and throws at iteration `throwAt`.
    struct Scripted: Method {
        var stallAt = Int.max
        var throwAt = Int.max
        var done = 0

        mutating func prepare(at x: [Double], oracle: inout Oracle) throws { done = 0 }

        mutating func iterate(_ x: inout [Double], oracle: inout Oracle) throws -> IterationReport {
            done += 1
            if done == throwAt { throw MethodError("scripted failure") }
            x[0] += 1
            return IterationReport(learningRate: Double(done), isStalled: done == stallAt)
        }
    }

    @Test func runsOfStepsAreTheSingleStepsBitForBit() throws {
        let objective = Rosenbrock()
        let rule = FirstOrderOptimizers.adam(learningRate: 1e-3, weightDecay: 0.01)
        var single = FirstOrderMethod(rule)
        var singleOracle = Oracle(objective: objective, seed: 3)
        var y = objective.startingPoint
        try single.prepare(at: y, oracle: &singleOracle)
        var rates: [Double] = []
        for _ in 0..<1000 { rates.append(try single.iterate(&y, oracle: &singleOracle).learningRate) }

        var box = MethodBox(FirstOrderMethod(rule))
        var oracle = Oracle(objective: objective, seed: 3)
        var x = objective.startingPoint
        try box.prepare(at: x, oracle: &oracle)
        var done = 0
        for limit in [1, 7, 64, 500, 428] {
            let run = box.iterate(&x, oracle: &oracle, limit: limit)
            #expect(run.failure == nil && run.iterations == limit)
            done += run.iterations
            #expect(run.last.learningRate == rates[done - 1])
        }
        #expect(done == 1000)
        #expect(x.map(\.bitPattern) == y.map(\.bitPattern))
        #expect(oracle.counts == singleOracle.counts)
    }

    @Test func aRunStopsAtAStallOrAnError() throws {
        let objective = Rosenbrock()
        var oracle = Oracle(objective: objective, seed: 1)
        var x = objective.startingPoint
        var stalling = MethodBox(Scripted(stallAt: 5))
        try stalling.prepare(at: x, oracle: &oracle)
        let stalled = stalling.iterate(&x, oracle: &oracle, limit: 100)
        #expect(stalled.iterations == 5 && stalled.last.isStalled && stalled.failure == nil)
        #expect(x[0] == objective.startingPoint[0] + 5)

        var failing = MethodBox(Scripted(throwAt: 4))
        try failing.prepare(at: x, oracle: &oracle)
        let failed = failing.iterate(&x, oracle: &oracle, limit: 100)
        #expect(failed.iterations == 4)
        #expect(failed.last.learningRate == 3)
        #expect((failed.failure as? MethodError)?.message == "scripted failure")
        var failingAtOnce = MethodBox(Scripted(throwAt: 1))
        #expect(throws: MethodError.self) { _ = try failingAtOnce.iterate(&x, oracle: &oracle) }
    }

    @Test func aCopyIsAnIndependentMethod() throws {
        let objective = Rosenbrock()
        var oracle = Oracle(objective: objective, seed: 1)
        var x = objective.startingPoint
        let template = MethodBox(Scripted())
        var first = template
        try first.prepare(at: x, oracle: &oracle)
        _ = first.iterate(&x, oracle: &oracle, limit: 10)
        var second = template
        #expect((second.base as? Scripted)?.done == 0)
        #expect((first.base as? Scripted)?.done == 10)
        _ = second.iterate(&x, oracle: &oracle, limit: 3)
        #expect((second.base as? Scripted)?.done == 3 && (first.base as? Scripted)?.done == 10)
        #expect((template.base as? Scripted)?.done == 0)
        #expect(MethodBox(first).base is Scripted)
    }
}
