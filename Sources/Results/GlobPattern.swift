/// A glob over run ids, used by `--filter`, `only-on` and the `runs` of allowed differences: `*`
/// matches any run of characters (including `/`), `?` one character, and everything else itself —
/// so the brackets of ids (`quadratic[d=2]/gd[lr=0.1]/rep=0`) need no escaping.
public struct GlobPattern: Sendable, Equatable, CustomStringConvertible {
    public var pattern: String

    public init(_ pattern: String) { self.pattern = pattern }

    /// Greedy matching with backtracking to the last `*` (linear in practice, O(|p|·|t|) at worst).
    public func matches(_ text: String) -> Bool {
        let p = Array(pattern)
        let t = Array(text)
        var pi = 0, ti = 0
        var star = -1, mark = 0
        while ti < t.count {
            if pi < p.count, p[pi] == "?" || p[pi] == t[ti] {
                pi += 1
                ti += 1
            } else if pi < p.count, p[pi] == "*" {
                star = pi
                mark = ti
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                ti = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }

    public var description: String { pattern }
}
