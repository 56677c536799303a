import LinearAlgebra

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The forward pass, back-propagation and Pearlmutter's R-operator of ``MultilayerPerceptron``.
///
/// Rows go through in blocks of ``MultilayerPerceptron/blockRows`` (the selected rows, or all rows in
/// order); a block's activations live in one scratch allocation per call. With δ = ∂ℓ/∂z (already
/// divided by the row count), back-propagation is ∇Wₗ += hₗᵀδₗ, ∇bₗ += Σ_rows δₗ,
/// δₗ₋₁ = (δₗWₗᵀ) ⊙ σ'(zₗ₋₁). The R-operator R{·} = ∂/∂t (·)(θ + tv)|₀ runs the same passes on
/// R{zₗ} = R{hₗ}Wₗ + hₗVₗ + cₗ, R{hₗ₊₁} = σ'(zₗ) ⊙ R{zₗ}, R{δ} at the output (softmax:
/// p ⊙ R{z} − p (pᵀR{z}); squared: R{z}), then ∇²f·v for Wₗ is hₗᵀR{δₗ} + R{hₗ}ᵀδₗ, for bₗ Σ R{δₗ}, and
/// R{δₗ₋₁} = (R{δₗ}Wₗᵀ + δₗVₗᵀ) ⊙ σ'(zₗ₋₁) + (δₗWₗᵀ) ⊙ σ''(zₗ₋₁) ⊙ R{zₗ₋₁} (Pearlmutter 1994, §4;
/// Schraudolph 2002 for the softmax output).
extension MultilayerPerceptron {
    /// Pointers into one scratch allocation: per layer the pre-activations z and outputs h of a block,
    /// their R-images when `directional`, two δ buffers (and two R{δ}), and the transposed weights
    /// (and transposed direction).
    struct Workspace {
        var input: UnsafeMutablePointer<Double>
        var pre: [UnsafeMutablePointer<Double>] = [], post: [UnsafeMutablePointer<Double>] = []
        var rPre: [UnsafeMutablePointer<Double>] = [], rPost: [UnsafeMutablePointer<Double>] = []
        var transposed: [UnsafeMutablePointer<Double>] = [], rTransposed: [UnsafeMutablePointer<Double>] = []
        var delta, spare, rDelta, rSpare: UnsafeMutablePointer<Double>

        static func size(widths: [Int], directional: Bool) -> Int {
            let b = MultilayerPerceptron.blockRows, layers = widths.count - 1
            let units = widths.dropFirst().reduce(0, +),
                weights = (0..<layers).reduce(0) { $0 + widths[$1] * widths[$1 + 1] }
            let once = b * widths[0] + 2 * b * units + 2 * b * (widths.max() ?? 0) + weights
            return directional ? 2 * once : once
        }

        init(_ base: UnsafeMutablePointer<Double>, widths: [Int], directional: Bool) {
            let b = MultilayerPerceptron.blockRows, maxWidth = widths.max() ?? 0
            var cursor = base
            func take(_ count: Int) -> UnsafeMutablePointer<Double> {
                defer { cursor += count }
                return cursor
            }
            input = take(b * widths[0])
            delta = take(b * maxWidth)
            spare = take(b * maxWidth)
            for l in 0..<(widths.count - 1) {
                pre.append(take(b * widths[l + 1]))
                post.append(take(b * widths[l + 1]))
                transposed.append(take(widths[l] * widths[l + 1]))
            }
            rDelta = delta
            rSpare = spare
            if directional {
                rDelta = take(b * maxWidth)
                rSpare = take(b * maxWidth)
                _ = take(b * widths[0])
                for l in 0..<(widths.count - 1) {
                    rPre.append(take(b * widths[l + 1]))
                    rPost.append(take(b * widths[l + 1]))
                    rTransposed.append(take(widths[l] * widths[l + 1]))
                }
            }
        }
    }

    /// Mean loss over `rows` of `data` (all rows when nil) and the number classified correctly;
    /// writes the mean-loss gradient (no regulariser) when `gradient` is given.
    func pass(
        _ x: [Double], data: Dataset, rows: UnsafeBufferPointer<Int>?,
        gradient: UnsafeMutablePointer<[Double]>?
    ) -> (loss: Double, correct: Int) {
        let count = rows?.count ?? data.rowCount
        let size = Workspace.size(widths: widths, directional: false)
        var loss = CompensatedSum()
        var correct = 0
        withUnsafeTemporaryAllocation(of: Double.self, capacity: size) { scratch in
            var work = Workspace(scratch.baseAddress.unsafelyUnwrapped, widths: widths, directional: false)
            x.withUnsafeBufferPointer { theta in
                let parameters = theta.baseAddress.unsafelyUnwrapped
                if gradient != nil { transposeWeights(parameters, into: work.transposed) }
                let g = gradient.map { $0.pointee.withUnsafeMutableBufferPointer { $0.baseAddress.unsafelyUnwrapped } }
                g?.update(repeating: 0, count: dimension)
                forEachBlock(data: data, rows: rows, input: work.input) { block, rowsInBlock, labels in
                    forward(parameters, block, rowsInBlock, &work)
                    correct += outputDelta(
                        rowsInBlock, labels: labels, scale: count > 0 ? 1 / Double(count) : 0,
                        total: &loss, work: &work)
                    if let g { backward(parameters, g, block, rowsInBlock, &work) }
                }
            }
        }
        return (count > 0 ? loss.value / Double(count) : 0, correct)
    }

    /// ∇²(mean loss)·v over all training rows (no regulariser) into `result`.
    func rPass(_ x: [Double], direction v: [Double], into result: inout [Double]) {
        let count = training.rowCount
        let size = Workspace.size(widths: widths, directional: true)
        withUnsafeTemporaryAllocation(of: Double.self, capacity: size) { scratch in
            var work = Workspace(scratch.baseAddress.unsafelyUnwrapped, widths: widths, directional: true)
            x.withUnsafeBufferPointer { theta in
                v.withUnsafeBufferPointer { vector in
                    result.withUnsafeMutableBufferPointer { out in
                        let parameters = theta.baseAddress.unsafelyUnwrapped,
                            direction = vector.baseAddress.unsafelyUnwrapped
                        let h = out.baseAddress.unsafelyUnwrapped
                        transposeWeights(parameters, into: work.transposed)
                        transposeWeights(direction, into: work.rTransposed)
                        h.update(repeating: 0, count: dimension)
                        var loss = CompensatedSum()
                        forEachBlock(data: training, rows: nil, input: work.input) { block, rowsInBlock, labels in
                            forward(parameters, block, rowsInBlock, &work)
                            rForward(parameters, direction, block, rowsInBlock, &work)
                            _ = outputDelta(
                                rowsInBlock, labels: labels, scale: count > 0 ? 1 / Double(count) : 0,
                                total: &loss, work: &work, directional: true)
                            rBackward(parameters, direction, h, block, rowsInBlock, &work)
                        }
                    }
                }
            }
        }
    }

    /// Calls `body` with each block's input rows (row-major, `widths[0]` columns), their count and labels.
    func forEachBlock(
        data: Dataset, rows: UnsafeBufferPointer<Int>?, input: UnsafeMutablePointer<Double>,
        _ body: (UnsafePointer<Double>, Int, UnsafeBufferPointer<Double>) -> Void
    ) {
        let d = data.columnCount, n = rows?.count ?? data.rowCount, b = MultilayerPerceptron.blockRows
        data.features.withUnsafeBufferPointer { features in
            data.targets.withUnsafeBufferPointer { targets in
                withUnsafeTemporaryAllocation(of: Double.self, capacity: b) { labelBuffer in
                    let labels = labelBuffer.baseAddress.unsafelyUnwrapped
                    var start = 0
                    while start < n {
                        let size = min(b, n - start)
                        if let rows {
                            for r in 0..<size {
                                let i = rows[start + r]
                                precondition(
                                    i >= 0 && i < data.rowCount,
                                    "MultilayerPerceptron: row \(i) outside 0..<\(data.rowCount)")
                                (input + r * d).update(from: features.baseAddress.unsafelyUnwrapped + i * d, count: d)
                                labels[r] = targets[i]
                            }
                            body(input, size, UnsafeBufferPointer(start: labels, count: size))
                        } else {
                            body(
                                features.baseAddress.unsafelyUnwrapped + start * d, size,
                                UnsafeBufferPointer(rebasing: targets[start..<(start + size)]))
                        }
                        start += size
                    }
                }
            }
        }
    }

    /// Wₗᵀ for the layers whose δ is propagated further down (all but the first).
    func transposeWeights(_ theta: UnsafePointer<Double>, into targets: [UnsafeMutablePointer<Double>]) {
        for l in 1..<layerCount {
            MatrixProduct.transpose(theta + weightOffsets[l], rows: widths[l], columns: widths[l + 1], into: targets[l])
        }
    }

    /// The input of layer l for the block: the data rows, or hₗ.
    func layerInput(_ l: Int, _ input: UnsafePointer<Double>, _ work: Workspace) -> UnsafePointer<Double> {
        l == 0 ? input : UnsafePointer(work.post[l - 1])
    }

    /// z = h·Wₗ + bₗ for the b rows of h, with Wₗ and bₗ read from `parameters` (θ, or the direction v
    /// for the R-pass): every row of z starts at bₗ, then the product is added.
    func affine(
        _ l: Int, _ parameters: UnsafePointer<Double>, _ h: UnsafePointer<Double>, _ b: Int,
        into z: UnsafeMutablePointer<Double>
    ) {
        let k = widths[l], n = widths[l + 1], weights = parameters + weightOffsets[l]
        for r in 0..<b { (z + r * n).update(from: weights + k * n, count: n) }
        MatrixProduct.multiply(
            rows: b, inner: k, columns: n, h, rowStride: k, columnStride: 1, weights, into: z,
            accumulate: true)
    }

    /// ∇Wₗ += hᵀδ and ∇bₗ += Σ_rows δ into `out` (the gradient, or the Hessian-vector product).
    func accumulateLayer(
        _ l: Int, _ h: UnsafePointer<Double>, _ delta: UnsafePointer<Double>, _ b: Int,
        into out: UnsafeMutablePointer<Double>
    ) {
        let k = widths[l], n = widths[l + 1], weights = out + weightOffsets[l], bias = weights + k * n
        MatrixProduct.multiply(
            rows: k, inner: b, columns: n, h, rowStride: 1, columnStride: k, delta, into: weights,
            accumulate: true)
        for r in 0..<b {
            let row = delta + r * n
            for j in 0..<n { bias[j] += row[j] }
        }
    }

    /// target (b × widths[l]) = δ·Wₗᵀ (or += when `accumulate`), Wₗᵀ given transposed.
    func propagate(
        _ l: Int, _ delta: UnsafePointer<Double>, _ b: Int, through transposed: UnsafePointer<Double>,
        into target: UnsafeMutablePointer<Double>, accumulate: Bool
    ) {
        let k = widths[l], n = widths[l + 1]
        MatrixProduct.multiply(
            rows: b, inner: n, columns: k, delta, rowStride: n, columnStride: 1, transposed,
            into: target, accumulate: accumulate)
    }

    /// zₗ = hₗWₗ + bₗ and hₗ₊₁ = σ(zₗ) for the hidden layers (the logits stay in `pre[L−1]`).
    func forward(_ theta: UnsafePointer<Double>, _ input: UnsafePointer<Double>, _ b: Int, _ work: inout Workspace) {
        for l in 0..<layerCount {
            affine(l, theta, layerInput(l, input, work), b, into: work.pre[l])
            if l < layerCount - 1 { activation.apply(work.pre[l], into: work.post[l], count: b * widths[l + 1]) }
        }
    }

    /// R{zₗ} = R{hₗ}Wₗ + hₗVₗ + cₗ and R{hₗ₊₁} = σ'(zₗ) ⊙ R{zₗ}.
    func rForward(
        _ theta: UnsafePointer<Double>, _ v: UnsafePointer<Double>, _ input: UnsafePointer<Double>, _ b: Int,
        _ work: inout Workspace
    ) {
        for l in 0..<layerCount {
            let k = widths[l], n = widths[l + 1], rz = work.rPre[l]
            affine(l, v, layerInput(l, input, work), b, into: rz)
            if l > 0 {
                MatrixProduct.multiply(
                    rows: b, inner: k, columns: n, work.rPost[l - 1], rowStride: k, columnStride: 1,
                    theta + weightOffsets[l], into: rz, accumulate: true)
            }
            if l < layerCount - 1 {
                let z = work.pre[l], a = work.post[l], ra = work.rPost[l]
                for i in 0..<(b * n) { ra[i] = activation.derivative(z[i], output: a[i]) * rz[i] }
            }
        }
    }

    /// Adds the block's losses, writes δ (and R{δ}) = ∂ℓ/∂z · `scale` into `work.delta`, and returns
    /// how many rows have their label as first largest logit.
    func outputDelta(
        _ b: Int, labels: UnsafeBufferPointer<Double>, scale: Double, total: inout CompensatedSum,
        work: inout Workspace, directional: Bool = false
    ) -> Int {
        let c = widths[layerCount], logits = work.pre[layerCount - 1]
        var correct = 0
        for r in 0..<b {
            let z = logits + r * c, delta = work.delta + r * c
            let label = Int(labels[r])
            var largest = z[0], best = 0
            for j in 1..<max(c, 1) where z[j] > largest {
                largest = z[j]
                best = j
            }
            if best == label { correct += 1 }
            switch loss {
            case .crossEntropy:
                var sum = 0.0
                for j in 0..<c {
                    let e = exp(z[j] - largest)
                    delta[j] = e
                    sum += e
                }
                total.add(largest + log(sum) - z[label])
                let inverse = 1 / sum
                for j in 0..<c { delta[j] *= inverse }
                if directional {
                    let rz = work.rPre[layerCount - 1] + r * c, rDelta = work.rDelta + r * c
                    var mean = 0.0
                    for j in 0..<c { mean += delta[j] * rz[j] }
                    for j in 0..<c { rDelta[j] = (delta[j] * rz[j] - delta[j] * mean) * scale }
                }
                delta[label] -= 1
                for j in 0..<c { delta[j] *= scale }
            case .squared:
                var sum = 0.0
                for j in 0..<c {
                    let residual = z[j] - (j == label ? 1 : 0)
                    sum += residual * residual
                    delta[j] = residual * scale
                }
                total.add(0.5 * sum)
                if directional {
                    let rz = work.rPre[layerCount - 1] + r * c, rDelta = work.rDelta + r * c
                    for j in 0..<c { rDelta[j] = rz[j] * scale }
                }
            }
        }
        return correct
    }

    /// ∇Wₗ += hₗᵀδₗ, ∇bₗ += Σ δₗ, δₗ₋₁ = (δₗWₗᵀ) ⊙ σ'(zₗ₋₁), from the last layer down.
    func backward(
        _ theta: UnsafePointer<Double>, _ g: UnsafeMutablePointer<Double>, _ input: UnsafePointer<Double>,
        _ b: Int, _ work: inout Workspace
    ) {
        for l in stride(from: layerCount - 1, through: 0, by: -1) {
            accumulateLayer(l, layerInput(l, input, work), work.delta, b, into: g)
            guard l > 0 else { break }
            propagate(l, work.delta, b, through: work.transposed[l], into: work.spare, accumulate: false)
            let z = work.pre[l - 1], a = work.post[l - 1], next = work.spare
            for i in 0..<(b * widths[l]) { next[i] *= activation.derivative(z[i], output: a[i]) }
            swap(&work.delta, &work.spare)
        }
    }

    /// The R-image of ``backward``: (∇²f·v) for Wₗ += hₗᵀR{δₗ} + R{hₗ}ᵀδₗ, for bₗ += Σ R{δₗ}, then
    /// R{δₗ₋₁} and δₗ₋₁.
    func rBackward(
        _ theta: UnsafePointer<Double>, _ v: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>,
        _ input: UnsafePointer<Double>, _ b: Int, _ work: inout Workspace
    ) {
        for l in stride(from: layerCount - 1, through: 0, by: -1) {
            let k = widths[l], n = widths[l + 1]
            // hᵀR{δ} and the bias sums, then R{h}ᵀδ: each weight entry keeps its order of additions.
            accumulateLayer(l, layerInput(l, input, work), work.rDelta, b, into: out)
            guard l > 0 else { break }
            MatrixProduct.multiply(
                rows: k, inner: b, columns: n, work.rPost[l - 1], rowStride: 1, columnStride: k,
                work.delta, into: out + weightOffsets[l], accumulate: true)
            // spare = δWᵀ; rSpare = R{δ}Wᵀ + δVᵀ.
            propagate(l, work.delta, b, through: work.transposed[l], into: work.spare, accumulate: false)
            propagate(l, work.rDelta, b, through: work.transposed[l], into: work.rSpare, accumulate: false)
            propagate(l, work.delta, b, through: work.rTransposed[l], into: work.rSpare, accumulate: true)
            let z = work.pre[l - 1], a = work.post[l - 1], rz = work.rPre[l - 1]
            let back = work.spare, rBack = work.rSpare
            for i in 0..<(b * k) {
                let slope = activation.derivative(z[i], output: a[i])
                rBack[i] = rBack[i] * slope + back[i] * activation.secondDerivative(z[i], output: a[i]) * rz[i]
                back[i] *= slope
            }
            swap(&work.delta, &work.spare)
            swap(&work.rDelta, &work.rSpare)
        }
    }
}
