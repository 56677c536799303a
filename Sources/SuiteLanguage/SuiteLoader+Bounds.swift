import Parameters
import Yams

extension SuiteLoader {
    /// The ranges of the suite-level numbers (README "Robustness"); parameters of kinds are bounded by
    /// their specs, ``ParameterReader/maximumInteger`` and ``RunMemory``.
    public enum Bounds {
        /// `repetitions`: 1 … 10⁶ (the grid limit applies to the product as well).
        public static let repetitions = 1_000_000
        /// `timing-repeats`: 1 … 1000 (each repeat replays the whole run).
        public static let timingRepeats = 1000
        /// `budget.max-iterations` and `budget.max-gradient-evaluations`: 1 … 10¹².
        public static let iterations = ParameterReader.maximumInteger
        /// `budget.timeout`: > 0 … 10⁶ s (11.6 days).
        public static let timeoutSeconds = 1e6
        /// `budget.max-epochs`: > 0 … 10⁹.
        public static let epochs = 1e9
        /// `batch-size`: 1 … 10⁹ (more rows than any data set holds; larger sizes mean the full batch).
        public static let batchSize = 1_000_000_000
        /// Files read for one suite, the suite and every include (repeats counted): at most 64.
        public static let files = 64
        /// Values (scalars, lists, mappings) of one file once YAML aliases are expanded: at most 10⁶.
        public static let values = 1_000_000
        /// `name`: 1 … 100 characters.
        public static let nameLength = 100
    }

    /// Refuses a document whose aliases expand it past ``Bounds/values`` (an "alias bomb": a list of
    /// aliases of a long anchored list, a few hundred kilobytes that read as billions of values),
    /// counting nodes until the bound is passed, so the check costs at most that many steps.
    static func checkExpandedSize(_ root: Node, file: String) throws {
        var count = 0
        func visit(_ node: Node) -> Bool {
            count += 1
            if count > Bounds.values { return false }
            if let sequence = node.sequence { return sequence.allSatisfy(visit) }
            if let mapping = node.mapping { return mapping.allSatisfy { visit($0.key) && visit($0.value) } }
            return true
        }
        guard visit(root) else {
            throw SuiteError(
                file: file, line: nil, keyPath: "",
                message: "the file expands to more than \(Bounds.values) values (YAML aliases repeat what their "
                    + "anchor holds); write the lists out or split the suite")
        }
    }
}
