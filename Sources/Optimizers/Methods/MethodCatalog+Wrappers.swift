import Objectives
import Parameters

/// The wrapper kinds `switch` and `random-restarts`, whose inner methods are other kinds of the catalog.
extension MethodCatalog {
    /// `switch`: method `first` for `switch-at` iterations, then `second`. Inner parameters are the
    /// keys `first.*` and `second.*`; inner seeds are derived from the run seed with the labels
    /// "first" and "second"; the inner kinds are looked up in the catalog the kind is bound to.
    public static let switchKind: OptimizerKind = {
        let specs = [
            ParameterSpec("first", .choice([]), "name of the method run first (any optimizer kind)"),
            ParameterSpec("second", .choice([]), "name of the method run after the switch (any optimizer kind)"),
            ParameterSpec("switch-at", .integer(minimum: 0), default: .number(100), "iterations of the first method"),
        ]
        return OptimizerKind(
            name: "switch",
            summary: "run one method for k iterations, then another (e.g. Adam then SGD)",
            updateRule: "iterations 1…k: method first;  from k + 1: method second, prepared at the switch point",
            conventions:
                "Inner parameters are given as first.<key> and second.<key>. A stalled first method switches early.",
            references: ["Keskar & Socher 2017, Improving generalization performance by switching from Adam to SGD"],
            parameters: specs, innerKindKeys: ["first", "second"],
            makeWithin: { kinds, parameters, _, seed in
                let reader = try ParameterReader(
                    parameters, specs: specs, kind: "switch", nestedPrefixes: ["first", "second"])
                let switchAt = try reader.integer("switch-at")
                let first = try OptimizerKind.inner("first", of: reader, among: kinds, seed: seed)
                let second = try OptimizerKind.inner("second", of: reader, among: kinds, seed: seed)
                return makeSwitch(first, second, switchAt: switchAt)
            })
    }().benchmarked("{kind: switch, first: adam, second: sgd, second.lr: 1e-3, switch-at: 1000}")

    /// `random-restarts`: the method `inner` from `restarts` starts. Inner parameters are the keys
    /// `inner.*`; the inner seed is derived with the label "inner", the start directions use the
    /// run seed itself; the inner kind is looked up in the catalog the kind is bound to.
    public static let randomRestartsKind: OptimizerKind = {
        let specs = [
            ParameterSpec("inner", .choice([]), "name of the inner method (any optimizer kind)"),
            ParameterSpec("restarts", .integer(minimum: 1), default: .number(5), "number of starts r (including x₀)"),
            ParameterSpec(
                "iterations-per-restart", .integer(minimum: 1), default: .number(1000), "inner iterations per start"),
            ParameterSpec(
                "radius", .number(minimum: 0, maximum: nil, minimumIsOpen: true), default: .number(1),
                "distance of the random starts from x₀"),
        ]
        return OptimizerKind(
            name: "random-restarts",
            summary: "an inner method restarted from random points around the start; keeps the best",
            updateRule: """
                starts: x₀, then x₀ + radius·u_j (u_j uniform on the unit sphere); iterations-per-restart inner \
                iterations each
                the reported iterate is the best point so far
                """,
            conventions:
                "Inner parameters are given as inner.<key>. A stalled inner method moves on to the next start.",
            references: ["Martí, Lozano & Resende 2018, Handbook of Heuristics: multi-start methods"],
            parameters: specs, innerKindKeys: ["inner"],
            makeWithin: { kinds, parameters, _, seed in
                let reader = try ParameterReader(
                    parameters, specs: specs, kind: "random-restarts", nestedPrefixes: ["inner"])
                let restarts = try reader.integer("restarts")
                let iterations = try reader.integer("iterations-per-restart")
                let radius = try reader.number("radius")
                let inner = try OptimizerKind.inner("inner", of: reader, among: kinds, seed: seed)
                return makeRestarts(inner, restarts: restarts, iterations: iterations, radius: radius, seed: seed)
            })
    }().benchmarked("{kind: random-restarts, inner: gd-armijo, restarts: 5, iterations-per-restart: 1000}")

    /// `first`, then `second` (both boxed, so the wrapper is one concrete type, boxed in turn).
    static func makeSwitch(_ first: MethodBox, _ second: MethodBox, switchAt: Int) -> MethodBox {
        MethodBox(SwitchMethod(first: first, second: second, switchAt: switchAt))
    }

    /// Restarts of the boxed `inner` (each restart steps a fresh copy of it).
    static func makeRestarts(_ inner: MethodBox, restarts: Int, iterations: Int, radius: Double, seed: UInt64)
        -> MethodBox
    {
        MethodBox(
            RandomRestarts(
                inner: inner, restarts: restarts, iterationsPerRestart: iterations, radius: radius, seed: seed))
    }
}
