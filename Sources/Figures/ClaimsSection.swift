import Analysis
import Foundation

/// The "Claims" section of `report.md`: each claim of the notes that the run tested, its numbers
/// (median and 95 % bootstrap interval over the repetitions, per group and for the paired
/// difference) and whether this run supports it (``TrainingClaim``).
enum ClaimsSection {
    static func markdown(_ outcomes: [TrainingClaim.Outcome]) -> String {
        guard !outcomes.isEmpty else { return "" }
        var text = "\n## Claims\n\n"
        text += "Each claim is checked on paired repetitions: supported when the 95 % bootstrap interval of the median "
        text += "paired difference (positive favours the claim) lies above 0, or for a bound when the interval of the "
        text += "median lies below it. The verdict is this run's, at this scale; nothing was tuned to reach it.\n\n"
        let supported = outcomes.filter(\.supported).count
        text += "\(supported) of \(outcomes.count) claims supported by this run.\n\n"
        for outcome in outcomes {
            let claim = outcome.claim
            text +=
                "- **\(claim.statement)** (\(claim.source)): **\(outcome.supported ? "supported" : "not supported")**"
            text +=
                " by this run. "
                + "\(claim.quantity.rawValue.prefix(1).uppercased() + claim.quantity.rawValue.dropFirst()): "
            text += outcome.measurements.map(describe).joined(separator: "; ")
            if let difference = outcome.difference { text += "; " + describe(difference) }
            if let bound = claim.bound { text += "; bound " + ReportWriter.number(bound) }
            text += "."
            if let caveat = claim.caveat { text += " Caveat: \(caveat)." }
            text += "\n"
        }
        return text
    }

    static func describe(_ measurement: TrainingClaim.Measurement) -> String {
        var text = "\(measurement.label) \(ReportWriter.number(measurement.median))"
        if let interval = measurement.interval {
            text += " [\(ReportWriter.number(interval.lower)), \(ReportWriter.number(interval.upper))]"
        }
        return text + " (n = \(measurement.count))"
    }
}
