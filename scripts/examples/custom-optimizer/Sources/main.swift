import Foundation
import Harness
import Objectives
import Optimizers
import Results

/// Sign descent (signSGD, Bernstein et al. 2018): x ← x − η·sign(∇f(x)).
struct SignDescent: Method {
    var lr: Double
    var gradient: [Double] = []

    mutating func prepare<O: Objective>(at x: [Double], oracle: inout Oracle<O>) throws {
        gradient = [Double](repeating: 0, count: x.count)
    }

    mutating func iterate<O: Objective>(_ x: inout [Double], oracle: inout Oracle<O>) throws -> IterationReport {
        oracle.gradient(at: x, into: &gradient)
        for i in x.indices where gradient[i] != 0 { x[i] -= gradient[i] > 0 ? lr : -lr }
        return IterationReport(learningRate: lr)
    }
}

let signDescent = OptimizerKind(
    name: "sign-descent", summary: "x ← x − η·sign(∇f)", updateRule: "x ← x − η·sign(∇f(x))",
    conventions: "no momentum", references: ["Bernstein et al. 2018, signSGD"],
    parameters: [ParameterSpec("lr", .number(minimum: 0, maximum: nil, minimumIsOpen: true), default: .number(1e-3), "η")],
    acceptsSchedule: false,
    make: { parameters, _, _ in SignDescent(lr: try parameters.number("lr", default: 1e-3)) })

// Register the kind, then run the conditioning suite's problems with Adam and sign descent.
do {
    var catalog = Catalog.builtIn
    catalog.optimizers.append(signDescent)
    let path = CommandLine.arguments.dropFirst().first ?? "../../../suites/conditioning.yaml"
    var suite = try SuiteLoader(catalog: catalog).load(path: path)
    suite.optimizers = suite.optimizers.filter { $0.kind.name == "adam" }
    suite.optimizers.append(OptimizerEntry(kind: signDescent, parameters: ["lr": [.number(1e-3), .number(1e-2)]],
                                           location: SourceLocation(keyPath: "sign-descent")))
    suite.name += "-sign-descent"
    suite.updateDigest()
    let options = SessionOptions(resultsRoot: URL(fileURLWithPath: "results"), jobs: 2)
    let outcome = try Session.run(try RunPlan(suite: suite), options: options)
    print(outcome.table?.text() ?? "", "→", outcome.directory.url.path)
} catch {
    FileHandle.standardError.write(Data("custom-optimizer: \(error)\n".utf8))
    exit(2)
}
