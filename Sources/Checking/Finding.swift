import Results

/// One observation about a run in a comparison, e.g. `iterations to 1e-06: 40 → 41 (+1; tolerance exact)`.
public struct Finding: Sendable, Equatable {
    /// Most severe first.
    public enum Kind: Int, Sendable, Comparable, CaseIterable {
        /// Status got worse, a target or milestone was lost, or a count grew beyond tolerance
        /// (and, with `--fail-on-time`, wall time grew beyond `--time-tolerance`).
        case regression
        /// The opposite of a regression.
        case improvement
        /// Counts within tolerance, but the final-iterate fingerprint, the final gap (beyond its
        /// tolerance) or the failure kind (`diverged` ↔ `error`) changed.
        case behaviourChange
        /// Wall time beyond `--time-tolerance` without `--fail-on-time`.
        case warning
        /// A difference within tolerance, for information.
        case note

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var kind: Kind
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}
