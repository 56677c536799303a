import Analysis
import Foundation
import Results

/// `report.html`: one self-contained page per run — no file, font or script it loads — with the
/// provenance, the claims table and every other table of ``ReportWriter`` (sortable: click a column
/// header; numbers sort as numbers), and the figures inlined as SVG (those rendered as `.svg` in the
/// figures folder; a figure rendered in another format is linked, one not rendered is listed). The
/// page sets `data-figures` and `data-tables` on `<body>` to the counts it holds, for tests.
public struct HTMLReport {
    public var writer: ReportWriter

    public init(writer: ReportWriter) { self.writer = writer }

    public func page(figures: [Figure], figuresFolder: URL) -> String {
        let results = writer.results
        let suite = results.manifest?.suite ?? results.records.first?.suite ?? "results"
        var body = "<h1>gdbench report: \(Self.escape(suite))</h1>\n"
        body +=
            "<nav>"
            + (["Provenance"] + writer.tables.map(\.title) + ["Figures"]).map {
                "<a href=\"#\(Self.anchor($0))\">\(Self.escape($0))</a>"
            }.joined(separator: " · ") + "</nav>\n"
        body += "<h2 id=\"provenance\">Provenance</h2>\n"
        if let manifest = results.manifest {
            body +=
                "<table class=\"provenance\"><tbody>\n"
                + writer.provenanceFields(manifest).map {
                    "<tr><th>\(Self.escape($0.0))</th><td>\(Self.escape($0.1))</td></tr>"
                }.joined(separator: "\n") + "\n</tbody></table>\n"
            if manifest.buildConfiguration != "release" {
                body +=
                    "<p class=\"warning\">Timings come from a \(Self.escape(manifest.buildConfiguration)) build and "
                    + "are not comparable.</p>\n"
            }
        } else {
            body += "<p>No manifest.json: provenance unknown.</p>\n"
        }
        body += "<p>\(Self.escape(writer.statusLine)) \(Self.escape(writer.ladderLine))</p>\n"
        var tableCount = 0
        for (title, table) in writer.tables {
            body +=
                "<h2 id=\"\(Self.anchor(title))\">\(Self.escape(title))</h2>\n"
                + "<p class=\"caption\">\(Self.escape(table.caption))</p>\n"
            guard !table.rows.isEmpty else {
                body += "<p>(none apply to these records)</p>\n"
                continue
            }
            tableCount += 1
            body += "<table class=\"sortable\" data-title=\"\(Self.escape(title))\"><thead><tr>"
            body +=
                table.header.enumerated().map { index, name in
                    "<th class=\"\(Self.isRight(table, index) ? "num" : "")\" title=\"sort\">\(Self.escape(name))</th>"
                }.joined() + "</tr></thead>\n<tbody>\n"
            for row in table.rows {
                body +=
                    "<tr>"
                    + row.enumerated().map { index, cell in
                        let verdict =
                            ["holds", "pass"].contains(cell)
                            ? " class=\"ok\"" : ["FAILS", "FAIL"].contains(cell) ? " class=\"bad\"" : ""
                        let align = Self.isRight(table, index) ? " style=\"text-align:right\"" : ""
                        return "<td\(verdict)\(align)>\(Self.escape(cell))</td>"
                    }.joined() + "</tr>\n"
            }
            body += "</tbody></table>\n"
        }
        body += "<h2 id=\"figures\">Figures</h2>\n"
        var figureCount = 0
        for figure in figures {
            let output = figuresFolder.appendingPathComponent(figure.outputFileName)
            if figure.format == .svg, let data = FileManager.default.contents(atPath: output.path) {
                figureCount += 1
                let svg = Self.inlineSVG(String(decoding: data, as: UTF8.self))
                body += "<figure id=\"\(Self.escape(figure.stem))\">\(svg)"
                body += "<figcaption>\(Self.escape(figure.title))</figcaption></figure>\n"
            } else if FileManager.default.fileExists(atPath: output.path) {
                body +=
                    "<p><a href=\"\(Self.escape(output.path))\">\(Self.escape(figure.title))</a> "
                    + "(\(figure.format.rawValue))</p>\n"
            } else {
                body +=
                    "<p class=\"missing\">\(Self.escape(figure.title)): not rendered (gnuplot missing; run "
                    + "<code>gdbench plot</code>).</p>\n"
            }
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>gdbench report: \(Self.escape(suite))</title>
            <style>\(Self.style)</style>
            </head>
            <body data-figures="\(figureCount)" data-tables="\(tableCount)">
            \(body)
            <script>\(Self.script)</script>
            </body></html>

            """
    }

    static func isRight(_ table: ReportWriter.Table, _ column: Int) -> Bool {
        let alignment = Array(table.alignment)
        return column < alignment.count && alignment[column] == "r"
    }

    /// The SVG element of a gnuplot SVG file, without its XML prolog and DOCTYPE, scaled to the page width.
    static func inlineSVG(_ text: String) -> String {
        guard let start = text.range(of: "<svg") else { return "" }
        var svg = String(text[start.lowerBound...])
        svg = svg.replacingOccurrences(
            of: "<svg ", with: "<svg style=\"max-width:100%;height:auto\" ", options: [],
            range: svg.startIndex..<svg.index(svg.startIndex, offsetBy: 5))
        return svg
    }

    static func anchor(_ title: String) -> String {
        String(title.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    static let style = """
        body{font-family:system-ui,-apple-system,'DejaVu Sans',sans-serif;margin:2em auto;max-width:1200px;\
        padding:0 1em;color:#222}
        nav a{margin-right:.3em} table{border-collapse:collapse;margin:.5em 0 1.5em;font-size:.85em}
        th,td{border:1px solid #ccc;padding:.25em .5em;vertical-align:top} \
        thead th{background:#f2f2f2;cursor:pointer;position:sticky;top:0}
        thead th.sorted-asc::after{content:" ▲"} thead th.sorted-desc::after{content:" ▼"}
        td.ok{color:#006d2c} td.bad{color:#b30000;font-weight:bold} .caption{color:#555;font-size:.9em;max-width:60em}
        .warning{color:#b30000} figure{margin:1em 0 2em} figcaption{color:#555;font-size:.9em}
        """

    /// Click a header to sort its table (again to reverse); cells that read as numbers sort numerically.
    static let script = """
        (function(){
          function key(text){var t=text.trim().replace(/\\u2212/g,'-');var m=t.match(/^[-+]?[0-9.]+(e[-+]?[0-9]+)?/i);
            if(t==='∞'||t.indexOf('∞')===0)return [0,Infinity];return m?[0,parseFloat(m[0])]:[1,t.toLowerCase()];}
          document.querySelectorAll('table.sortable').forEach(function(table){
            var heads=table.tHead.rows[0].cells;
            Array.prototype.forEach.call(heads,function(th,col){
              th.addEventListener('click',function(){
                var asc=!th.classList.contains('sorted-asc');
                Array.prototype.forEach.call(heads,function(h){h.classList.remove('sorted-asc','sorted-desc');});
                th.classList.add(asc?'sorted-asc':'sorted-desc');
                var body=table.tBodies[0];var rows=Array.prototype.slice.call(body.rows);
                rows.sort(function(a,b){var x=key(a.cells[col].textContent),y=key(b.cells[col].textContent);
                  var c=x[0]-y[0]||(x[1]<y[1]?-1:x[1]>y[1]?1:0);return asc?c:-c;});
                rows.forEach(function(r){body.appendChild(r);});
              });
            });
          });
          document.body.setAttribute('data-ready','1');
        })();
        """
}
