import ArgumentParser
import Foundation
import Harness
import Objectives
import Parameters
import Results
import SuiteLanguage

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List suites, problems, optimizers or schedules.")

    enum Topic: String, ExpressibleByArgument, CaseIterable {
        case suites, problems, optimizers, schedules
    }

    @Argument(help: "suites, problems, optimizers or schedules (default: all).")
    var topic: Topic?

    @OptionGroup var location: SuiteLocation

    @Option(name: .long, help: ArgumentHelp("table or json.", valueName: "format"))
    var format: OutputFormat = .table

    @Flag(
        name: .long,
        help: "Print Markdown tables of every problem, optimizer and schedule (the README's catalog section).")
    var markdown = false

    func run() throws {
        let catalog = CommandContext.catalog
        if markdown {
            print(catalog.markdownTables(), terminator: "")
            return
        }
        var sections: [(String, [[String: String]])] = []
        let topics = topic.map { [$0] } ?? Topic.allCases
        for topic in topics {
            switch topic {
            case .suites:
                let rows = location.suiteNames().map { name -> [String: String] in
                    let description =
                        (try? location.load(name, with: SuiteLoader(catalog: catalog)).description)
                        ?? "(does not validate)"
                    return [
                        "name": name, "summary": description.split(separator: "\n").first.map(String.init) ?? "",
                        "source": location.origin(of: name),
                    ]
                }
                sections.append(("suites", rows))
            case .problems:
                sections.append(("problems", catalog.problems.map { Self.row($0.name, $0.summary, $0.parameters) }))
            case .optimizers:
                sections.append(
                    ("optimizers", catalog.optimizers.map { Self.row($0.name, $0.summary, $0.parameters) }))
            case .schedules:
                sections.append(("schedules", catalog.schedules.map { Self.row($0.name, $0.summary, $0.parameters) }))
            }
        }
        switch format {
        case .json:
            var object: [String: [[String: String]]] = [:]
            for (title, rows) in sections { object[title] = rows }
            print(String(decoding: try RecordCoding.encoder(pretty: true).encode(object), as: UTF8.self))
        case .table:
            for (title, rows) in sections {
                print("\(title):")
                let width = rows.map { $0["name"]?.count ?? 0 }.max() ?? 0
                for row in rows {
                    let name = row["name"] ?? ""
                    print(
                        "  \(name)\(String(repeating: " ", count: width - name.count))  \(row["summary"] ?? "")"
                            + (row["source"].map { " [\($0)]" } ?? ""))
                    if let parameters = row["parameters"], !parameters.isEmpty {
                        print("  \(String(repeating: " ", count: width))    \(parameters)")
                    }
                }
                if rows.isEmpty { print("  (none)") }
            }
        }
    }

    /// One kind's row: its name, summary and parameters.
    static func row(_ name: String, _ summary: String, _ specs: [ParameterSpec]) -> [String: String] {
        ["name": name, "summary": summary, "parameters": parameters(specs)]
    }

    static func parameters(_ specs: [ParameterSpec]) -> String {
        specs.map { spec in spec.defaultValue.map { "\(spec.name)=\($0.summary)" } ?? "\(spec.name) (required)" }
            .joined(separator: ", ")
    }
}
