import Results

extension ProblemIdentity {
    /// The problem with the swept parameter `key` left out, plus batch size and noise:
    /// `kind[other parameters] batch=… noise=…`, which groups the runs of one scaling sweep.
    func family(without key: String) -> String {
        let others = parameters.keys.sorted().filter { $0 != key }.map { "\($0)=\(parameters[$0] ?? "")" }
        var text = kind + (others.isEmpty ? "" : "[" + others.joined(separator: ",") + "]")
        if let batchSize { text += " batch=\(batchSize)" }
        if gradientNoise != 0 { text += " noise=\(gradientNoise)" }
        return text
    }
}
