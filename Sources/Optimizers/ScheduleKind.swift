import Parameters

/// A named learning-rate schedule that suites refer to by `schedule: {kind: cosine, …}`: its
/// parameters, the text `gdbench describe` prints, and a factory given the optimizer's base
/// learning rate η₀ (torch's `initial_lr`).
public struct ScheduleKind: Sendable {
    public var name: String
    public var summary: String
    /// The closed form lr(k) for the 0-based update index k.
    public var formula: String
    /// torch vs optax semantics and which one this kind follows.
    public var conventions: String
    public var references: [String]
    public var parameters: [ParameterSpec]
    public var make: @Sendable (ParameterSet, _ baseLearningRate: Double) throws -> any Schedule
    /// The parameters that name another schedule kind (`then` of `warmup`); empty for the others.
    public var innerKindKeys: [String] = []
    /// The schedule entry of the kind's `gdbench bench` row (sgd, lr 1e−3, on 2-D Rosenbrock for
    /// 200 000 updates), a YAML flow mapping; nil for `{kind: <name>}`, the defaults.
    public var benchmark: String?
    /// A wrapper's factory, given the kinds its inner names are looked up in (``resolving(in:)``).
    public var makeWithin:
        (@Sendable (_ kinds: [ScheduleKind], ParameterSet, _ baseLearningRate: Double) throws -> any Schedule)?

    public init(
        name: String, summary: String, formula: String, conventions: String, references: [String],
        parameters: [ParameterSpec],
        make: @escaping @Sendable (ParameterSet, _ baseLearningRate: Double) throws -> any Schedule
    ) {
        self.name = name
        self.summary = summary
        self.formula = formula
        self.conventions = conventions
        self.references = references
        self.parameters = parameters
        self.make = make
    }

    /// A schedule that hands over to another named by the parameters `innerKindKeys`, whose parameters
    /// are given alongside its own: ``make`` looks the names up in ``ScheduleCatalog/kinds`` until the
    /// kind is bound to a catalog with ``resolving(in:)``.
    public init(
        name: String, summary: String, formula: String, conventions: String, references: [String],
        parameters: [ParameterSpec], innerKindKeys: [String],
        makeWithin:
            @escaping @Sendable (_ kinds: [ScheduleKind], ParameterSet, _ baseLearningRate: Double) throws
            -> any Schedule
    ) {
        self.init(
            name: name, summary: summary, formula: formula, conventions: conventions, references: references,
            parameters: parameters, make: { try makeWithin(ScheduleCatalog.kinds, $0, $1) })
        self.innerKindKeys = innerKindKeys
        self.makeWithin = makeWithin
    }

    /// This kind bound to `kinds`: `make` builds the inner schedule from them, and the specs of
    /// ``innerKindKeys`` accept exactly the names of the kinds that may follow (``followers(among:)``).
    public func resolving(in kinds: [ScheduleKind]) -> ScheduleKind {
        guard let makeWithin else { return self }
        var kind = self
        let names = followers(among: kinds).map(\.name)
        for index in kind.parameters.indices where innerKindKeys.contains(kind.parameters[index].name) {
            kind.parameters[index].kind = .choice(names)
        }
        kind.make = { try makeWithin(kinds, $0, $1) }
        return kind
    }

    /// The kinds this wrapper may hand over to: those none of whose parameters clashes with one of
    /// its own, since the inner parameters are given alongside (`warmup` excludes itself and the
    /// schedules with their own `warmup-steps`).
    public func followers(among kinds: [ScheduleKind]) -> [ScheduleKind] {
        Self.followers(ofWrapperWith: parameters, among: kinds)
    }

    /// ``followers(among:)`` of a wrapper with these parameters.
    public static func followers(ofWrapperWith parameters: [ParameterSpec], among kinds: [ScheduleKind])
        -> [ScheduleKind]
    {
        let own = Set(parameters.map(\.name))
        return kinds.filter { candidate in !candidate.parameters.contains { own.contains($0.name) } }
    }

    /// This kind with its bench row's schedule entry (``benchmark``).
    public func benchmarked(_ entry: String) -> ScheduleKind {
        var kind = self
        kind.benchmark = entry
        return kind
    }
}
