import Checking
import Foundation
import Results
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The three renderings of one report with every verdict, checked structurally: the text table's
/// order and alignment, the Markdown's headings and table shapes, and the JUnit XML parsed back
/// with XMLDocument.
@Suite struct ComparisonRenderingTests {
    typealias F = ComparisonFixtures

    /// d: regression (status), e: missing, a: improvement, b: behaviour change, new: new,
    /// c and f: unchanged; the regression's message carries XML and Markdown specials.
    static func mixedReport(allowBehaviourChanges: Bool = false) throws -> ComparisonReport {
        let base = try ["e", "d", "c", "b", "a", "f"].map { try F.record("\($0)[k=1]/gd[lr=0.1]/rep=0") }
        var current = base
        current[4].targets.ladder[2].hit?.iteration = 39
        F.diverge(&current[3], from: 50)
        current[1].status = .error
        current[1].message = "x < y & \"z\" | 'w'"
        current.remove(at: 0)
        current.append(try F.record("new[k=1]/gd[lr=0.1]/rep=0"))
        return try F.compare(base, current, policy: ComparisonPolicy(allowBehaviourChanges: allowBehaviourChanges))
    }

    @Test func theTableListsChangedRunsBySeverityInAlignedColumns() throws {
        let text = ReportTable.render(try Self.mixedReport())
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(
            lines[0]
                == "gdbench check smoke: FAIL — 1 regression, 1 missing run, 1 behaviour change; 1 improvement, 1 new "
                + "run, 2 unchanged")
        guard let header = lines.firstIndex(where: { $0.hasPrefix("VERDICT") }) else {
            Issue.record("no table header")
            return
        }
        let rows = lines[(header + 1)...].prefix { !$0.isEmpty }
        let firstColumn = rows.compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(
            firstColumn.filter { !$0.contains("[") } == [
                "regression", "missing", "improvement", "behaviour-change", "new",
            ])
        let changeColumn = lines[header].range(of: "CHANGE")?.lowerBound.utf16Offset(in: lines[header])
        for row in rows {
            let column = row.utf16.count >= (changeColumn ?? 0) ? row.prefix(changeColumn ?? 0) : ""
            #expect(column.hasSuffix("  "), "row \(row) does not align with CHANGE")
        }
        #expect(lines.contains("2 unchanged."))
        #expect(
            text.hasSuffix("If the changes are intended, record them: gdbench check --suite smoke --update-baseline\n"))
    }

    @Test func markdownHasOrderedSectionsAndWellFormedTables() throws {
        let markdown = MarkdownReport.render(try Self.mixedReport())
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].hasPrefix("## gdbench check `smoke`: ❌ FAIL — 1 regression"))
        let headings = lines.filter { $0.hasPrefix("### ") }
        #expect(
            headings == [
                "### Regressions (1, failing)", "### Missing runs (1, failing)", "### Improvements (1, not failing)",
                "### Behaviour changes (1, failing)", "### New runs (1, not failing)",
            ])
        for (index, line) in lines.enumerated() where line.hasPrefix("### ") {
            #expect(lines[index + 1] == "")
            #expect(lines[index + 2] == "| Run | Change |")
            #expect(lines[index + 3] == "|---|---|")
            #expect(lines[index + 4].hasPrefix("| `"))
        }
        // Every table row has exactly two cells: three unescaped pipes.
        for line in lines where line.hasPrefix("| `") {
            var pipes = 0
            var previous: Character = " "
            for character in line {
                if character == "|" && previous != "\\" { pipes += 1 }
                previous = character
            }
            #expect(pipes == 3, "\(line)")
        }
        let regression = lines.first { $0.hasPrefix("| `d[k=1]") }
        #expect(regression == "| `d[k=1]/gd[lr=0.1]/rep=0` | status converged → error (x &lt; y &amp; \"z\" \\| 'w') |")
        #expect(
            lines.contains(
                "| `b[k=1]/gd[lr=0.1]/rep=0` | final iterate changed (fingerprint \(F.fingerprint(100)) → "
                    + "\(F.fingerprint(100, variant: 1))); first differs between iteration 40 (equal) and 63 "
                    + "(different) |"))
        #expect(lines.contains("2 unchanged."))
    }

    @Test func allowedBehaviourChangesAreMarkedNotFailing() throws {
        let report = try Self.mixedReport(allowBehaviourChanges: true)
        #expect(MarkdownReport.render(report).contains("### Behaviour changes (1, not failing)"))
        #expect(ReportTable.render(report).contains("behaviour-change (allowed)  b[k=1]/gd[lr=0.1]/rep=0"))
    }

    @Test func junitParsesBackWithOneTestcasePerRunAndFailuresForFailingRuns() throws {
        let xml = JUnitReport.render(try Self.mixedReport())
        #if canImport(FoundationXML) || os(macOS)
        let document = try XMLDocument(xmlString: xml, options: [])
        let root = try #require(document.rootElement())
        #expect(root.name == "testsuites")
        #expect(root.attribute(forName: "tests")?.stringValue == "7")
        #expect(root.attribute(forName: "failures")?.stringValue == "3")
        #expect(root.attribute(forName: "skipped")?.stringValue == "1")
        let suites = root.elements(forName: "testsuite")
        #expect(suites.count == 1)
        #expect(suites.first?.attribute(forName: "name")?.stringValue == "smoke")
        let cases = suites.first?.elements(forName: "testcase") ?? []
        #expect(
            cases.compactMap { $0.attribute(forName: "name")?.stringValue } == [
                "a[k=1]/gd[lr=0.1]/rep=0", "b[k=1]/gd[lr=0.1]/rep=0", "c[k=1]/gd[lr=0.1]/rep=0",
                "d[k=1]/gd[lr=0.1]/rep=0",
                "e[k=1]/gd[lr=0.1]/rep=0", "f[k=1]/gd[lr=0.1]/rep=0", "new[k=1]/gd[lr=0.1]/rep=0",
            ])
        #expect(cases.allSatisfy { $0.attribute(forName: "classname")?.stringValue == "gdbench.check.smoke" })
        func failure(_ id: String) -> XMLElement? {
            cases.first { $0.attribute(forName: "name")?.stringValue == id }?.elements(forName: "failure").first
        }
        #expect(failure("d[k=1]/gd[lr=0.1]/rep=0")?.attribute(forName: "type")?.stringValue == "regression")
        #expect(
            failure("d[k=1]/gd[lr=0.1]/rep=0")?.attribute(forName: "message")?.stringValue
                == "status converged → error (x < y & \"z\" | 'w')")
        #expect(failure("e[k=1]/gd[lr=0.1]/rep=0")?.attribute(forName: "type")?.stringValue == "missing")
        #expect(failure("b[k=1]/gd[lr=0.1]/rep=0")?.attribute(forName: "type")?.stringValue == "behaviour-change")
        #expect(failure("a[k=1]/gd[lr=0.1]/rep=0") == nil)
        #expect(failure("c[k=1]/gd[lr=0.1]/rep=0") == nil)
        let new = cases.first { $0.attribute(forName: "name")?.stringValue == "new[k=1]/gd[lr=0.1]/rep=0" }
        #expect(new?.elements(forName: "skipped").count == 1)
        let improvement = cases.first { $0.attribute(forName: "name")?.stringValue == "a[k=1]/gd[lr=0.1]/rep=0" }
        #expect(
            improvement?.elements(forName: "system-out").first?.stringValue
                == "improvement: iterations to 1e-06: 40 → 39 (-1; tolerance exact)")
        #else
        #expect(xml.components(separatedBy: "<testcase ").count - 1 == 7)
        #expect(xml.components(separatedBy: "<failure ").count - 1 == 3)
        #expect(xml.contains("message=\"status converged → error (x &lt; y &amp; &quot;z&quot; | &apos;w&apos;)\""))
        #endif
    }

    @Test func junitDropsCharactersXMLCannotCarry() throws {
        let baseline = try F.record()
        var current = baseline
        current.status = .error
        current.message = "bad\u{1}byte"
        let xml = JUnitReport.render(try F.compare([baseline], [current]))
        #expect(xml.contains("message=\"status converged → error (badbyte)\""))
        #expect(!xml.unicodeScalars.contains { $0.value == 1 })
    }
}
