import Results

/// A sentence a suite's description (suites/README.md) states about its results, with the check that
/// decides it from a run's records. A claim ``holds`` or ``fails`` on the evidence it prints; it is
/// ``untested`` only when the records lack what it reads (e.g. a run filtered to other problems), and
/// the evidence then says what is missing. Suites register their claims in ``ClaimRegistry``.
public struct Claim: Sendable {
    /// The claim as the suite's description states it.
    public var statement: String
    /// Decides the claim from the records.
    public var check: @Sendable (ResultSet) -> ClaimOutcome

    public init(_ statement: String, check: @escaping @Sendable (ResultSet) -> ClaimOutcome) {
        self.statement = statement
        self.check = check
    }
}

/// The verdict on one claim and the measured numbers behind it.
public struct ClaimOutcome: Sendable, Equatable {
    public enum Verdict: String, Sendable {
        case holds, fails, untested
    }

    public var verdict: Verdict
    public var evidence: String

    public init(_ verdict: Verdict, _ evidence: String) {
        self.verdict = verdict
        self.evidence = evidence
    }

    /// `holds` when `condition`, else `fails`, with the same evidence.
    public static func when(_ condition: Bool, _ evidence: String) -> ClaimOutcome {
        ClaimOutcome(condition ? .holds : .fails, evidence)
    }

    /// `untested`, naming what the records lack.
    public static func missing(_ what: String) -> ClaimOutcome { ClaimOutcome(.untested, "no records: \(what)") }

    /// `holds` when every part holds, `fails` when one fails, else `untested`; evidence joined by "; ".
    public static func all(_ parts: [ClaimOutcome]) -> ClaimOutcome {
        let evidence = parts.map(\.evidence).joined(separator: "; ")
        if parts.isEmpty { return .missing("nothing to check") }
        if parts.contains(where: { $0.verdict == .fails }) { return ClaimOutcome(.fails, evidence) }
        if parts.contains(where: { $0.verdict == .untested }) { return ClaimOutcome(.untested, evidence) }
        return ClaimOutcome(.holds, evidence)
    }
}

/// One evaluated claim.
public struct ClaimResult: Sendable, Equatable {
    public var statement: String
    public var outcome: ClaimOutcome
}
