/// Suggests the closest valid name for a misspelt one (Levenshtein edit distance), for error
/// messages such as `unknown optimizer kind 'adma' (did you mean 'adam'?)`.
public enum NearestName {
    /// Levenshtein distance between two strings, over Unicode scalars.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// The candidate with the smallest edit distance (ties: the first in sorted order), if any is
    /// within max(2, name length / 2) edits.
    public static func nearest(to name: String, in candidates: [String]) -> String? {
        var best: (distance: Int, name: String)?
        for candidate in candidates.sorted() {
            let distance = editDistance(name.lowercased(), candidate.lowercased())
            if let current = best, distance >= current.distance { continue }
            best = (distance, candidate)
        }
        guard let best, best.distance <= max(2, name.count / 2) else { return nil }
        return best.name
    }

    /// " (did you mean 'x'?)" or "" when nothing is close.
    public static func hint(for name: String, in candidates: [String]) -> String {
        nearest(to: name, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }
}
