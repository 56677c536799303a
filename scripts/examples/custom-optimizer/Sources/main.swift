import GdbenchCommandLine
import Harness
import Objectives
import Optimizers

/// Sign descent (signSGD, Bernstein et al. 2018): x ← x − η·sign(∇f(x)).
struct SignDescent: Method {
    var lr: Double
    var gradient: [Double] = []

    mutating func prepare(at x: [Double], oracle: inout Oracle) throws {
        gradient = [Double](repeating: 0, count: x.count)
    }

    mutating func iterate(_ x: inout [Double], oracle: inout Oracle) throws -> IterationReport {
        oracle.gradient(at: x, into: &gradient)
        for i in x.indices where gradient[i] != 0 { x[i] -= gradient[i] > 0 ? lr : -lr }
        return IterationReport(learningRate: lr)
    }
}

let signDescent = OptimizerKind(
    name: "sign-descent", summary: "x ← x − η·sign(∇f)", updateRule: "x ← x − η·sign(∇f(x))",
    conventions: "no momentum", references: ["Bernstein et al. 2018, signSGD"],
    parameters: [
        ParameterSpec("lr", .number(minimum: 0, maximum: nil, minimumIsOpen: true), default: .number(1e-3), "η")
    ],
    acceptsSchedule: false,
    make: { parameters, _, _ in SignDescent(lr: try parameters.number("lr", default: 1e-3)) })

// The whole gdbench command line, with sign-descent added to the catalog: suites may name it, and
// `custom-optimizer describe sign-descent`, `list optimizers`, `check`, `plot`, … all know it.
var catalog = Catalog.builtIn
catalog.optimizers.append(signDescent)
GdbenchCommand.main(catalog: catalog)
