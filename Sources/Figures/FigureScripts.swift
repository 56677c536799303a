import Foundation
import Results

/// The figures folder of a run: one gnuplot script per figure for every format, written once into
/// `figures/scripts/` with its data, and one folder per rendered format (`figures/png/`,
/// `figures/svg/`, `figures/pdf/`, `figures/tex/`, `figures/gif/`), so rendering one format never
/// touches another's pictures.
///
/// A script holds each format's version of the figure in its own `if (format eq '…') { … }` block
/// (gnuplot 5; `format` defaults to the first version, png for static figures) and finds its data
/// through `set loadpath '../scripts'`; gnuplot runs in the format's folder:
/// `cd figures/pdf && gnuplot -e "format='pdf'" ../scripts/STEM.gp`. A file is rewritten only when
/// its text changes (another `--size` or `--best-tuned` selection), never for another format.
public enum FigureScripts {
    /// The folder of the scripts and data inside a figures folder.
    public static let scriptsFolderName = "scripts"

    /// The formats every script carries (gif only for trajectory animations).
    public static let staticFormats: [FigureFormat] = [.png, .svg, .pdf, .tex]

    /// Every format's version of the figures of `context` (its animations with the png versions).
    public static func build(_ context: FigureContext) throws -> [Figure] {
        var figures: [Figure] = []
        for format in staticFormats {
            var variant = context
            variant.format = format
            variant.animations = format == .png && context.animations
            figures += try FigureSet.build(variant)
        }
        return figures
    }

    /// Writes one script per stem of `figures` (all the versions of a figure given) and their data
    /// into `folder/scripts/`, leaving files whose text is unchanged untouched.
    public static func write(_ figures: [Figure], to folder: URL) throws {
        let scripts = folder.appendingPathComponent(scriptsFolderName)
        try FileManager.default.createDirectory(at: scripts, withIntermediateDirectories: true)
        var stems: [String] = []
        var versions: [String: [Figure]] = [:]
        for figure in figures {
            if versions[figure.stem] == nil { stems.append(figure.stem) }
            versions[figure.stem, default: []].append(figure)
        }
        for stem in stems {
            let group = versions[stem] ?? []
            var data: [String: String] = [:]
            for table in group.flatMap(\.data) {
                if let other = data[table.fileName], other != table.text {
                    throw ResultsError("figure \(stem): its data file \(table.fileName) differs between formats")
                }
                data[table.fileName] = table.text
            }
            for (name, text) in data { try writeIfChanged(text, to: scripts.appendingPathComponent(name)) }
            try writeIfChanged(script(group), to: scripts.appendingPathComponent(stem + ".gp"))
        }
    }

    /// The script of one figure from its versions (one per format; the first is the default).
    static func script(_ versions: [Figure]) -> String {
        guard let first = versions.first else { return "" }
        let formats = versions.map(\.format.rawValue)
        var lines = first.script.split(separator: "\n", omittingEmptySubsequences: false).prefix { $0.hasPrefix("# ") }
            .filter { !$0.hasPrefix("# render:") }.map(String.init)
        lines.append(
            "# formats: \(formats.joined(separator: ", ")); "
                + "each writes \(first.stem).EXT into its own folder:")
        lines.append("#   cd figures/FORMAT && gnuplot -e \"format='FORMAT'\" ../\(scriptsFolderName)/\(first.stem).gp")
        lines.append("if (!exists(\"format\")) format = '\(formats[0])'")
        lines.append("set loadpath '../\(scriptsFolderName)'")
        for version in versions {
            let body = version.script.split(separator: "\n", omittingEmptySubsequences: false)
                .drop { $0.hasPrefix("# ") }.joined(separator: "\n")
            lines.append("if (format eq '\(version.format.rawValue)') {")
            lines.append(body.hasSuffix("\n") ? String(body.dropLast()) : body)
            lines.append("}")
        }
        let none = formats.map { "format ne '\($0)'" }.joined(separator: " && ")
        lines.append("if (\(none)) {")
        lines.append(
            "print sprintf(\"\(first.stem).gp: no format '%s' "
                + "(it draws \(formats.joined(separator: ", ")))\", format)")
        lines.append("exit status 2")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    static func writeIfChanged(_ text: String, to url: URL) throws {
        if let existing = FileManager.default.contents(atPath: url.path), existing == Data(text.utf8) { return }
        try AtomicFile.write(text, to: url)
    }
}
