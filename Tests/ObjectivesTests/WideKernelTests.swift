import Foundation
import LinearAlgebra
import Randomness
import Testing

@testable import Objectives

/// The AVX kernels against the portable Swift kernels, which define the results: equal to the bit
/// for every length, start offset and block size, on inputs whose sums depend on the order of the
/// additions (each test also shows that a plain sequential sum of the same inputs differs, so an AVX
/// kernel that added in another order would fail). Skipped on machines without AVX.
@Suite struct WideKernelTests {
    /// Gaussian values scaled by 2^k, k uniform in −10…10: terms of very different magnitudes and
    /// both signs, so that rounding depends on the order of the additions.
    static func spread(_ count: Int, using generator: inout Xoshiro256StarStar) -> [Double] {
        (0..<count).map { _ in generator.nextGaussian() * pow(2, Double(generator.nextInt(below: 21) - 10)) }
    }

    /// Start offsets (in doubles) of the two operands, covering every phase of a 32-byte register.
    static let offsets = [(0, 0), (1, 3), (2, 1), (3, 2)]

    @Test(.enabled(if: KernelPath.avxUsable, "this CPU or OS does not support AVX"))
    func dotIsBitwiseThePortableDotForEveryLengthAndOffset() {
        var generator = Xoshiro256StarStar(seed: 0x5749_4445)
        var cases = 0, orderSensitive = 0
        for count in 0...70 {
            for (offsetA, offsetB) in Self.offsets {
                let a = Self.spread(count + offsetA, using: &generator)
                let b = Self.spread(count + offsetB, using: &generator)
                a.withUnsafeBufferPointer { a in
                    b.withUnsafeBufferPointer { b in
                        let pa = a.baseAddress.unsafelyUnwrapped + offsetA,
                            pb = b.baseAddress.unsafelyUnwrapped + offsetB
                        let portable = VectorKernels.portableDot(pa, pb, count: count)
                        let wide = VectorKernels.dot(pa, pb, count: count, path: .avx)
                        #expect(
                            wide.bitPattern == portable.bitPattern, "count \(count), offsets \(offsetA), \(offsetB)")
                        // The block entry point calls the AVX dot for every length, below 8 included.
                        var single = 0.0
                        VectorKernels.dotRows(
                            pa, stride: count, rowCount: 1, pb, count: count, into: &single, path: .avx)
                        #expect(
                            single.bitPattern == portable.bitPattern, "count \(count), offsets \(offsetA), \(offsetB)")
                        var sequential = 0.0
                        for i in 0..<count { sequential += pa[i] * pb[i] }
                        if count >= 9 {
                            cases += 1
                            if sequential != portable { orderSensitive += 1 }
                        }
                    }
                }
            }
        }
        // Most sums of these inputs change with the order of the additions.
        #expect(orderSensitive * 2 > cases, "\(orderSensitive) of \(cases) sums are order-sensitive")
    }

    @Test(.enabled(if: KernelPath.avxUsable, "this CPU or OS does not support AVX"))
    func dotRowsIsBitwiseThePortableDotOfEachRow() {
        var generator = Xoshiro256StarStar(seed: 0x524F_5753)
        for count in [0, 1, 7, 8, 13, 30, 64, 100] {
            for rowCount in 0...9 {
                let stride = count + 3
                let rows = Self.spread(rowCount * stride + 1, using: &generator)
                let w = Self.spread(count + 2, using: &generator)
                rows.withUnsafeBufferPointer { rows in
                    w.withUnsafeBufferPointer { w in
                        let first = rows.baseAddress.unsafelyUnwrapped + 1, vector = w.baseAddress.unsafelyUnwrapped + 2
                        var out = [Double](repeating: .nan, count: rowCount)
                        out.withUnsafeMutableBufferPointer { out in
                            VectorKernels.dotRows(
                                first, stride: stride, rowCount: rowCount, vector, count: count,
                                into: out.baseAddress.unsafelyUnwrapped, path: .avx)
                        }
                        for r in 0..<rowCount {
                            let portable = VectorKernels.portableDot(first + r * stride, vector, count: count)
                            #expect(out[r].bitPattern == portable.bitPattern, "count \(count), row \(r) of \(rowCount)")
                        }
                    }
                }
            }
        }
    }

    @Test(.enabled(if: KernelPath.avxUsable, "this CPU or OS does not support AVX"))
    func axpyIsBitwiseThePortableAxpyForEveryLengthAndOffset() {
        var generator = Xoshiro256StarStar(seed: 0x4158_5059)
        for count in 0...70 {
            for (offsetX, offsetY) in Self.offsets {
                let x = Self.spread(count + offsetX, using: &generator)
                let start = Self.spread(count + offsetY, using: &generator)
                let alpha = Self.spread(1, using: &generator)[0]
                var portable = start, wide = start, single = start
                x.withUnsafeBufferPointer { x in
                    let px = x.baseAddress.unsafelyUnwrapped + offsetX
                    portable.withUnsafeMutableBufferPointer {
                        VectorKernels.portableAxpy(alpha, px, $0.baseAddress.unsafelyUnwrapped + offsetY, count: count)
                    }
                    wide.withUnsafeMutableBufferPointer {
                        VectorKernels.axpy(
                            alpha, px, $0.baseAddress.unsafelyUnwrapped + offsetY, count: count, path: .avx)
                    }
                    single.withUnsafeMutableBufferPointer {
                        VectorKernels.axpyRows(
                            [alpha], px, stride: count, rowCount: 1, $0.baseAddress.unsafelyUnwrapped + offsetY,
                            count: count, path: .avx)
                    }
                }
                #expect(wide.map(\.bitPattern) == portable.map(\.bitPattern), "count \(count)")
                #expect(single.map(\.bitPattern) == portable.map(\.bitPattern), "count \(count)")
            }
        }
    }

    @Test(.enabled(if: KernelPath.avxUsable, "this CPU or OS does not support AVX"))
    func axpyRowsIsBitwiseThePortableAxpysInRowOrder() {
        var generator = Xoshiro256StarStar(seed: 0x4158_5253)
        var cases = 0, orderSensitive = 0
        for count in [0, 1, 3, 4, 5, 8, 11, 17, 64, 100] {
            for rowCount in 0...9 {
                let stride = count + 1
                let rows = Self.spread(rowCount * stride, using: &generator)
                let coefficients = Self.spread(rowCount, using: &generator)
                let start = Self.spread(count, using: &generator)
                var portable = start, wide = start
                rows.withUnsafeBufferPointer { rows in
                    let first = rows.baseAddress.unsafelyUnwrapped
                    portable.withUnsafeMutableBufferPointer { y in
                        for r in 0..<rowCount {
                            VectorKernels.portableAxpy(
                                coefficients[r], first + r * stride, y.baseAddress.unsafelyUnwrapped, count: count)
                        }
                    }
                    wide.withUnsafeMutableBufferPointer { y in
                        VectorKernels.axpyRows(
                            coefficients, first, stride: stride, rowCount: rowCount, y.baseAddress.unsafelyUnwrapped,
                            count: count, path: .avx)
                    }
                    // Adding the rows' terms in reverse order changes nearly half of the entries.
                    if rowCount >= 4 {
                        for i in 0..<count {
                            var reversed = start[i]
                            for r in (0..<rowCount).reversed() { reversed += coefficients[r] * first[r * stride + i] }
                            cases += 1
                            if reversed != portable[i] { orderSensitive += 1 }
                        }
                    }
                }
                #expect(wide.map(\.bitPattern) == portable.map(\.bitPattern), "count \(count), rows \(rowCount)")
            }
        }
        #expect(orderSensitive * 3 > cases, "\(orderSensitive) of \(cases) entries are order-sensitive")
    }

    @Test(.enabled(if: KernelPath.avxUsable, "this CPU or OS does not support AVX"))
    func multiplyIsBitwiseThePortableProduct() {
        var generator = Xoshiro256StarStar(seed: 0x4D41_5456)
        var cases = 0, orderSensitive = 0
        for n in Array(1...20) + [100] {
            let a = Self.spread(n * n + 1, using: &generator)
            let v = Self.spread(n + 3, using: &generator)
            var portable = [Double](repeating: .nan, count: n), wide = portable
            a.withUnsafeBufferPointer { a in
                v.withUnsafeBufferPointer { v in
                    let matrix = a.baseAddress.unsafelyUnwrapped + 1, vector = v.baseAddress.unsafelyUnwrapped + 3
                    portable.withUnsafeMutableBufferPointer {
                        DenseMatrixKernel.multiply(
                            matrix, dimension: n, vector, into: $0.baseAddress.unsafelyUnwrapped, path: .portable)
                    }
                    wide.withUnsafeMutableBufferPointer {
                        DenseMatrixKernel.multiply(
                            matrix, dimension: n, vector, into: $0.baseAddress.unsafelyUnwrapped, path: .avx)
                    }
                    if n >= 5 {
                        for i in 0..<n {
                            var sequential = 0.0
                            for j in 0..<n { sequential += matrix[i * n + j] * vector[j] }
                            cases += 1
                            if sequential != portable[i] { orderSensitive += 1 }
                        }
                    }
                }
            }
            #expect(wide.map(\.bitPattern) == portable.map(\.bitPattern), "n = \(n)")
        }
        #expect(orderSensitive * 2 > cases, "\(orderSensitive) of \(cases) row sums are order-sensitive")
    }

    /// The blocked full passes of logistic regression on either path against row-by-row passes on the
    /// portable path: loss and gradient (against all rows selected in order) and Hv (against the
    /// formula row by row) to the bit.
    @Test(.enabled(if: KernelPath.avxUsable, "this CPU or OS does not support AVX"))
    func logisticGradientIsBitwiseTheRowByRowPortableOne() throws {
        var generator = Xoshiro256StarStar(seed: 0x4C4F_4749)
        let n = 37, d = 13
        let features = (0..<(n * d)).map { _ in generator.nextGaussian() }
        let labels = (0..<n).map { _ in generator.nextInt(below: 2) == 0 ? -1.0 : 1.0 }
        let problem = try LogisticRegression(
            training: Dataset(rowCount: n, columnCount: d, features: features, targets: labels), lambda: 0.01)
        let x = Self.spread(d, using: &generator).map { $0 * 1e-3 }
        var rowByRow = [Double](repeating: 0, count: d)
        let rowByRowLoss = Array(0..<n).withUnsafeBufferPointer {
            problem.accumulate(at: x, rows: $0, gradient: &rowByRow, path: .portable)
        }
        for path in KernelPath.allCases {
            var gradient = [Double](repeating: 0, count: d)
            let loss = problem.accumulate(at: x, rows: nil, gradient: &gradient, path: path)
            #expect(loss.bitPattern == rowByRowLoss.bitPattern, "\(path)")
            #expect(gradient.map(\.bitPattern) == rowByRow.map(\.bitPattern), "\(path)")
        }
        // Hv row by row with the portable kernels: Σᵢ σ(sᵢ)σ(−sᵢ)(xᵢᵀv) xᵢ, then /n + λv.
        let v = Self.spread(d, using: &generator)
        var expected = [Double](repeating: 0, count: d)
        features.withUnsafeBufferPointer { rows in
            x.withUnsafeBufferPointer { w in
                v.withUnsafeBufferPointer { direction in
                    expected.withUnsafeMutableBufferPointer { out in
                        for i in 0..<n {
                            let row = rows.baseAddress.unsafelyUnwrapped + i * d
                            let score = VectorKernels.portableDot(row, w.baseAddress.unsafelyUnwrapped, count: d)
                            let projection = VectorKernels.portableDot(
                                row, direction.baseAddress.unsafelyUnwrapped, count: d)
                            let e = exp(-abs(score))
                            VectorKernels.portableAxpy(
                                e / ((1 + e) * (1 + e)) * projection, row, out.baseAddress.unsafelyUnwrapped, count: d)
                        }
                    }
                }
            }
        }
        expected = (0..<d).map { expected[$0] * (1 / Double(n)) + 0.01 * v[$0] }
        for path in KernelPath.allCases {
            var product = [Double](repeating: 0, count: d)
            problem.hessianVectorProduct(at: x, vector: v, result: &product, path: path)
            #expect(product.map(\.bitPattern) == expected.map(\.bitPattern), "\(path)")
        }
    }

    @Test func avxUsableAgreesWithTheKernelsCPUFlags() throws {
        #if arch(x86_64) && os(Linux)
        // Linux lists "avx" in /proc/cpuinfo only when the CPU has it and the kernel enabled YMM state.
        let cpuinfo = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
        let flags = try #require(cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") })
        #expect(KernelPath.avxUsable == flags.split(separator: " ").contains("avx"))
        #elseif !arch(x86_64)
        #expect(!KernelPath.avxUsable)
        #endif
    }

    @Test func environmentVariableChoosesThePath() {
        for avxUsable in [false, true] {
            let automatic: KernelPath = avxUsable ? .avx : .portable
            #expect(KernelPath.choose(requested: nil, avxUsable: avxUsable) == (automatic, nil))
            #expect(KernelPath.choose(requested: "", avxUsable: avxUsable) == (automatic, nil))
            #expect(KernelPath.choose(requested: "portable", avxUsable: avxUsable) == (.portable, nil))
            let unknown = KernelPath.choose(requested: "AVX512", avxUsable: avxUsable)
            #expect(unknown.path == automatic)
            #expect(
                unknown.warning
                    == "GDBENCH_KERNELS: expected portable or avx, found 'AVX512'; using the \(automatic.rawValue) "
                    + "kernels")
        }
        #expect(KernelPath.choose(requested: "avx", avxUsable: true) == (.avx, nil))
        let unsupported = KernelPath.choose(requested: "avx", avxUsable: false)
        #expect(unsupported.path == .portable)
        #expect(unsupported.warning?.contains("does not support AVX") == true)
    }
}
