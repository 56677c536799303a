/// An objective that says where its f* comes from when it is not exact by construction (a formula's
/// f* may be computed by Newton's method). The harness records the text in the record's problem
/// parameters as `optimum`.
public protocol OptimumSource {
    var optimumSource: String { get }
}

extension FormulaObjective: OptimumSource {}

extension StartedObjective: OptimumSource where Base: OptimumSource {
    public var optimumSource: String { base.optimumSource }
}
