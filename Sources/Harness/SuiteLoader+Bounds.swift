extension SuiteLoader {
    /// The ranges of the suite-level numbers (README "Robustness"); parameters of kinds are bounded by
    /// their specs, ``ParameterCheck/maximumInteger`` and ``RunMemory``.
    public enum Bounds {
        /// `repetitions`: 1 … 10⁶ (the grid limit applies to the product as well).
        public static let repetitions = 1_000_000
        /// `timing-repeats`: 1 … 1000 (each repeat replays the whole run).
        public static let timingRepeats = 1000
        /// `budget.max-iterations` and `budget.max-gradient-evaluations`: 1 … 10¹².
        public static let iterations = ParameterCheck.maximumInteger
        /// `budget.timeout`: > 0 … 10⁶ s (11.6 days).
        public static let timeoutSeconds = 1e6
        /// `budget.max-epochs`: > 0 … 10⁹.
        public static let epochs = 1e9
        /// `batch-size`: 1 … 10⁹ (more rows than any data set holds; larger sizes mean the full batch).
        public static let batchSize = 1_000_000_000
        /// Files read for one suite, the suite and every include (repeats counted): at most 64.
        public static let files = 64
        /// `name`: 1 … 100 characters.
        public static let nameLength = 100
    }
}
