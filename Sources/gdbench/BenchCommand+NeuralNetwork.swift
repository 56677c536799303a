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
        let torch = torchTime()
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
        if let torch {
            print("torch column: \(torch.versions)")
        } else {
            print("torch column: no Python with torch found (pass --python PATH or set GDBENCH_PYTHON).")
        }
    }

    func torchTime() -> (nanoseconds: Double, versions: String)? {
        let script = "scripts/reference/torch_mlp_timing.py"
        guard let python = python ?? ProcessInfo.processInfo.environment["GDBENCH_PYTHON"],
            FileManager.default.fileExists(atPath: script)
        else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, "--repeats", String(repeats)]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        struct Reply: Decodable {
            var torch_ns: Double
            var versions: String
        }
        guard process.terminationStatus == 0, let reply = try? JSONDecoder().decode(Reply.self, from: data) else {
            FileHandle.standardError.write(
                Data("warning: \(script) failed with \(python) (is torch installed?); no torch column\n".utf8))
            return nil
        }
        return (reply.torch_ns, reply.versions)
    }
}
