import Objectives
import Yams

extension NodeReader {
    /// The alternatives of a problem entry's `start:` or `instance:` (``ProblemPlacement``). `start`
    /// takes a list of numbers (a list of lists for alternatives), `{radius: r}` or `{box: [lo, hi]}`;
    /// `instance` a whole number ≥ 1, `random`, or a list of them.
    func placementTemplates(_ node: Node, key: String, _ keyPath: String) throws -> [ParameterTemplate] {
        if key == "instance" {
            let spec = ParameterSpec("instance", .integer(minimum: 1), default: .text("random"), "")
            return try templates(node, spec: spec, keyPath)
        }
        if let mapping = node.mapping {
            guard mapping.count == 1, let (keyNode, value) = mapping.first, let word = keyNode.string else {
                throw fail(node, keyPath, "expected {radius: r} or {box: [lo, hi]}")
            }
            switch word {
            case "radius":
                let radius = try number(value, "\(keyPath).radius", positive: false)
                return [.text("radius(\(ParameterValue.format(radius)))")]
            case "box":
                let items = try list(value, "\(keyPath).box")
                guard items.count == 2 else {
                    throw fail(value, "\(keyPath).box", "expected [lo, hi], found \(items.count) numbers")
                }
                let bounds = try items.enumerated().map { index, item -> Double in
                    let text = try scalar(item, "\(keyPath).box[\(index)]", expected: "a number")
                    guard let value = Double(text), value.isFinite else {
                        throw fail(item, "\(keyPath).box[\(index)]", "expected a finite number, found '\(text)'")
                    }
                    return value
                }
                guard bounds[0] < bounds[1] else { throw fail(value, "\(keyPath).box", "expected lo < hi") }
                return [.text("box(\(ParameterValue.format(bounds[0])),\(ParameterValue.format(bounds[1])))")]
            default:
                throw fail(
                    keyNode, "\(keyPath).\(word)", "unknown key; a random start is {radius: r} or {box: [lo, hi]}")
            }
        }
        return try templates(node, spec: ParameterSpec("start", .numbers, ""), keyPath)
    }

    /// A parameter that takes several names (`variables: [x, y]`): a flat list of words is one value
    /// (joined by commas), a list of lists gives alternatives.
    func wordListTemplates(_ node: Node, _ keyPath: String) throws -> [ParameterTemplate] {
        guard let items = node.sequence else { return [.text(try word(node, keyPath))] }
        func joined(_ list: Node, _ path: String) throws -> ParameterTemplate {
            let words = try self.list(list, path).enumerated().map { try word($1, "\(path)[\($0)]") }
            return .text(words.joined(separator: ","))
        }
        if items.allSatisfy({ $0.sequence != nil }) {
            return try items.enumerated().map { try joined($1, "\(keyPath)[\($0)]") }
        }
        return [try joined(node, keyPath)]
    }
}
