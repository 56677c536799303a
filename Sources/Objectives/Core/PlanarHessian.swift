/// A two-variable objective that gives its Hessian as three entries; the Hessian-vector product and the dense
/// Hessian follow from them here.
public protocol PlanarHessian: Objective {
    /// (∂²f/∂x², ∂²f/∂x∂y, ∂²f/∂y²) at x.
    func hessianEntries(at x: [Double]) -> (Double, Double, Double)
}

extension PlanarHessian {
    public func hessianVectorProduct(at x: [Double], vector w: [Double], result: inout [Double]) {
        let (h00, h01, h11) = hessianEntries(at: x)
        result[0] = h00 * w[0] + h01 * w[1]
        result[1] = h01 * w[0] + h11 * w[1]
    }

    public func hessian(at x: [Double], into hessian: inout [Double]) {
        let (h00, h01, h11) = hessianEntries(at: x)
        hessian[0] = h00
        hessian[1] = h01
        hessian[2] = h01
        hessian[3] = h11
    }
}
