import Foundation
import Parameters
import Randomness

extension ProblemKind {
    /// `formula`: `f` (the formula; default the 2-D Rosenbrock function), `variables` (names, default `x, y`; with `d`,
    /// the one name of a vector x[1]…x[d]), `d` (vector form), `minimum` (f* if known) or `minimizer` (x*, then
    /// f* = f(x*)); without either, f* and x* come from ``NewtonMinimum`` (8 starts) and the problem's
    /// ``FormulaObjective/optimumSource`` says so. Starts at 0 unless the entry gives `start:`.
    public static let formula = ProblemKind(
        name: "formula",
        summary:
            "your own f, e.g. \"100*(y - x^2)^2 + (1 - x)^2\" or \"sum over i in 1..d (x[i]^2)\": exact derivatives "
            + "by AD",
        parameters: formulaParameters,
        make: { parameters, _ in try makeFormula(parameters) })

    static let formulaParameters: [ParameterSpec] = [
        ParameterSpec(
            "f", .choice([]), default: .text("100*(y - x^2)^2 + (1 - x)^2"),
            "the formula: + - * / ^, sin cos tan exp log sqrt tanh sinh cosh atan abs, "
                + "pi, e, sum over i in a..b (…), x[i] in vector form"),
        ParameterSpec(
            "variables", .choice([]), default: .text("x,y"),
            "names of the variables ([x, y]); with d, the one name of the vector x[1]…x[d]"),
        ParameterSpec(
            "d", .integer(minimum: 1), default: .text("variables"),
            "dimension of the vector form (at most 1000000)"),
        ParameterSpec(
            "minimum", .number(minimum: nil, maximum: nil), default: .text("newton"),
            "known f*; default: Newton's method from 8 starts"),
        ParameterSpec("minimizer", .numbers, default: .text("none"), "known x* (then f* = f(x*))"),
    ]

    /// Largest vector dimension of a formula.
    static let maximumFormulaDimension = 1_000_000

    static func makeFormula(_ parameters: ParameterSet) throws -> FormulaObjective {
        let reader = try ParameterReader(parameters, specs: formulaParameters, kind: "formula")
        let formula = try reader.choice("f")
        let dimension = try reader.optionalInteger("d")
        let namesText = parameters["variables"] == nil && dimension != nil ? "x" : try reader.choice("variables")
        let names = namesText.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        try checkNames(names, vector: dimension != nil)
        if let dimension, dimension > maximumFormulaDimension {
            throw ParameterError(
                key: "d", expected: "a whole number in 1…\(maximumFormulaDimension)", found: String(dimension))
        }
        let base: FormulaObjective
        do {
            base = try FormulaObjective(formula: formula, variables: names, dimension: dimension)
        } catch let error as FormulaError {
            throw ParameterError(
                key: "f", expected: "a valid formula",
                found: "\"\(formula.prefix(60))\(formula.count > 60 ? "…" : "")\": \(error)")
        }
        let start = base.startingPoint
        let minimizerGiven = parameters["minimizer"] != nil && parameters["minimizer"] != .text("none")
        if minimizerGiven {
            let minimizer = try reader.numbers("minimizer")
            guard minimizer.count == base.dimension else {
                throw ParameterError(
                    key: "minimizer", expected: "\(base.dimension) numbers (one per variable)",
                    found: "\(minimizer.count)")
            }
            let value = base.value(at: minimizer)
            if let given = try reader.optionalNumber("minimum"), given != value {
                throw ParameterError(
                    key: "minimum", expected: "f at the given minimizer, \(value)",
                    found: ParameterValue.format(given))
            }
            return base.with(
                start: start, constants: ObjectiveConstants(optimalValue: value, minimizer: minimizer),
                optimumSource: "f at the given minimizer")
        }
        if let given = try reader.optionalNumber("minimum") {
            return base.with(start: start, constants: ObjectiveConstants(optimalValue: given), optimumSource: "given")
        }
        guard base.dimension <= NewtonMinimum.maximumDimension else {
            return base.with(
                start: start, constants: ObjectiveConstants(),
                optimumSource: "unknown: d > \(NewtonMinimum.maximumDimension), give minimum or minimizer")
        }
        // Seeded by the formula text, not the problem seed: the instance draws nothing.
        let seed = SeedDerivation.derive(SeedDerivation.fnv1a64(formula), "newton/\(namesText)/\(base.dimension)")
        guard let found = NewtonMinimum.search(base, from: start, seed: seed) else {
            return base.with(
                start: start, constants: ObjectiveConstants(),
                optimumSource: "unknown: Newton's method converged from none of 8 starts")
        }
        return base.with(
            start: start, constants: ObjectiveConstants(optimalValue: found.value, minimizer: found.minimizer),
            optimumSource:
                "computed by Newton's method, least local minimum from \(found.converged) of \(found.starts) "
                + "converged starts (not proven global)")
    }

    static func checkNames(_ names: [String], vector: Bool) throws {
        guard !names.isEmpty, names.count <= maximumFormulaDimension else {
            throw ParameterError(key: "variables", expected: "at least one name", found: "none")
        }
        if vector && names.count != 1 {
            throw ParameterError(
                key: "variables", expected: "one vector name with d", found: names.joined(separator: ", "))
        }
        let reserved = FormulaFunction.allCases.map(\.rawValue) + ["sum", "over", "in", "pi", "e", "d"]
        var seen = Set<String>()
        for name in names {
            let valid =
                name.first.map { $0.isLetter || $0 == "_" } == true
                && name.allSatisfy { ($0.isLetter || $0.isNumber || $0 == "_") && $0.isASCII }
            guard valid, !reserved.contains(name), seen.insert(name).inserted else {
                throw ParameterError(
                    key: "variables",
                    expected: "distinct names of letters, digits and _ "
                        + "(not a function, sum, over, in, pi, e or d)", found: "'\(name)'")
            }
        }
    }
}
