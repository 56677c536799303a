/// Orders strings as a reader expects parameters to be ordered: runs of digits (with a decimal point and an
/// exponent) compare as numbers, the rest as text, so `lr=1/L < lr=1.99/L < lr=2.01/L < lr=10/L` and
/// `kappa=10 < kappa=100 < kappa=1e+06`. Ties (`1.0` against `1`) fall back to plain text order.
public enum NaturalOrder {
    public static func less(_ a: String, _ b: String) -> Bool {
        let left = chunks(a), right = chunks(b)
        for (x, y) in zip(left, right) {
            switch (x, y) {
            case (.number(let p, _), .number(let q, _)) where p != q: return p < q
            case (.number(_, let p), .number(_, let q)) where p != q: return p < q
            case (.text(let p), .text(let q)) where p != q: return p < q
            case (.number, .text): return true
            case (.text, .number): return false
            default: continue
            }
        }
        return left.count != right.count ? left.count < right.count : a < b
    }

    enum Chunk {
        case number(Double, String)
        case text(String)
    }

    static func chunks(_ text: String) -> [Chunk] {
        var result: [Chunk] = []
        let characters = Array(text)
        var index = 0
        var pending = ""
        while index < characters.count {
            if characters[index].isASCII, characters[index].isNumber {
                var end = index
                while end < characters.count, characters[end].isASCII, characters[end].isNumber { end += 1 }
                if end + 1 < characters.count, characters[end] == ".",
                    characters[end + 1].isASCII, characters[end + 1].isNumber
                {
                    end += 1
                    while end < characters.count, characters[end].isASCII, characters[end].isNumber { end += 1 }
                }
                if end < characters.count, characters[end] == "e" || characters[end] == "E" {
                    var exponent = end + 1
                    if exponent < characters.count, characters[exponent] == "+" || characters[exponent] == "-" {
                        exponent += 1
                    }
                    if exponent < characters.count, characters[exponent].isASCII, characters[exponent].isNumber {
                        end = exponent
                        while end < characters.count, characters[end].isASCII, characters[end].isNumber { end += 1 }
                    }
                }
                let literal = String(characters[index..<end])
                if let value = Double(literal) {
                    if !pending.isEmpty {
                        result.append(.text(pending))
                        pending = ""
                    }
                    result.append(.number(value, literal))
                } else {
                    pending += literal
                }
                index = end
            } else {
                pending.append(characters[index])
                index += 1
            }
        }
        if !pending.isEmpty { result.append(.text(pending)) }
        return result
    }
}
