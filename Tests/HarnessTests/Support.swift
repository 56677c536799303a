import Foundation
import Harness
import Results
import TestSupport

/// Loads a suite from text with the test catalog.
func suite(_ text: String, catalog: Catalog = TestKinds.catalog, file: String = "test.yaml") throws -> Suite {
    try SuiteLoader(catalog: catalog).load(text: text, file: file)
}

func plan(_ text: String, catalog: Catalog = TestKinds.catalog) throws -> RunPlan {
    try RunPlan(suite: suite(text, catalog: catalog))
}

/// The JSON line of a record without times: equal strings mean equal bits (NaN included).
func bits(_ records: [RunRecord]) throws -> [String] {
    try records.map { try RecordCoding.line(withoutTimes($0)) }
}

func temporaryDirectory() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("gdbench-test-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
