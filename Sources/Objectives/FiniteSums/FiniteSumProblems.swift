import Parameters
import Randomness

/// The finite-sum problem kinds: `logistic` (L2-regularised logistic regression on synthetic or
/// breast-cancer data) and `least-squares` (regularised linear regression on synthetic data).
///
/// Each `make` draws one 64-bit seed from the problem's generator; the synthetic data use it directly
/// and the train/test split uses `SeedDerivation.derive(seed, "split")`, so the data do not change
/// with `test-fraction`. The constants (f*, x*, L, μ) are solved once per distinct instance and
/// process (see ``ConstantsCache``).
public enum FiniteSumProblems {
    public static let kinds: [ProblemKind] = [logistic, leastSquares]

    /// Largest d (``InstanceLimits/maximumFeatures``).
    public static let maximumFeatures = InstanceLimits.maximumFeatures
    /// Largest n·d (``InstanceLimits/maximumEntries``).
    public static let maximumEntries = InstanceLimits.maximumEntries

    static let syntheticOnlyKeys = ["n", "d", "feature-conditioning", "label-noise"]

    public static let logistic = ProblemKind(
        name: "logistic",
        summary:
            "L2-regularised logistic regression, mean loss, labels ±1 (synthetic, breast-cancer or your CSV/LIBSVM "
            + "file)",
        parameters: logisticParameters,
        isFiniteSum: true,
        make: { parameters, generator in
            if let file = try DataFileProblems.key(parameters) {
                return try DataFileProblems.logistic(parameters, file: file, seed: generator.next())
            }
            return try LogisticRegression(configuration: logisticConfiguration(parameters, seed: generator.next()))
        })

    static let logisticParameters: [ParameterSpec] =
        [
            ParameterSpec(
                "data", .choice(["synthetic", "breast-cancer"]), default: .text("synthetic"),
                "synthetic (seeded Gaussian features) or breast-cancer (UCI Wisconsin Diagnostic, 569×30)"),
            ParameterSpec("n", .integer(minimum: 2), default: .number(1000), "synthetic rows (before the split)"),
            ParameterSpec(
                "d", .integer(minimum: 1), default: .number(20), "synthetic features (at most \(maximumFeatures))"),
            ParameterSpec(
                "feature-conditioning", .number(minimum: 1, maximum: 1e12), default: .number(100),
                "synthetic: ratio of the largest to the smallest column variance"),
            ParameterSpec(
                "label-noise", .number(minimum: 0, maximum: 0.5), default: .number(0.1),
                "synthetic: probability that a label is flipped"),
            ParameterSpec(
                "standardize", .flag, default: .flag(true),
                "z-score features with the training mean and population std (synthetic: before the column scales)"),
            ParameterSpec("intercept", .flag, default: .flag(false), "append a (regularised) column of ones"),
            ParameterSpec(
                "lambda", .number(minimum: 0, maximum: nil), default: .number(1e-3),
                "L2 regularisation λ (μ = λ); 0 only on separable synthetic data (label-noise 0): no minimiser, f* = "
                    + "0"),
            ParameterSpec(
                "test-fraction", .number(minimum: 0, maximum: 1, maximumIsOpen: true), default: .number(0),
                "fraction of rows held out for held-out accuracy"),
        ] + DataFileProblems.parameters

    public static let leastSquares = ProblemKind(
        name: "least-squares",
        summary: "regularised linear least squares (1/(2n))‖Xw − y‖² + (λ/2)‖w‖² on seeded synthetic data or your file",
        parameters: leastSquaresParameters,
        isFiniteSum: true,
        make: { parameters, generator in
            if let file = try DataFileProblems.key(parameters) {
                return try DataFileProblems.leastSquares(parameters, file: file)
            }
            return try LeastSquares(configuration: leastSquaresConfiguration(parameters, seed: generator.next()))
        })

    static let leastSquaresParameters: [ParameterSpec] =
        [
            ParameterSpec("n", .integer(minimum: 1), default: .number(1000), "rows"),
            ParameterSpec("d", .integer(minimum: 1), default: .number(20), "features (at most \(maximumFeatures))"),
            ParameterSpec(
                "feature-conditioning", .number(minimum: 1, maximum: 1e12), default: .number(100),
                "ratio of the largest to the smallest column variance"),
            ParameterSpec(
                "noise", .number(minimum: 0, maximum: nil), default: .number(0.1),
                "standard deviation σ of the response noise"),
            ParameterSpec(
                "lambda", .number(minimum: 0, maximum: nil), default: .number(0),
                "L2 regularisation λ ≥ 0 (λ = 0 with n < d: over-parameterised, x* the minimum-norm solution)"),
        ] + DataFileProblems.parameters

    /// The validated configuration of a `logistic` instance.
    public static func logisticConfiguration(_ parameters: ParameterSet, seed: UInt64) throws
        -> LogisticRegression.Configuration
    {
        let reader = try ParameterReader(parameters, specs: logisticParameters, kind: "logistic")
        let source: LogisticRegression.Configuration.Source
        let rows: Int
        if try reader.choice("data") == "breast-cancer" {
            for key in syntheticOnlyKeys where parameters[key] != nil {
                throw ParameterError(
                    key: key, expected: "no value with data: breast-cancer (the data set is fixed, 569×30)",
                    found: parameters[key]?.summary ?? "")
            }
            source = .breastCancer
            rows = Dataset.breastCancerWisconsin.rowCount
        } else {
            let (n, d) = try sizes(reader)
            rows = n
            source = .synthetic(
                SyntheticClassificationData(
                    samples: n, features: d, featureConditioning: try reader.number("feature-conditioning"),
                    labelNoise: try reader.number("label-noise"), seed: seed))
        }
        try checkSeparableWithoutRegularisation(reader, source: source)
        let testFraction = try reader.number("test-fraction")
        let testRows = Int((testFraction * Double(rows)).rounded())
        guard rows - testRows >= 2 else {
            throw ParameterError(
                key: "test-fraction", expected: "a number in [0, 1) that leaves at least 2 training rows",
                found: ParameterValue.format(testFraction))
        }
        return LogisticRegression.Configuration(
            source: source, standardize: try reader.flag("standardize"), intercept: try reader.flag("intercept"),
            lambda: try reader.number("lambda"), testFraction: testFraction,
            splitSeed: SeedDerivation.derive(seed, "split"))
    }

    /// λ = 0 is accepted only where the rows are known to be linearly separable — synthetic data with
    /// label-noise 0, separable through the origin by the generating weights, and still so after
    /// standardising when an intercept absorbs the shift — because only there gdbench knows the answer:
    /// the mean loss has infimum f* = 0 and no minimiser (‖x_k‖ → ∞ along any minimising sequence;
    /// Soudry et al. 2018), so targets must be on f or ‖∇f‖, not on the distance to x*.
    static func checkSeparableWithoutRegularisation(
        _ reader: ParameterReader,
        source: LogisticRegression.Configuration.Source
    ) throws {
        guard try reader.number("lambda") == 0 else { return }
        guard case .synthetic(let data) = source, data.labelNoise == 0,
            try !reader.flag("standardize") || reader.flag("intercept")
        else {
            throw ParameterError(
                key: "lambda",
                expected: "a number > 0, or 0 only with data: synthetic, label-noise: 0 and standardize: false (or "
                    + "intercept: "
                    + "true): separable rows, where the loss has no minimiser and f* = 0",
                found: "0")
        }
    }

    /// The validated configuration of a `least-squares` instance.
    public static func leastSquaresConfiguration(_ parameters: ParameterSet, seed: UInt64) throws
        -> LeastSquares.Configuration
    {
        let reader = try ParameterReader(parameters, specs: leastSquaresParameters, kind: "least-squares")
        let (n, d) = try sizes(reader)
        let lambda = try reader.number("lambda")
        return LeastSquares.Configuration(
            data: SyntheticRegressionData(
                samples: n, features: d, featureConditioning: try reader.number("feature-conditioning"),
                noise: try reader.number("noise"), seed: seed),
            lambda: lambda)
    }

    /// n and d (minimum from the specs), with d ≤ ``maximumFeatures``, n·d ≤ ``maximumEntries`` and the
    /// construction within this machine's memory (``InstanceLimits/checkMemory(_:key:found:what:available:)``).
    static func sizes(_ reader: ParameterReader) throws -> (n: Int, d: Int) {
        let n = try reader.integer("n")
        let d = try reader.integer("d")
        guard d <= maximumFeatures else {
            throw ParameterError(key: "d", expected: "a whole number in 1…\(maximumFeatures)", found: String(d))
        }
        guard n <= maximumEntries / d else {
            throw ParameterError(
                key: "n", expected: "at most \(maximumEntries / d) rows for d = \(d) (n·d ≤ \(maximumEntries))",
                found: String(n))
        }
        try InstanceLimits.checkMemory(
            InstanceLimits.finiteSumBytes(rows: n, features: d), key: "n", found: String(n),
            what: "n = \(n), d = \(d)")
        return (n, d)
    }
}
