import Testing

@testable import Figures

@Suite struct TextTests {
    @Test func enhancedTextEscapesControlCharacters() {
        // gnuplot enhanced text treats ^ _ @ & ~ { } as markup; a backslash prints them literally.
        #expect(GnuplotText.literal("adam[lr=1e-3]_{x}", .png) == "'adam[lr=1e-3]\\_\\{x\\}'")
        #expect(GnuplotText.literal("it's", .svg) == "'it''s'")
    }

    @Test func latexTextEscapesSpecialsAndSetsMath() {
        #expect(GnuplotText.literal("κ = 10 & 50% #1_a", .tex) == "'$\\kappa$ = 10 \\& 50\\% \\#1\\_a'")
        #expect(GnuplotText.literal("‖∇f‖", .tex) == "'$\\|$$\\nabla$f$\\|$'")
    }

    @Test func stemsAreSafeAndUnique() {
        var stems = FigureStem()
        #expect(FigureStem.slug("quadratic[d=2,kappa=1e4]/sgd[lr=0.01]") == "quadratic-d-2-kappa-1e4-sgd-lr-0p01")
        #expect(stems.unique("convergence", "a[b=1]") == "convergence-a-b-1")
        #expect(stems.unique("convergence", "a(b=1)") == "convergence-a-b-1-2")
        #expect(stems.unique("ecdf", "") == "ecdf")
    }

    @Test func dataTableWritesBlocksAndMissingValues() {
        let table = DataTable(
            fileName: "x.dat", header: ["columns: x y"],
            blocks: [
                .init(comment: "first", rows: [[1, 2.5], [2, nil]]), .init(comment: "second", rows: [[3, .infinity]]),
            ])
        #expect(table.text == "# columns: x y\n# index 0: first\n1 2.5\n2 ?\n\n\n# index 1: second\n3 ?\n")
    }
}

@Suite struct TitleTests {
    @Test func longTitlesBreakAfterTheColonThenAtCommas() {
        #expect(GnuplotScript.wrap("short: title", width: 20) == ["short: title"])
        #expect(
            GnuplotScript.wrap("quadratic[d=2,kappa=10]: convergence", width: 25) == [
                "quadratic[d=2,kappa=10]:", "convergence",
            ])
        #expect(
            GnuplotScript.wrap("quadratic[d=2,kappa=10,rotation=none]: paths", width: 20)
                == ["quadratic[d=2,", "kappa=10,", "rotation=none]:", "paths"])
        #expect(GnuplotScript.titleExpression("a,b: c", .png, width: 3) == "'a,' . \"\\n\" . 'b:' . \"\\n\" . 'c'")
    }
}
