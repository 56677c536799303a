import Randomness

/// The neural-network problem kinds: `mlp` (a classifier on digits, two moons, spirals or a user's
/// data file, see ``NeuralNetworkProblems+DataFiles.swift``) and
/// `recurrent-cliff` (an unrolled tanh unit with an exploding-gradient wall).
///
/// `mlp` draws one 64-bit seed from the problem's generator and derives from it the synthetic data
/// (`"data"`), the train/test split (`"split"`) and the initial weights (`"init"`), so changing
/// one of them leaves the others alone.
public enum NeuralNetworkProblems {
    public static let kinds: [ProblemKind] = [mlp, recurrentCliff]

    /// Largest hidden width, number of hidden layers, parameter count and synthetic rows.
    public static let maximumWidth = 4096, maximumHiddenLayers = 32, maximumParameters = 4_000_000
    public static let maximumSamples = 1_000_000

    public static let mlp = ProblemKind(
        name: "mlp",
        summary: "multilayer perceptron classifier (tanh/relu/gelu, cross-entropy or squared loss) on digits, "
            + "two moons, spirals or your CSV/LIBSVM file",
        parameters: mlpParameters, isFiniteSum: true,
        make: { parameters, generator in try makeMLP(parameters, seed: generator.next()) })

    static let mlpParameters: [ParameterSpec] =
        [
            ParameterSpec(
                "data", .choice(["digits", "two-moons", "spirals"]), default: .text("digits"),
                "digits (UCI handwritten digits, 1797×64, pixels/16), two-moons or spirals (seeded, 2-D)"),
            ParameterSpec("n", .integer(minimum: 4), default: .number(1000), "synthetic rows (before the split)"),
            ParameterSpec(
                "noise", .number(minimum: 0, maximum: 10), default: .number(0.2),
                "synthetic: standard deviation of the coordinate (moons) or angle (spirals) noise"),
            ParameterSpec("classes", .integer(minimum: 2), default: .number(3), "spirals: number of arms (at most 10)"),
            ParameterSpec("hidden", .numbers, default: .numbers([32]), "hidden-layer widths, e.g. [128, 128]"),
            ParameterSpec(
                "activation", .choice(Activation.allCases.map(\.rawValue)), default: .text("tanh"),
                "hidden nonlinearity: tanh, relu or gelu (exact erf form)"),
            ParameterSpec(
                "loss", .choice(MultilayerPerceptron.Loss.allCases.map(\.rawValue)), default: .text("cross-entropy"),
                "softmax cross-entropy or squared loss against one-hot targets"),
            ParameterSpec(
                "init", .choice(["auto", "glorot", "he"]), default: .text("auto"),
                "initial weights: glorot (uniform), he (normal), auto = glorot for tanh, he otherwise; biases 0"),
            ParameterSpec(
                "init-gain", .number(minimum: 0, maximum: 100, minimumIsOpen: true), default: .number(1),
                "factor on every initial weight (> 1 makes deep tanh nets explode)"),
            ParameterSpec(
                "lambda", .number(minimum: 0, maximum: nil), default: .number(0),
                "coupled L2 term (λ/2)‖θ‖² of the objective"),
            ParameterSpec(
                "test-fraction", .number(minimum: 0, maximum: 1, maximumIsOpen: true), default: .number(0.2),
                "fraction of rows held out for held-out loss and accuracy"),
            ParameterSpec(
                "standardize", .flag, default: .flag(true),
                "file: z-score the features with the training rows' mean and population std "
                    + "(shipped sets come scaled)"),
        ] + DataFileProblems.parameters

    /// The `mlp` instance for validated parameters.
    public static func makeMLP(_ parameters: ParameterSet, seed: UInt64) throws -> MultilayerPerceptron {
        let reader = try ParameterReader(parameters, specs: mlpParameters, kind: "mlp")
        let training: Dataset, test: Dataset?, classes: Int
        if let file = try DataFileProblems.key(parameters) {
            (training, test, classes) = try fileData(parameters, reader: reader, key: file, seed: seed)
        } else {
            if let given = parameters["standardize"], given != .flag(true) {
                throw ParameterError(
                    key: "standardize",
                    expected: "no value without file: (the shipped and synthetic sets "
                        + "come scaled)", found: given.summary)
            }
            let data: Dataset
            (data, classes) = try builtInData(parameters, reader: reader, seed: seed)
            let testFraction = try checkedTestFraction(reader, rows: data.rowCount)
            var splitGenerator = Xoshiro256StarStar(seed: SeedDerivation.derive(seed, "split"))
            (training, test) = data.split(testFraction: testFraction, using: &splitGenerator)
        }
        let hidden = try reader.numbers("hidden")
        guard hidden.count <= maximumHiddenLayers,
            hidden.allSatisfy({ $0 >= 1 && $0 <= Double(maximumWidth) && $0 == $0.rounded() })
        else {
            throw ParameterError(
                key: "hidden", expected: "at most \(maximumHiddenLayers) whole widths in 1…\(maximumWidth)",
                found: ParameterValue.numbers(hidden).summary)
        }
        let widths = [training.columnCount] + hidden.map { Int($0) } + [classes]
        guard MultilayerPerceptron.parameterCount(widths: widths) <= maximumParameters else {
            throw ParameterError(
                key: "hidden", expected: "widths giving at most \(maximumParameters) parameters",
                found: ParameterValue.numbers(hidden).summary)
        }
        let activation = Activation(rawValue: try reader.choice("activation")) ?? .tanh
        let scheme: MultilayerPerceptron.Initialization
        switch try reader.choice("init") {
        case "glorot": scheme = .glorot
        case "he": scheme = .he
        default: scheme = activation == .tanh ? .glorot : .he
        }
        var initGenerator = Xoshiro256StarStar(seed: SeedDerivation.derive(seed, "init"))
        let gain = try reader.number("init-gain")
        var start = MultilayerPerceptron.initialWeights(widths: widths, scheme: scheme, using: &initGenerator)
        if gain != 1 { start = start.map { $0 * gain } }
        return MultilayerPerceptron(
            widths: widths, activation: activation,
            loss: MultilayerPerceptron.Loss(rawValue: try reader.choice("loss")) ?? .crossEntropy,
            training: training, test: test, lambda: try reader.number("lambda"), start: start)
    }

    /// The shipped or synthetic data set `data` names, and its class count.
    static func builtInData(_ parameters: ParameterSet, reader: ParameterReader, seed: UInt64) throws -> (Dataset, Int)
    {
        let source = try reader.choice("data")
        let data: Dataset
        let classes: Int
        if source == "digits" {
            // A synthetic-only key may be given at its default (a suite spelling out every default), nothing else.
            for key in ["n", "noise", "classes"]
            where parameters[key] != nil
                && parameters[key] != mlpParameters.first(where: { $0.name == key })?.defaultValue
            {
                throw ParameterError(
                    key: key, expected: "no value with data: digits (the data set is fixed, 1797×64)",
                    found: parameters[key]?.summary ?? "")
            }
            data = ClassificationData.digits
            classes = 10
        } else {
            let n = try reader.integer("n")
            guard n <= maximumSamples else {
                throw ParameterError(key: "n", expected: "a whole number in 4…\(maximumSamples)", found: String(n))
            }
            let noise = try reader.number("noise"), dataSeed = SeedDerivation.derive(seed, "data")
            if source == "two-moons" {
                let classesDefault = mlpParameters.first { $0.name == "classes" }?.defaultValue
                if parameters["classes"] != nil && parameters["classes"] != classesDefault {
                    throw ParameterError(
                        key: "classes", expected: "no value with data: two-moons (2 classes)",
                        found: parameters["classes"]?.summary ?? "")
                }
                classes = 2
                data = ClassificationData.twoMoons(samples: n, noise: noise, seed: dataSeed)
            } else {
                classes = try reader.integer("classes")
                guard classes <= 10 && classes <= n else {
                    throw ParameterError(
                        key: "classes", expected: "a whole number in 2…10, at most n", found: String(classes))
                }
                data = ClassificationData.spirals(samples: n, classes: classes, noise: noise, seed: dataSeed)
            }
        }
        return (data, classes)
    }

    public static let recurrentCliff = ProblemKind(
        name: "recurrent-cliff",
        summary:
            "tanh unit h_t = tanh(w h_{t−1} + b) unrolled T steps, ½(h_T − y)²: an exploding-gradient cliff (Pascanu "
            + "et al. 2013)",
        parameters: cliffParameters,
        make: { parameters, _ in
            let reader = try ParameterReader(parameters, specs: cliffParameters, kind: "recurrent-cliff")
            let steps = try reader.integer("steps")
            guard steps <= 10_000 else {
                throw ParameterError(key: "steps", expected: "a whole number in 1…10000", found: String(steps))
            }
            let start = try reader.numbers("start")
            guard start.count == 2, start.allSatisfy({ $0.isFinite }) else {
                throw ParameterError(
                    key: "start", expected: "two finite numbers [w, b]", found: ParameterValue.numbers(start).summary)
            }
            return RecurrentCliff(
                steps: steps, initialState: try reader.number("initial-state"),
                target: try reader.number("target"), start: start)
        })

    static let cliffParameters: [ParameterSpec] = [
        ParameterSpec("steps", .integer(minimum: 1), default: .number(20), "T, the unrolled steps (at most 10000)"),
        ParameterSpec("initial-state", .number(minimum: -1, maximum: 1), default: .number(0.5), "h₀"),
        ParameterSpec(
            "target", .number(minimum: -1, maximum: 1, minimumIsOpen: true, maximumIsOpen: true),
            default: .number(0.7), "y, the wanted h_T"),
        ParameterSpec("start", .numbers, default: .numbers([2, -1]), "(w, b) at the start"),
    ]
}
