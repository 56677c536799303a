import LinearAlgebra

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The known local minimisers of the multimodal classics (``KnownLocalMinima``), from
// docs/reference.md §C.2 (values there from scipy, checked against Jamil & Yang 2013, "A literature
// survey of benchmark functions for global optimization problems", Int. J. Math. Modelling and
// Numerical Optimisation 4(2): 150–194, functions 136 (Himmelblau), 29 (three-hump camel),
// 30 (six-hump camel), 144 (Styblinski–Tang) and 113 (Rastrigin)). Tests check ∇f = 0 and a positive
// definite Hessian at each.

extension Himmelblau: KnownLocalMinima {
    /// The four global minimisers, f = 0 at each.
    public var localMinima: [KnownMinimum] {
        Himmelblau.minimizers.map { KnownMinimum(name: KnownMinimum.name(of: $0), point: $0, value: 0, isGlobal: true) }
    }
}

extension SixHumpCamel: KnownLocalMinima {
    /// Six minima in ± pairs (f(−x) = f(x)): the global pair, f* = −1.0316284534898774, then
    /// ±(1.7036, −0.7961) with f = −0.2154638243837 and ±(1.6071, 0.5687) with f = 2.1042503103113.
    public var localMinima: [KnownMinimum] {
        let pairs: [([Double], Double, Bool)] = [
            ([0.08984201310031806, -0.7126564030207396], -1.0316284534898774, true),
            ([1.7036067149699812, -0.7960835686726251], -0.21546382438371525, false),
            ([1.607104752920196, 0.5686514548842232], 2.1042503103112566, false),
        ]
        return pairs.flatMap { point, value, global in
            [point, point.map { -$0 }].map {
                KnownMinimum(name: KnownMinimum.name(of: $0), point: $0, value: value, isGlobal: global)
            }
        }
    }
}

extension ThreeHumpCamel: KnownLocalMinima {
    /// The global minimum 0 at the origin and the pair ±(1.7476, −0.8738) with f = 0.298638442236859.
    public var localMinima: [KnownMinimum] {
        let local = [1.7475523458303346, -0.8737761729150573]
        return [KnownMinimum(name: KnownMinimum.name(of: [0, 0]), point: [0, 0], value: 0, isGlobal: true)]
            + [local, local.map { -$0 }].map {
                KnownMinimum(name: KnownMinimum.name(of: $0), point: $0, value: 0.298638442236859, isGlobal: false)
            }
    }
}

extension StyblinskiTang: KnownLocalMinima {
    /// Per coordinate: the global root −2.903534027771177 (½(x⁴ − 16x² + 5x) = −39.16616570377141) and
    /// the local root 2.7468027709908305 (−25.02944665528394).
    static let roots: [(x: Double, value: Double)] = [
        (-2.903534027771177, -39.16616570377141),
        (2.7468027709908305, -25.02944665528394),
    ]

    /// All 2ᵈ minima for d ≤ 3, else none listed (``nearestMinimum(to:tolerance:)`` still classifies).
    public var localMinima: [KnownMinimum] {
        guard dimension <= 3 else { return [] }
        return (0..<(1 << dimension)).map { mask in
            minimum((0..<dimension).map { (mask >> $0) & 1 })
        }
    }

    /// The minimum with coordinate i at root `choice[i]` (0 global, 1 local). Named by its coordinates
    /// for d ≤ 3, else by how many coordinates sit at the local root (those minima share f).
    func minimum(_ choice: [Int]) -> KnownMinimum {
        let point = choice.map { StyblinskiTang.roots[$0].x }
        let value = choice.reduce(0.0) { $0 + StyblinskiTang.roots[$1].value }
        let locals = choice.reduce(0, +)
        let name = dimension <= 3 ? KnownMinimum.name(of: point) : "\(locals) of \(dimension) coordinates at 2.75"
        return KnownMinimum(name: name, point: point, value: value, isGlobal: locals == 0)
    }

    /// Separable: the nearest minimum takes the nearer root in every coordinate.
    public func nearestMinimum(to x: [Double], tolerance: Double) -> KnownMinimum? {
        guard x.count == dimension else { return nil }
        let choice = x.map { abs($0 - StyblinskiTang.roots[0].x) <= abs($0 - StyblinskiTang.roots[1].x) ? 0 : 1 }
        let nearest = minimum(choice)
        return VectorKernels.distance(x, nearest.point) <= tolerance ? nearest : nil
    }
}

extension Rastrigin: KnownLocalMinima {
    /// The 1-D local minimiser of x² − 10cos 2πx near the integer k: the root of 2x + 20π·sin 2πx by
    /// Newton's method from k (0 for k = 0; 0.9949586376523348 for k = 1, reference §C.2). Exists for
    /// |k| ≤ 31, where 2|x| < 20π still lets the cosine make a dip.
    static func root(near k: Int) -> Double? {
        guard abs(k) <= 31 else { return nil }
        if k == 0 { return 0 }
        var x = Double(k)
        for _ in 0..<50 {
            let step =
                (2 * x + 20 * Double.pi * sin(2 * Double.pi * x))
                / (2 + 40 * Double.pi * Double.pi * cos(2 * Double.pi * x))
            x -= step
            if abs(step) <= 1e-15 * max(1, abs(x)) { break }
        }
        return x
    }

    /// The lattice minima with |kᵢ| ≤ 5 (the domain [−5.12, 5.12]) for d ≤ 2, else none listed.
    public var localMinima: [KnownMinimum] {
        guard dimension <= 2 else { return [] }
        var lattice: [[Int]] = [[]]
        for _ in 0..<dimension { lattice = lattice.flatMap { prefix in (-5...5).map { prefix + [$0] } } }
        return lattice.compactMap(minimum)
    }

    /// The minimum near the lattice point k. Named "(k₁, k₂)" for d ≤ 3, else by Σkᵢ² (minima with the
    /// same Σkᵢ² have nearly the same f).
    func minimum(_ k: [Int]) -> KnownMinimum? {
        var point: [Double] = []
        for ki in k {
            guard let root = Rastrigin.root(near: ki) else { return nil }
            point.append(root)
        }
        let value = value(at: point)
        let name =
            dimension <= 3
            ? "(" + k.map(String.init).joined(separator: ", ") + ")"
            : "lattice |k|² = \(k.reduce(0) { $0 + $1 * $1 })"
        return KnownMinimum(name: name, point: point, value: value, isGlobal: k.allSatisfy { $0 == 0 })
    }

    /// Separable: the nearest lattice minimum rounds every coordinate to its integer k.
    public func nearestMinimum(to x: [Double], tolerance: Double) -> KnownMinimum? {
        guard x.count == dimension, x.allSatisfy({ abs($0) < 40 }), let nearest = minimum(x.map { Int($0.rounded()) })
        else { return nil }
        return VectorKernels.distance(x, nearest.point) <= tolerance ? nearest : nil
    }
}
