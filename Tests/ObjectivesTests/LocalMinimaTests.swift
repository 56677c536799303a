import Randomness
import Testing

@testable import Objectives

/// The known local minimisers of the multimodal classics (``KnownLocalMinima``) against the
/// definition of a strict local minimum — ∇f = 0 and a positive definite Hessian — and the values of
/// docs/reference.md §C.2; the basin classification of nearby points.
@Suite struct LocalMinimaTests {
    static let objectives: [(String, any Objective & KnownLocalMinima)] = [
        ("himmelblau", Himmelblau()), ("six-hump-camel", SixHumpCamel()), ("three-hump-camel", ThreeHumpCamel()),
        ("styblinski-tang d=2", StyblinskiTang(dimension: 2, startingPoint: [0, 0])),
        ("styblinski-tang d=3", StyblinskiTang(dimension: 3, startingPoint: [0, 0, 0])),
        ("rastrigin d=2", Rastrigin(dimension: 2, startingPoint: [0, 0])),
    ]

    /// Eigenvalues of a symmetric 2×2 or 3×3 matrix are positive iff its leading minors are.
    static func positiveDefinite(_ h: [Double], _ d: Int) -> Bool {
        if h[0] <= 0 { return false }
        if h[0] * h[d + 1] - h[1] * h[d] <= 0 { return false }
        guard d == 3 else { return true }
        let det =
            h[0] * (h[4] * h[8] - h[5] * h[7]) - h[1] * (h[3] * h[8] - h[5] * h[6]) + h[2] * (h[3] * h[7] - h[4] * h[6])
        return det > 0
    }

    @Test(arguments: objectives.indices) func everyListedMinimumIsAStrictLocalMinimum(_ index: Int) {
        let (name, objective) = Self.objectives[index]
        let d = objective.dimension
        #expect(!objective.localMinima.isEmpty, "\(name)")
        for minimum in objective.localMinima {
            var gradient = [Double](repeating: 0, count: d), hessian = [Double](repeating: 0, count: d * d)
            let f = objective.evaluate(at: minimum.point, gradient: &gradient)
            objective.hessian(at: minimum.point, into: &hessian)
            #expect(gradient.map(abs).max()! <= 1e-8, "\(name) \(minimum.name): ∇f = \(gradient)")
            #expect(Self.positiveDefinite(hessian, d), "\(name) \(minimum.name): H = \(hessian)")
            #expect(
                abs(f - minimum.value) <= 1e-12 * max(1, abs(f)),
                "\(name) \(minimum.name): f = \(f), listed \(minimum.value)")
            if let fStar = objective.constants.optimalValue {
                #expect(minimum.isGlobal == (abs(minimum.value - fStar) <= 1e-9), "\(name) \(minimum.name)")
            }
            #expect(objective.nearestMinimum(to: minimum.point.map { $0 + 3e-3 }, tolerance: 1e-2) == minimum)
            #expect(objective.nearestMinimum(to: minimum.point.map { $0 + 0.2 }, tolerance: 1e-2) == nil)
        }
        #expect(objective.localMinima.contains { $0.isGlobal })
        #expect(
            Set(objective.localMinima.map(\.name)).count == objective.localMinima.count, "\(name): names are unique")
    }

    /// docs/reference.md §C.2 (scipy brentq): the per-coordinate Rastrigin minima and their values.
    @Test func rastriginLatticeRootsMatchTheReference() {
        let reference: [(Int, Double, Double)] = [
            (1, 0.9949586376523348, 0.9949590570932916), (2, 1.98991223370855, 3.979831190554087),
            (5, 4.974691390894941, 24.873722934542226),
        ]
        let rastrigin = Rastrigin(dimension: 1, startingPoint: [0])
        for (k, root, value) in reference {
            let mine = Rastrigin.root(near: k)!
            #expect(abs(mine - root) <= 5e-12, "k = \(k)") // brentq stops at xtol 2e-12
            #expect(abs(rastrigin.value(at: [mine]) - value) <= 1e-12, "k = \(k)")
            #expect(abs(Rastrigin.root(near: -k)! + root) <= 5e-12)
        }
        #expect(Rastrigin.root(near: 32) == nil)
        #expect(Rastrigin(dimension: 2, startingPoint: [0, 0]).localMinima.count == 121)
        let five = Rastrigin(dimension: 5, startingPoint: [Double](repeating: 0, count: 5))
        let near = five.nearestMinimum(to: [1.0, 0, -2.0, 0, 0], tolerance: 0.02)
        #expect(near?.name == "lattice |k|² = 5" && near?.isGlobal == false)
        #expect(five.nearestMinimum(to: [0, 0, 0, 0, 0], tolerance: 1e-2)?.isGlobal == true)
    }

    /// An instance moves the minima with it: classification in the instance's coordinates.
    @Test func instancesAndStartsKeepTheBasins() {
        var generator = Xoshiro256StarStar(seed: 4)
        let instance = InstanceObjective(SixHumpCamel(), rotate: true, generator: &generator)
        for minimum in instance.localMinima {
            var gradient = [0.0, 0.0]
            _ = instance.evaluate(at: minimum.point, gradient: &gradient)
            #expect(gradient.map(abs).max()! <= 1e-8)
            #expect(instance.nearestMinimum(to: minimum.point, tolerance: 1e-6)?.name == minimum.name)
        }
        let started: any Objective = SixHumpCamel().starting(at: [1, 1])
        #expect(BasinClassification.classify(started, [0.0898420131, -0.712656403])?.isGlobal == true)
        #expect(BasinClassification.classify(started, [0.5, 0.5])?.name == BasinClassification.other)
        #expect(BasinClassification.classify(Booth(), [1, 3]) == nil)
    }
}
