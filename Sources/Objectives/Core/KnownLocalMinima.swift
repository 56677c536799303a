import Foundation
import LinearAlgebra

/// Objectives whose local minimisers are known (the multimodal classics: Himmelblau, the camels,
/// Styblinski–Tang, Rastrigin). The runner classifies each run's final iterate by the nearest of them
/// (record field `final.basin`), so a suite can count which basin each run ends in and how often it
/// reaches a global minimiser.
public protocol KnownLocalMinima {
    /// The known local minimisers listed for figures (all of them, or for the lattices those in the
    /// usual domain when d ≤ 2; empty when there are too many to list).
    var localMinima: [KnownMinimum] { get }
    /// The known local minimiser nearest to x when it is within `tolerance` (Euclidean), else nil.
    func nearestMinimum(to x: [Double], tolerance: Double) -> KnownMinimum?
}

extension KnownLocalMinima {
    /// The nearest of ``localMinima`` within `tolerance`.
    public func nearestMinimum(to x: [Double], tolerance: Double) -> KnownMinimum? {
        var best: (minimum: KnownMinimum, distance: Double)?
        for minimum in localMinima where minimum.point.count == x.count {
            let distance = VectorKernels.distance(x, minimum.point)
            if distance <= tolerance, distance < best?.distance ?? .infinity { best = (minimum, distance) }
        }
        return best?.minimum
    }
}

/// How the runner names a final iterate's basin.
public enum BasinClassification {
    /// A final iterate counts as in a known minimiser's basin when within this distance of it.
    public static let tolerance = 1e-2
    /// The name of runs that end near none of the known minimisers.
    public static let other = "other"

    /// The known minimum `x` is near, nil when the objective lists none (not multimodal), and
    /// ``other`` (not global, no value) when it lists some but x is near none.
    public static func classify(_ objective: some Objective, _ x: [Double]) -> KnownMinimum? {
        guard let known = objective as? any KnownLocalMinima else { return nil }
        guard x.allSatisfy(\.isFinite) else {
            return KnownMinimum(name: other, point: [], value: .nan, isGlobal: false)
        }
        return known.nearestMinimum(to: x, tolerance: tolerance)
            ?? KnownMinimum(name: other, point: [], value: .nan, isGlobal: false)
    }
}

extension StartedObjective: KnownLocalMinima where Base: KnownLocalMinima {
    public var localMinima: [KnownMinimum] { base.localMinima }
    public func nearestMinimum(to x: [Double], tolerance: Double) -> KnownMinimum? {
        base.nearestMinimum(to: x, tolerance: tolerance)
    }
}

extension InstanceObjective: KnownLocalMinima where Base: KnownLocalMinima {
    /// The base's minimisers moved to this instance: x = x*_g + Rᵀ(y − x*_f). Names stay the base's.
    public var localMinima: [KnownMinimum] { base.localMinima.map(moved) }

    /// Classified in the base's coordinates y = x*_f + R(x − x*_g) (an isometry: distances are kept).
    public func nearestMinimum(to x: [Double], tolerance: Double) -> KnownMinimum? {
        base.nearestMinimum(to: inner(x), tolerance: tolerance).map(moved)
    }

    func moved(_ minimum: KnownMinimum) -> KnownMinimum {
        var result = minimum
        var offset = [Double](repeating: 0, count: dimension)
        pullBack((0..<dimension).map { minimum.point[$0] - anchor[$0] }, into: &offset)
        result.point = (0..<dimension).map { center[$0] + offset[$0] }
        return result
    }
}
