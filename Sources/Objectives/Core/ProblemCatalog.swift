/// Every problem kind gdbench knows, in the order `gdbench list problems` shows them. Other kinds
/// are added by appending to ``builtIn``.
public enum ProblemCatalog {
    public static let builtIn: [ProblemKind] =
        [
            .quadratic,
            .narrowValley,
            .shiftedBowl,
            .rosenbrock,
            .doubleWell,
            .indexSaddle,
            .monkeySaddle,
            .beale,
            .booth,
            .himmelblau,
            .sixHumpCamel,
            .threeHumpCamel,
            .styblinskiTang,
            .rastrigin,
            .powellSingular,
            .wood,
        ] + FiniteSumProblems.kinds + NeuralNetworkProblems.kinds + [.formula] + OnlineProblems.kinds

    /// The built-in kind called `name`, if any.
    public static func kind(named name: String) -> ProblemKind? {
        builtIn.first { $0.name == name }
    }
}
