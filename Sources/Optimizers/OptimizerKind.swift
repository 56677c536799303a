import Objectives
import Parameters
import Randomness

/// A named optimizer that suites refer to by `kind:` (`adam`, `lbfgs`, …): its parameters with
/// torch-style defaults, the text `gdbench describe` prints, and a factory.
///
/// The description fields are the single source of truth for documentation: `gdbench describe`,
/// `gdbench list optimizers` and the README's optimizer table are all generated from them.
public struct OptimizerKind: Sendable {
    public var name: String
    /// One line for `gdbench list optimizers`.
    public var summary: String
    /// The update rule, in plain text with Unicode math, as many lines as needed.
    public var updateRule: String
    /// How torch, optax and scipy differ for this method, and which convention this kind follows.
    public var conventions: String
    /// Papers and library files.
    public var references: [String]
    public var parameters: [ParameterSpec]
    /// True when the method has a learning rate that a schedule may drive (`schedule:` in a suite).
    public var acceptsSchedule: Bool
    /// Builds a fresh method. `schedule` replaces the constant `lr` when given; `seed` is the run's
    /// own stream for anything the method draws itself (noise injection, restarts). The schedule
    /// comes as an ``AnySchedule`` so that a generic builder is specialised for it when gdbench is
    /// compiled, never run with a schedule type known only at run time. The method comes boxed
    /// (``MethodBox``), by the initialisers, where its type is concrete.
    public var make: @Sendable (ParameterSet, AnySchedule?, UInt64) throws -> MethodBox
    /// The parameters that name another optimizer kind (`first` and `second` of `switch`, `inner` of
    /// `random-restarts`); empty for kinds that wrap nothing.
    public var innerKindKeys: [String] = []
    /// The kind's row in `gdbench bench` (``benchmarked(_:on:jaxReference:)``).
    public var benchmark = OptimizerBenchmark()
    /// A wrapper's factory, given the kinds its inner names are looked up in (``resolving(in:)``).
    public var makeWithin:
        (@Sendable (_ kinds: [OptimizerKind], ParameterSet, AnySchedule?, UInt64) throws -> MethodBox)?
    /// The parameter holding a coupled L2 weight decay λ, added to the gradient (g ← g + λθ: torch's
    /// `weight_decay` of `sgd`, `adam`, …), so that runs measure the regularised loss f + λ/2·‖θ‖²
    /// the method minimises; nil for a kind without one (and for decoupled decay, as in `adamw`).
    public var coupledWeightDecayKey: String?
    /// Where the method comes from when it is not built in (an external client's declared name and
    /// version); recorded in each run's optimizer identity. nil for built-in kinds.
    public var provenance: String?

    /// `make` builds the method; it is boxed here (``MethodBox``), where its type `M` is concrete, so
    /// that its step loop is compiled for it.
    @inlinable
    public init<M: Method>(
        name: String, summary: String, updateRule: String, conventions: String, references: [String],
        parameters: [ParameterSpec], acceptsSchedule: Bool,
        make: @escaping @Sendable (ParameterSet, AnySchedule?, UInt64) throws -> M
    ) {
        self.init(
            name: name, summary: summary, updateRule: updateRule, conventions: conventions, references: references,
            parameters: parameters, acceptsSchedule: acceptsSchedule, boxed: { MethodBox(try make($0, $1, $2)) })
    }

    @usableFromInline
    init(
        name: String, summary: String, updateRule: String, conventions: String, references: [String],
        parameters: [ParameterSpec], acceptsSchedule: Bool,
        boxed make: @escaping @Sendable (ParameterSet, AnySchedule?, UInt64) throws -> MethodBox
    ) {
        self.name = name
        self.summary = summary
        self.updateRule = updateRule
        self.conventions = conventions
        self.references = references
        self.parameters = parameters
        self.acceptsSchedule = acceptsSchedule
        self.make = make
    }

    /// A kind that wraps other kinds named by the parameters `innerKindKeys`: ``make`` looks them up
    /// in ``OptimizerCatalog/builtIn`` until the kind is bound to a catalog with ``resolving(in:)``.
    public init(
        name: String, summary: String, updateRule: String, conventions: String, references: [String],
        parameters: [ParameterSpec], innerKindKeys: [String],
        makeWithin:
            @escaping @Sendable (_ kinds: [OptimizerKind], ParameterSet, AnySchedule?, UInt64) throws -> MethodBox
    ) {
        self.init(
            name: name, summary: summary, updateRule: updateRule, conventions: conventions, references: references,
            parameters: parameters, acceptsSchedule: false,
            boxed: { try makeWithin(OptimizerCatalog.builtIn, $0, $1, $2) })
        self.innerKindKeys = innerKindKeys
        self.makeWithin = makeWithin
    }

    /// This kind with its inner names resolved among `kinds`: `make` builds inner methods from them and
    /// the specs of ``innerKindKeys`` accept exactly their names (so `gdbench describe`, the suite
    /// loader and the validator list the same names). A kind that wraps nothing is returned unchanged.
    public func resolving(in kinds: [OptimizerKind]) -> OptimizerKind {
        guard let makeWithin else { return self }
        var kind = self
        let names = kinds.map(\.name)
        for index in kind.parameters.indices where innerKindKeys.contains(kind.parameters[index].name) {
            kind.parameters[index].kind = .choice(names)
        }
        kind.make = { try makeWithin(kinds, $0, $1, $2) }
        return kind
    }

    /// Builds the kind called `name` among `kinds` (bound to them) for the wrapper parameter `role`:
    /// its parameters are the `role.*` keys, its seed is derived from `seed` under the label `role`,
    /// and a ``ParameterError`` of the inner kind names the prefixed key (`first.lr`).
    public static func inner(
        _ role: String, of reader: ParameterReader, among kinds: [OptimizerKind], seed: UInt64
    ) throws -> MethodBox {
        let name = try reader.choice(role)
        guard let kind = kinds.first(where: { $0.name == name }) else {
            throw ParameterError(
                key: role, expected: "one of " + kinds.map(\.name).joined(separator: ", "), found: name)
        }
        do {
            return try kind.resolving(in: kinds).make(reader.nested(role), nil, SeedDerivation.derive(seed, role))
        } catch var error as ParameterError {
            error.key = role + "." + error.key
            throw error
        }
    }
}
