import Parameters
import Randomness

/// Where a problem starts and which instance it is — keys every `problems:` entry accepts beside its
/// kind's parameters (they enter the problem id, so a changed start is a different problem):
///
/// - `start: [a, b, …]` — an explicit start, checked against the dimension;
///   `start: {radius: r}` — a seeded point at distance r from the kind's default start (uniform
///   direction); `start: {box: [lo, hi]}` — seeded, uniform in [lo, hi]ᵈ. Random starts are drawn
///   from the problem's generator after the instance is built, so they differ between repetitions and
///   are shared by every optimizer of a repetition.
/// - `instance: k` (k ≥ 1) — the k-th seeded instance of a classic function (``InstanceObjective``:
///   shifted minimiser and, for ``rotatableKinds``, a rotation), the same in every suite;
///   `instance: random` — a new instance per repetition.
public struct ProblemPlacement: Sendable {
    public static let keys = ["start", "instance"]
    /// Kinds with seeded instances.
    public static let instanceKinds = [
        "rosenbrock", "beale", "booth", "himmelblau", "six-hump-camel", "three-hump-camel", "styblinski-tang",
        "rastrigin", "powell-singular", "wood",
    ]
    /// Kinds whose instances are also rotated (COCO rotates its Rosenbrock and Rastrigin, f9 and f15).
    /// The named 2-D functions keep their axes: their published shapes and minimiser lists are axis-bound.
    public static let rotatableKinds = [
        "rosenbrock", "booth", "styblinski-tang", "rastrigin", "powell-singular", "wood",
    ]
    /// Largest d of a rotated instance (a dense d×d rotation).
    public static let maximumRotatedDimension = 2000

    public enum Start: Sendable, Equatable {
        case point([Double])
        case radius(Double)
        case box(Double, Double)
    }

    public var start: Start?
    /// nil: the base function; 0: random per repetition; k ≥ 1: the fixed k-th instance.
    public var instance: Int?

    public init(start: Start? = nil, instance: Int? = nil) {
        self.start = start
        self.instance = instance
    }

    /// The placement keys of `values`, removed from it.
    public static func extract(_ values: inout ParameterSet) throws -> ProblemPlacement {
        var placement = ProblemPlacement()
        switch values["start"] {
        case .numbers(let point)?: placement.start = .point(point)
        case .number(let value)?: placement.start = .point([value])
        case .text(let text)?: placement.start = try parseRandomStart(text)
        case nil: break
        case let other?:
            throw ParameterError(
                key: "start", expected: "a list of numbers, {radius: r} or {box: [lo, hi]}",
                found: other.summary)
        }
        switch values["instance"] {
        case .number(let k)?: placement.instance = Int(k)
        case .text("random")?: placement.instance = 0
        case nil: break
        case let other?:
            throw ParameterError(key: "instance", expected: "a whole number ≥ 1 or random", found: other.summary)
        }
        values["start"] = nil
        values["instance"] = nil
        return placement
    }

    /// `radius(r)` or `box(lo,hi)`, as ``SuiteLoader`` writes the mapping forms.
    static func parseRandomStart(_ text: String) throws -> Start {
        let open = text.firstIndex(of: "("), close = text.lastIndex(of: ")")
        if let open, let close, open < close {
            let name = text[..<open]
            let numbers = text[text.index(after: open)..<close].split(separator: ",").compactMap { Double($0) }
            if name == "radius", numbers.count == 1, numbers[0] >= 0, numbers[0].isFinite { return .radius(numbers[0]) }
            if name == "box", numbers.count == 2, numbers[0] < numbers[1], numbers.allSatisfy(\.isFinite) {
                return .box(numbers[0], numbers[1])
            }
        }
        throw ParameterError(
            key: "start", expected: "a list of numbers, {radius: r ≥ 0} or {box: [lo, hi]} with lo < hi",
            found: text)
    }

    /// `objective` as this placement asks: the instance first, then the start.
    public func apply(to objective: any Objective, kind: String, generator: inout Xoshiro256StarStar) throws
        -> any Objective
    {
        var placed = objective
        if let instance {
            guard Self.instanceKinds.contains(kind) else {
                throw ParameterError(
                    key: "instance",
                    expected: "no instance: seeded instances exist for "
                        + Self.instanceKinds.joined(separator: ", "), found: String(instance))
            }
            let rotate = Self.rotatableKinds.contains(kind)
            if rotate && objective.dimension > Self.maximumRotatedDimension {
                throw ParameterError(
                    key: "instance", expected: "d ≤ \(Self.maximumRotatedDimension) for a rotated instance",
                    found: "d = \(objective.dimension)")
            }
            var instanceGenerator = Xoshiro256StarStar(
                seed: instance == 0
                    ? generator.next()
                    : SeedDerivation.derive(
                        SeedDerivation.fnv1a64("instance"), "\(kind)/d=\(objective.dimension)/\(instance)"))
            placed = Self.instance(of: placed, rotate: rotate, generator: &instanceGenerator)
        }
        guard let start else { return placed }
        let d = placed.dimension
        let point: [Double]
        switch start {
        case .point(let given):
            guard given.count == d else {
                throw ParameterError(
                    key: "start", expected: "\(d) numbers (the dimension of this problem)",
                    found: "\(given.count) numbers")
            }
            point = given
        case .radius(let r):
            let direction = generator.nextUnitVector(dimension: d)
            point = zip(placed.startingPoint, direction).map { $0 + r * $1 }
        case .box(let low, let high):
            point = (0..<d).map { _ in generator.nextDouble(in: low, high) }
        }
        return placed.starting(at: point)
    }

    static func instance<O: Objective>(of objective: O, rotate: Bool, generator: inout Xoshiro256StarStar)
        -> any Objective
    {
        InstanceObjective(objective, rotate: rotate, generator: &generator)
    }
}
