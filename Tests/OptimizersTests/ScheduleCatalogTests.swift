import Objectives
import Optimizers
import Testing

/// The catalog's names and texts, and parameter validation: every documented range is enforced,
/// and every error names the offending key.
struct ScheduleCatalogTests {
    /// A valid parameter set for every kind (required keys filled in).
    static let examples: [String: [String: ParameterValue]] = [
        "constant": [:],
        "constant-factor": [:],
        "step": ["step-size": .number(3)],
        "multi-step": ["milestones": .numbers([2, 5])],
        "exponential": ["gamma": .number(0.9)],
        "exponential-optax": ["decay-rate": .number(0.5)],
        "cosine": ["t-max": .number(10)],
        "cosine-optax": ["decay-steps": .number(10)],
        "cosine-warm-restarts": ["t-0": .number(10)],
        "linear": [:],
        "polynomial": [:],
        "polynomial-optax": ["transition-steps": .number(10)],
        "cyclic": ["base-lr": .number(0.01), "max-lr": .number(0.1)],
        "one-cycle": ["max-lr": .number(0.1), "total-steps": .number(100)],
        "one-cycle-cosine-optax": ["transition-steps": .number(100), "peak-value": .number(0.1)],
        "one-cycle-linear-optax": ["transition-steps": .number(100), "peak-value": .number(0.1)],
        "noam": [:],
        "inverse-sqrt": [:],
        "warmup": ["warmup-steps": .number(5)],
    ]

    static func error(_ kind: String, _ parameters: [String: ParameterValue]) -> ParameterError? {
        guard let kind = ScheduleCatalog.kind(named: kind) else { return nil }
        do {
            _ = try kind.make(ParameterSet(parameters), 0.1)
            return nil
        } catch let error as ParameterError {
            return error
        } catch {
            return nil
        }
    }

    static func isKebabCase(_ name: String) -> Bool {
        !name.isEmpty
            && name.split(separator: "-", omittingEmptySubsequences: false).allSatisfy { part in
                !part.isEmpty && part.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
            }
    }

    @Test("kinds: unique kebab-case names, complete texts, found by name, build from their examples")
    func catalogEntries() throws {
        let names = ScheduleCatalog.kinds.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(Set(names) == Set(Self.examples.keys))
        for kind in ScheduleCatalog.kinds {
            #expect(Self.isKebabCase(kind.name), "\(kind.name)")
            #expect(
                !kind.summary.isEmpty && !kind.formula.isEmpty && !kind.conventions.isEmpty && !kind.references.isEmpty)
            #expect(kind.parameters.allSatisfy { Self.isKebabCase($0.name) && !$0.summary.isEmpty }, "\(kind.name)")
            #expect(ScheduleCatalog.kind(named: kind.name)?.name == kind.name)
            let example = try #require(Self.examples[kind.name])
            let schedule = try kind.make(ParameterSet(example), 0.1)
            #expect((0..<1000).allSatisfy { schedule($0).isFinite && schedule($0) >= 0 }, "\(kind.name)")
        }
        #expect(ScheduleCatalog.kind(named: "cosine-annealing") == nil)
    }

    @Test("warmup's then accepts exactly the catalog kinds without a warm-up of their own")
    func warmupAcceptsTheCatalogKindsWithoutOwnWarmup() throws {
        let warmup = try #require(ScheduleCatalog.kind(named: "warmup"))
        let then = try #require(warmup.parameters.first { $0.name == "then" })
        guard case .choice(let words) = then.kind else {
            Issue.record("then is not a choice")
            return
        }
        let withOwnWarmup: Set = ["warmup", "noam", "inverse-sqrt"]
        #expect(words == ScheduleCatalog.kinds.map(\.name).filter { !withOwnWarmup.contains($0) })
        #expect(Self.error("warmup", ["warmup-steps": .number(5), "then": .text("noam")])?.key == "then")
        #expect(Self.error("warmup", ["warmup-steps": .number(5), "then": .text("warmup")])?.key == "then")
        #expect(Self.error("warmup", ["warmup-steps": .number(5), "then": .text("cosine-annealing")])?.key == "then")
        // The inner schedule's own errors name the inner key.
        #expect(Self.error("warmup", ["warmup-steps": .number(5), "then": .text("cosine")])?.key == "t-max")
        #expect(Self.error("warmup", ["warmup-steps": .number(5), "t-max": .number(3)])?.key == "t-max")
        #expect(
            Self.error("warmup", ["warmup-steps": .number(5), "then": .text("cosine"), "t-max": .number(3)]) == nil)
    }

    /// For every numeric bound in a spec: the value just outside is rejected naming the key, the
    /// bound itself (when closed) is accepted.
    @Test("every documented range is enforced, with the key in the error")
    func rangesAreEnforced() throws {
        for kind in ScheduleCatalog.kinds {
            let example = try #require(Self.examples[kind.name])
            for spec in kind.parameters {
                var outside: [Double] = []
                var inside: [Double] = []
                switch spec.kind {
                case .number(let minimum, let maximum, let minimumIsOpen, let maximumIsOpen):
                    if let minimum {
                        outside.append(minimumIsOpen ? minimum : minimum.nextDown)
                        if !minimumIsOpen { inside.append(minimum) }
                    }
                    if let maximum {
                        outside.append(maximumIsOpen ? maximum : maximum.nextUp)
                        if !maximumIsOpen { inside.append(maximum) }
                    }
                    outside.append(.nan)
                case .integer(let minimum):
                    outside += [Double(minimum - 1), Double(minimum) + 0.5]
                default:
                    continue
                }
                for value in outside {
                    var parameters = example
                    parameters[spec.name] = .number(value)
                    let error = Self.error(kind.name, parameters)
                    #expect(error?.key == spec.name, "\(kind.name) \(spec.name) = \(value) must be rejected")
                    #expect(error?.description.hasPrefix("\(spec.name): expected ") == true)
                }
                for value in inside {
                    var parameters = example
                    parameters[spec.name] = .number(value)
                    let error = Self.error(kind.name, parameters)
                    #expect(error == nil || error?.key != spec.name, "\(kind.name) \(spec.name) = \(value) is in range")
                }
            }
        }
    }

    @Test("missing required keys, unknown keys and wrong types name the key")
    func keysAndTypes() {
        #expect(Self.error("step", [:])?.key == "step-size")
        #expect(Self.error("cosine", ["eta-min": .number(0.1)])?.key == "t-max")
        #expect(Self.error("cosine", ["t-max": .number(10), "T_max": .number(10)])?.key == "T_max")
        #expect(Self.error("constant", ["gamma": .number(0.5)])?.key == "gamma")
        #expect(Self.error("step", ["step-size": .text("three")])?.key == "step-size")
        #expect(
            Self.error("cyclic", ["base-lr": .number(0.01), "max-lr": .number(0.1), "mode": .text("exp-range")])?.key
                == "mode")
        #expect(
            Self.error(
                "one-cycle",
                [
                    "max-lr": .number(1), "total-steps": .number(100),
                    "anneal-strategy": .text("cosine"),
                ])?.key == "anneal-strategy")
        #expect(
            Self.error("exponential-optax", ["decay-rate": .number(0.5), "staircase": .number(1)])?.key == "staircase")
        let error = Self.error("cosine", ["t-max": .number(0)])
        #expect(error?.description == "t-max: expected a whole number ≥ 1, found 0")
    }

    @Test("milestones must be non-decreasing whole numbers ≥ 0 (repeats allowed)")
    func milestones() {
        #expect(Self.error("multi-step", ["milestones": .numbers([5, 2])])?.key == "milestones")
        #expect(Self.error("multi-step", ["milestones": .numbers([-1, 2])])?.key == "milestones")
        #expect(Self.error("multi-step", ["milestones": .numbers([2.5])])?.key == "milestones")
        #expect(Self.error("multi-step", ["milestones": .numbers([0, 3, 3, 7])]) == nil)
        #expect(Self.error("multi-step", ["milestones": .numbers([])]) == nil)
    }

    @Test("one-cycle phases must be non-empty (torch would divide by zero)")
    func oneCyclePhases() {
        // pct-start·T − 1 must be > 0: 0.1·10 − 1 = 0.
        #expect(
            Self.error("one-cycle", ["max-lr": .number(1), "total-steps": .number(10), "pct-start": .number(0.1)])?.key
                == "pct-start")
        #expect(
            Self.error("one-cycle", ["max-lr": .number(1), "total-steps": .number(10), "pct-start": .number(1)])?.key
                == "pct-start")
        // three phases: 2·pct·T − 2 < T − 1.
        #expect(
            Self.error(
                "one-cycle",
                [
                    "max-lr": .number(1), "total-steps": .number(10), "pct-start": .number(0.6),
                    "three-phase": .flag(true),
                ])?.key == "pct-start")
        #expect(
            Self.error(
                "one-cycle",
                [
                    "max-lr": .number(1), "total-steps": .number(10), "pct-start": .number(0.5),
                    "three-phase": .flag(true),
                ]) == nil)
        // optax keys boundaries in a dict: equal boundaries would merge.
        #expect(
            Self.error(
                "one-cycle-linear-optax",
                [
                    "transition-steps": .number(10), "peak-value": .number(1),
                    "pct-start": .number(0.5), "pct-final": .number(0.55),
                ])?.key
                == "pct-final")
        #expect(
            Self.error(
                "one-cycle-cosine-optax",
                [
                    "transition-steps": .number(10), "peak-value": .number(1),
                    "pct-start": .number(1),
                ])?.key == "pct-start")
    }

    @Test("one-cycle holds its last value after total-steps; optax one-cycle holds its final value")
    func oneCycleTail() throws {
        let torch = try #require(ScheduleCatalog.kind(named: "one-cycle"))
            .make(
                ParameterSet(["max-lr": .number(1), "total-steps": .number(10), "anneal-strategy": .text("linear")]),
                0.1)
        for k in 10..<30 { #expect(torch(k) == torch(9)) }
        let optax = try #require(ScheduleCatalog.kind(named: "one-cycle-cosine-optax"))
            .make(ParameterSet(["transition-steps": .number(10), "peak-value": .number(1)]), 0.1)
        for k in 10..<30 { #expect(optax(k) == 1.0 / 25 / 1e4) }
    }
}
