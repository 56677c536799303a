import Harness
import Objectives
import Optimizers
import Randomness

/// Seeded mutations of suite texts (and of the expressions inside them): the generator of the
/// fuzz target. Every mutation is a function of the generator state only, so a seed reproduces a
/// whole fuzz session. The dictionary holds the tokens that reach the deep paths of the loader:
/// YAML structure, keys, kind and parameter names, extreme numbers, expression operators.
struct SuiteMutator {
    var generator: Xoshiro256StarStar
    let corpus: [String]
    let dictionary: [String]

    init(seed: UInt64, corpus: [String], catalog: Catalog) {
        generator = Xoshiro256StarStar(seed: seed)
        self.corpus = corpus
        var words = [
            "[", "]", "{", "}", ":", ": ", "- ", "-", ",", "\n", "\n  ", "  ", "#", "&a ", "*a", "!!str ", "'", "\"",
            "|", ">", "~", "null", "true", ".nan", ".inf", "-.inf", "0", "1", "-1", "1e308", "1e-320", "1e19",
            "1e10", "1e9", "2e10", "9007199254740993", "0x10", "(", ")", "+", "*", "/", "^", "sqrt(", "log(",
            "exp(", "L", "mu", "kappa", "d", "n", "b", "../", "/", "..", "\r\n", "\t", "é", "\u{7F}",
        ]
        words += [
            "name", "description", "seed", "repetitions", "budget", "targets", "timing-repeats", "escape-margin",
            "include", "problems", "optimizers", "max-iterations", "max-gradient-evaluations", "timeout",
            "max-epochs", "measure", "thresholds", "kind", "batch-size", "gradient-noise", "sampling", "schedule",
            "only-on", "reshuffle", "replacement", "fixed-order",
        ]
        words += catalog.problems.flatMap { [$0.name] + $0.parameters.map(\.name) }
        words += catalog.optimizers.flatMap { [$0.name] + $0.parameters.map(\.name) }
        words += catalog.schedules.flatMap { [$0.name] + $0.parameters.map(\.name) }
        dictionary = words
    }

    mutating func below(_ bound: Int) -> Int { bound <= 1 ? 0 : Int(generator.next() % UInt64(bound)) }

    /// A corpus text changed by 1 … 8 mutations.
    mutating func next() -> String {
        var bytes = Array(corpus[below(corpus.count)].utf8)
        // Mostly one or two mutations (so that many inputs still validate and run), sometimes up to eight.
        for _ in 0..<(1 + below(below(4) == 0 ? 8 : 2)) { mutate(&bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    mutating func mutate(_ bytes: inout [UInt8]) {
        let position = below(bytes.count + 1)
        switch below(9) {
        case 0: // replace a byte
            if position < bytes.count { bytes[position] = UInt8(truncatingIfNeeded: generator.next()) }
        case 1: // delete a range
            let length = min(bytes.count - position, 1 + below(16))
            bytes.removeSubrange(position..<(position + length))
        case 2, 3: // insert a dictionary word
            bytes.insert(contentsOf: Array(dictionary[below(dictionary.count)].utf8), at: position)
        case 4: // repeat a short range many times: deep nesting, long lists and expressions
            let length = min(bytes.count - position, 1 + below(8))
            let copies = 1 + below(below(2) == 0 ? 64 : 4096)
            let chunk = Array(bytes[position..<(position + length)])
            bytes.insert(contentsOf: Array([[UInt8]](repeating: chunk, count: copies).joined()), at: position)
        case 5: // replace a number by an extreme one
            let numbers = ["0", "-0", "1e308", "1e19", "1e10", "1e9", "4097", "2147483648", "-5", "0.5", "1/0", "(1"]
            let end =
                bytes[position...].firstIndex { !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } ?? bytes.count
            bytes.replaceSubrange(position..<end, with: Array(numbers[below(numbers.count)].utf8))
        case 6: // splice the tail of another corpus text
            let other = Array(corpus[below(corpus.count)].utf8)
            let cut = below(other.count + 1)
            bytes.replaceSubrange(position..<bytes.count, with: other[cut...])
        case 7: // swap two lines
            var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            if lines.count > 1 { lines.swapAt(below(lines.count), below(lines.count)) }
            bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
        default: // an expression of random shape where a value was
            let end = bytes[position...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            bytes.replaceSubrange(position..<end, with: Array(expression(depth: 0).utf8))
        }
    }

    /// A random expression over the grammar's tokens, sometimes deeper than the parser's bound.
    mutating func expression(depth: Int) -> String {
        let atoms = ["1", "0", "L", "mu", "kappa", "d", "n", "b", "1e308", "0.5", "x", ""]
        if depth > 3 + below(120) { return atoms[below(atoms.count)] }
        switch below(6) {
        case 0: return "(" + expression(depth: depth + 1) + ")"
        case 1: return "-" + expression(depth: depth + 1)
        case 2: return ["sqrt", "log", "exp", "sin"][below(4)] + "(" + expression(depth: depth + 1) + ")"
        case 3:
            return expression(depth: depth + 1) + ["+", "-", "*", "/", "^", " ", ""][below(7)]
                + expression(depth: depth + 1)
        default: return atoms[below(atoms.count)]
        }
    }
}
