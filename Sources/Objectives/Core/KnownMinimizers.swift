/// Objectives with several known global minimisers (``ObjectiveConstants/minimizer`` names only one).
/// Trajectory figures mark all of them, since which one a method reaches depends on the method.
public protocol KnownMinimizers {
    /// Every known global minimiser.
    var minimizers: [[Double]] { get }
}

extension Himmelblau: KnownMinimizers {
    /// The four minimisers of reference §C.2 (``Himmelblau/minimizers``).
    public var minimizers: [[Double]] { Himmelblau.minimizers }
}

extension SixHumpCamel: KnownMinimizers {
    /// ±x*: the function is symmetric under x → −x (reference §C.2), so both global minima are known.
    public var minimizers: [[Double]] {
        let x = constants.minimizer ?? [0, 0]
        return [x, x.map { -$0 }]
    }
}

extension DoubleWell: KnownMinimizers {
    /// (0, ±1), both with f* = −¼.
    public var minimizers: [[Double]] { [[0, 1], [0, -1]] }
}

extension MonkeySaddle: KnownMinimizers {}
