import LinearAlgebra
import Objectives
import Randomness

/// Random restarts around the standard start (`random-restarts`): run a fresh copy of an inner
/// method for `iterationsPerRestart` iterations from each of `restarts` starting points — the
/// standard start x₀, then x₀ + radius·u_j with u_j uniform on the unit sphere
/// (`Xoshiro256StarStar.nextUnitVector`, from the run seed) — and keep the best iterate.
///
/// The iterate the runner sees is always the best point so far (lowest f), so its trace is
/// monotone. A restart begins early when the inner method stalls. After the last restart the
/// method reports itself stalled.
///
/// Evaluations: those of the inner method (including its `prepare` at every restart), plus one f at
/// x₀ in `prepare` and one f per iteration at the inner iterate when the inner method does not
/// report f there itself.
public struct RandomRestarts<Inner: Method>: Method {
    public var template: Inner
    public var restarts: Int
    public var iterationsPerRestart: Int
    public var radius: Double
    @usableFromInline var inner: Inner
    @usableFromInline var generator: Xoshiro256StarStar
    @usableFromInline var start: [Double] = []
    @usableFromInline var working: [Double] = []
    @usableFromInline var bestValue = Double.infinity
    @usableFromInline var round = 0
    @usableFromInline var iterationsInRound = 0

    public init(inner: Inner, restarts: Int, iterationsPerRestart: Int, radius: Double, seed: UInt64) {
        template = inner
        self.inner = inner
        self.restarts = restarts
        self.iterationsPerRestart = iterationsPerRestart
        self.radius = radius
        generator = Xoshiro256StarStar(seed: seed)
    }

    /// The 0-based index of the restart in progress.
    public var currentRestart: Int { round }

    public mutating func prepare(at x: [Double], oracle: inout Oracle) throws {
        start = x
        working = x
        round = 0
        iterationsInRound = 0
        bestValue = oracle.value(at: x)
        inner = template
        try inner.prepare(at: working, oracle: &oracle)
    }

    @inlinable
    public mutating func iterate(_ x: inout [Double], oracle: inout Oracle) throws -> IterationReport {
        if iterationsInRound >= iterationsPerRestart {
            guard round + 1 < restarts else {
                return IterationReport(valueAtNewIterate: bestValue, learningRate: 0, isStalled: true)
            }
            round += 1
            iterationsInRound = 0
            let direction = generator.nextUnitVector(dimension: start.count)
            for i in working.indices { working[i] = start[i] + radius * direction[i] }
            inner = template
            try inner.prepare(at: working, oracle: &oracle)
        }
        let report = try inner.iterate(&working, oracle: &oracle)
        iterationsInRound = report.isStalled ? iterationsPerRestart : iterationsInRound + 1
        let value = report.valueAtNewIterate ?? oracle.value(at: working)
        if value < bestValue {
            bestValue = value
            VectorKernels.copy(working, into: &x)
        }
        return IterationReport(valueAtNewIterate: bestValue, learningRate: report.learningRate)
    }
}
