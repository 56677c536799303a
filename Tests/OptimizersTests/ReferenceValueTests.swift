import Objectives
import Optimizers
import TestSupport
import Testing

/// The [run] values of the reference (docs/reference.md §A.1, §A.5,
/// §E.1, §E.2), produced there by torch 2.15.0 and optax 0.2.8 on Q = ½(x₁² + 10x₂²) from (1, 1).
@Suite struct ReferenceValueTests {
    struct Case: Sendable, CustomStringConvertible {
        var kind: String
        var parameters: [String: ParameterValue]
        var step: Int
        var expected: [Double]
        var description: String {
            "\(kind) \(parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.summary)" }) step \(step)"
        }
    }

    static let quadratic = AxisAlignedQuadratic(diagonal: [1, 10], startingPoint: [1, 1])

    static let cases: [Case] = [
        // §A.1: torch Nesterov θ₁, θ₂.
        Case(kind: "nesterov", parameters: ["lr": .number(0.01)], step: 1, expected: [0.981, 0.81]),
        Case(kind: "nesterov", parameters: ["lr": .number(0.01)], step: 2, expected: [0.954261, 0.5751]),
        // §E.1 torch.
        Case(kind: "sgd", parameters: ["lr": .number(0.1)], step: 1, expected: [0.9, -5.551115123125783e-17]),
        Case(kind: "sgd", parameters: ["lr": .number(0.1)], step: 5, expected: [0.5904900000000001, -5.27e-82]),
        Case(
            kind: "sgd", parameters: ["lr": .number(0.01), "momentum": .number(0.9)], step: 5,
            expected: [0.8716340258999999, -0.029160000000000005]),
        Case(
            kind: "sgd", parameters: ["lr": .number(0.01), "momentum": .number(0.9), "dampening": .number(0.1)],
            step: 5,
            expected: [0.8802538899993899, 0.023058188999999802]),
        Case(
            kind: "sgd", parameters: ["lr": .number(0.01), "momentum": .number(0.9), "nesterov": .flag(true)], step: 5,
            expected: [0.8384407633205009, -0.10458168390000006]),
        Case(
            kind: "sgd", parameters: ["lr": .number(0.1), "weight-decay": .number(0.1)], step: 5,
            expected: [0.5584059449000001, -1.000000000000031e-10]),
        Case(kind: "adam", parameters: ["lr": .number(0.1)], step: 1, expected: [0.900000001, 0.9000000001]),
        Case(
            kind: "adam", parameters: ["lr": .number(0.1)], step: 5, expected: [0.507963661927221, 0.5079636571340391]),
        Case(
            kind: "adam", parameters: ["lr": .number(0.1), "amsgrad": .flag(true)], step: 5,
            expected: [0.507963661927221, 0.5079636571340391]),
        Case(
            kind: "adam", parameters: ["lr": .number(0.1), "weight-decay": .number(0.1)], step: 5,
            expected: [0.507963661443061, 0.507963657128766]),
        Case(
            kind: "adamw", parameters: ["lr": .number(0.1), "weight-decay": .number(0.1)], step: 5,
            expected: [0.4699526596188067, 0.469952654890928]),
        Case(kind: "adamw", parameters: ["lr": .number(0.1)], step: 1, expected: [0.899000001, 0.8990000001]),
        Case(
            kind: "adamw", parameters: ["lr": .number(0.1)], step: 5,
            expected: [0.5040800927472017, 0.5040800879605402]),
        Case(kind: "adagrad", parameters: ["lr": .number(0.1)], step: 1, expected: [0.90000000001, 0.900000000001]),
        Case(
            kind: "adagrad", parameters: ["lr": .number(0.1)], step: 5,
            expected: [0.6977148620648239, 0.6977148620459772]),
        Case(
            kind: "adagrad", parameters: ["lr": .number(0.1), "initial-accumulator-value": .number(0.1)], step: 5,
            expected: [0.7056087789715032, 0.6977981607315988]),
        Case(
            kind: "rmsprop", parameters: ["lr": .number(0.01)], step: 5,
            expected: [0.696465799281033, 0.6964657803039471]),
        Case(
            kind: "rmsprop", parameters: ["lr": .number(0.01), "centered": .flag(true), "momentum": .number(0.9)],
            step: 5,
            expected: [0.13470194964827822, 0.13470189305290436]),
        Case(
            kind: "rmsprop", parameters: ["lr": .number(0.01), "alpha": .number(0.9)], step: 1,
            expected: [0.9683772243983162]),
        Case(
            kind: "adadelta", parameters: ["lr": .number(1)], step: 5,
            expected: [0.9836313873486155, 0.9836313036667949]),
        Case(
            kind: "nadam", parameters: ["lr": .number(0.1)], step: 1,
            expected: [0.894354823220913, 0.8943548222701064]),
        Case(
            kind: "nadam", parameters: ["lr": .number(0.1)], step: 5,
            expected: [0.6236628937829315, 0.6236628904067734]),
        Case(
            kind: "radam", parameters: ["lr": .number(0.1)], step: 5,
            expected: [0.552364195101898, -0.32209816582588163]),
        Case(
            kind: "radam", parameters: ["lr": .number(0.1)], step: 8,
            expected: [0.543278166167949, -0.3177850579080244]),
        Case(
            kind: "adamax", parameters: ["lr": .number(0.1)], step: 5,
            expected: [0.5515538050506428, 0.5515538014697016]),
        // §A.5: 30 AMSGrad steps, torch (raw v) vs optax (corrected v̂); plain Adam for contrast.
        Case(
            kind: "adam", parameters: ["lr": .number(0.1), "amsgrad": .flag(true)], step: 30,
            expected: [-0.033985934692862124]),
        Case(kind: "amsgrad-optax", parameters: ["lr": .number(0.1)], step: 30, expected: [-0.12781071374449549]),
        Case(kind: "adam", parameters: ["lr": .number(0.1)], step: 30, expected: [-0.03396752696738836]),
        // §E.2 optax.
        Case(
            kind: "adagrad-optax", parameters: ["lr": .number(0.1)], step: 1,
            expected: [0.9046537454093613, 0.9000499625811478]),
        Case(
            kind: "adagrad-optax",
            parameters: ["lr": .number(0.1), "initial-accumulator-value": .number(0), "eps": .number(1e-10)],
            step: 1, expected: [0.900000000005, 0.90000000000005]),
        Case(
            kind: "rmsprop-optax", parameters: ["lr": .number(0.01)], step: 1,
            expected: [0.9683772249794549, 0.9683772234141276]),
        Case(
            kind: "amsgrad-optax", parameters: ["lr": .number(0.1)], step: 5,
            expected: [0.5523641990744242, 0.5523641954991507]),
        Case(
            kind: "nadam-optax", parameters: ["lr": .number(0.1)], step: 1,
            expected: [0.8526315804210526, 0.8526315790947369]),
        Case(
            kind: "radam-optax", parameters: ["lr": .number(0.1)], step: 8,
            expected: [0.5432781648505836, -0.3177850578211449]),
        Case(
            kind: "lion", parameters: ["lr": .number(0.1), "weight-decay": .number(0)], step: 1, expected: [0.9, 0.9]),
        Case(
            kind: "lion", parameters: ["lr": .number(0.1), "weight-decay": .number(0)], step: 5,
            expected: [0.5000000000000001, 0.5000000000000001]),
        Case(
            kind: "adabelief", parameters: ["lr": .number(0.1)], step: 1,
            expected: [0.8888888888888957, 0.888888888888889]),
        Case(
            kind: "adabelief", parameters: ["lr": .number(0.1)], step: 5,
            expected: [0.4044931873720895, 0.404493187372034]),
    ]

    @Test(arguments: cases)
    func matchesTheReference(_ test: Case) throws {
        let method = try Fixtures.kind(test.kind).make(ParameterSet(test.parameters), nil, 0)
        let iterate = try #require(try trajectory(method, on: Self.quadratic, steps: test.step).last)
        let observed = Array(iterate.prefix(test.expected.count))
        #expect(RelativeError.worst([observed], [test.expected]) <= 1e-12, "\(observed)")
    }

    /// Torch and optax RAdam agree for five steps and then differ by ~1e−9 (ε placement, §A.9); the
    /// tolerance above separates them.
    @Test func radamConventionsDifferAfterRectification() throws {
        let torch = try trajectory(
            try Fixtures.kind("radam").make(ParameterSet(["lr": .number(0.1)]), nil, 0),
            on: Self.quadratic, steps: 8)
        let optax = try trajectory(
            try Fixtures.kind("radam-optax").make(ParameterSet(["lr": .number(0.1)]), nil, 0),
            on: Self.quadratic, steps: 8)
        #expect(RelativeError.worst(Array(torch.prefix(5)), Array(optax.prefix(5))) <= 1e-15)
        #expect(abs(torch[7][0] - optax[7][0]) > 1e-10)
    }
}
