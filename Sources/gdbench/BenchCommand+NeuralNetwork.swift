import Foundation
import Harness

/// The neural-network section of `gdbench bench`: the `mlp` loss and gradient on a batch of 128 digits
/// (64-128-128-10, float64) beside PyTorch on one CPU thread in float64 (`scripts/reference/torch_mlp_timing.py`,
/// when the Python of `--python` / `GDBENCH_PYTHON` has torch), and beside the time its multiply-adds take at
/// the measured rate of gdbench's own matrix product.
extension BenchCommand {
    static let neuralNetworkWorkload = "mlp-digits-64-128-128-10-batch-128"

    func printNeuralNetwork() {
        let swift = NeuralNetworkBenchmark.lossAndGradientNanoseconds(repeats: repeats)
        let rate = NeuralNetworkBenchmark.matrixProductRate(repeats: repeats)
        let productsOnly = Double(NeuralNetworkBenchmark.multiplyAdds) / rate * 1e9
        let torchColumn = torchTime()
        let torch = try? torchColumn.get()
        var rows: [[String]] = [
            ["neural network", "ns/call", "torch ns/call", "swift/torch", "products at matmul rate", "swift/products"]
        ]
        rows.append([
            BenchCommand.neuralNetworkWorkload + " loss+gradient", format(swift),
            torch.map { format($0.nanoseconds) } ?? "–",
            torch.map { String(format: "%.2f", swift / $0.nanoseconds) } ?? "–", format(productsOnly),
            String(format: "%.2f", swift / productsOnly),
        ])
        print()
        print(table(rows), terminator: "")
        print(
            String(
                format: "matrix product (128×128 · 128×128, gdbench's MatrixProduct): %.2f G multiply-adds/s; target: "
                    + "swift/torch ≤ 1",
                rate / 1e9))
        switch torchColumn {
        case .success(let torch): print("torch column: \(torch.versions)")
        case .failure(let absence): print("torch column: \(absence.reason)")
        }
    }

    /// torch's time per loss and gradient call (`scripts/reference/torch_mlp_timing.py`), or why there is none.
    func torchTime() -> Result<(nanoseconds: Double, versions: String), PythonReferenceScript.Absence> {
        struct Reply: Decodable {
            var torch_ns: Double
            var versions: String
        }
        return PythonReferenceScript(
            python: PythonReferenceScript.python(given: python), script: "scripts/reference/torch_mlp_timing.py",
            arguments: ["--repeats", String(repeats)], needs: "torch", showsErrors: false
        ).run(as: Reply.self).map { ($0.torch_ns, $0.versions) }
    }
}
