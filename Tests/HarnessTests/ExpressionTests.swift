import Foundation
import Harness
import Results
import Testing

@Suite struct ExpressionTests {
    let constants: [String: Double] = ["L": 4, "mu": 0.25, "kappa": 16, "d": 100, "n": 1000]

    @Test func arithmeticFollowsMathematicalPrecedence() throws {
        #expect(try Expression.parse("1/L").evaluate(constants) == 0.25)
        #expect(try Expression.parse("2/(L+mu)").evaluate(constants) == 2 / 4.25)
        #expect(try Expression.parse("(sqrt(kappa)-1)/(sqrt(kappa)+1)").evaluate(constants) == 3.0 / 5.0)
        #expect(try Expression.parse("-2^2").evaluate([:]) == -4)
        #expect(try Expression.parse("2^3^2").evaluate([:]) == 512)
        #expect(try Expression.parse("1 + 2 * 3 - 4 / 2").evaluate([:]) == 5)
        #expect(try Expression.parse("exp(log(d))").evaluate(constants) == Foundation.exp(Foundation.log(100.0)))
        #expect(try Expression.parse("1e-3").evaluate([:]) == 0.001)
        #expect(try Expression.parse("2.5E+2*n").evaluate(constants) == 250_000)
        #expect(try Expression.parse(" - ( 3 ) ").evaluate([:]) == -3)
    }

    @Test func reportsWhatAndWhereForMalformedText() {
        func failure(_ text: String) -> ExpressionError? {
            do {
                _ = try Expression.parse(text)
                return nil
            } catch { return error as? ExpressionError }
        }
        #expect(failure("1/") == ExpressionError(message: "expression ends too early", offset: 2))
        #expect(failure("(1+2") == ExpressionError(message: "missing ')'", offset: 4))
        #expect(failure("1 2")?.offset == 2)
        #expect(failure("sqrt 4")?.message == "sqrt needs parentheses: sqrt(...)")
        #expect(failure("1/lr")?.message.contains("unknown name 'lr'") == true)
        #expect(failure("kapa")?.message.contains("did you mean 'kappa'") == true)
        #expect(failure("1 $ 2")?.message == "unexpected '$'")
    }

    @Test func aConstantTheProblemLacksIsAnError() throws {
        let expression = try Expression.parse("1/L")
        #expect(expression.constantsUsed == ["L"])
        #expect(throws: ExpressionError.self) { try expression.evaluate(["mu": 1]) }
    }

    @Test func nearestNameUsesEditDistance() {
        #expect(NearestName.editDistance("kitten", "sitting") == 3)
        #expect(NearestName.editDistance("", "abc") == 3)
        #expect(NearestName.nearest(to: "adma", in: ["adam", "adagrad", "sgd"]) == "adam")
        #expect(NearestName.nearest(to: "zzzzzz", in: ["adam", "sgd"]) == nil)
    }

    @Test func sha256MatchesTheFIPSExamples() {
        // FIPS 180-4 / NIST CSRC example values.
        #expect(SHA256.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(of: []) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            SHA256.hex(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func globTreatsBracketsLiterally() {
        let id = "quad[d=2,kappa=10]/gd[lr=0.1]/rep=0"
        #expect(GlobPattern("quad[d=2*").matches(id))
        #expect(GlobPattern("*/gd[lr=0.1]/*").matches(id))
        #expect(GlobPattern("*rep=?").matches(id))
        #expect(!GlobPattern("*rep=1").matches(id))
        #expect(!GlobPattern("quad[d=3*").matches(id))
    }
}
