import Foundation
import TestSupport
import Testing

@testable import Objectives

/// The embedded breast-cancer data against the committed CSV and the data set's documented shape.
@Suite struct BreastCancerDataTests {
    @Test func embeddedTextIsTheCommittedCSV() throws {
        let url = FixtureFiles.repositoryRoot().appendingPathComponent(
            "Sources/Objectives/Data/breast-cancer-wisconsin.csv")
        let file = try String(contentsOf: url, encoding: .utf8)
        #expect(BreastCancerData.csv + "\n" == file)
    }

    @Test func shapeLabelsAndFirstRowAreThoseOfTheUCISet() throws {
        let data = Dataset.breastCancerWisconsin
        #expect(data.rowCount == 569 && data.columnCount == 30)
        // 212 malignant (−1), 357 benign (+1) (UCI documentation).
        #expect(data.targets.filter { $0 == -1 }.count == 212)
        #expect(data.targets.filter { $0 == 1 }.count == 357)
        // First record of wdbc.data (ID 842302, diagnosis M): radius 17.99, texture 10.38, perimeter 122.8,
        // area 1001, …, worst fractal dimension 0.1189.
        #expect(Array(data.features[0..<4]) == [17.99, 10.38, 122.8, 1001])
        #expect(data.features[29] == 0.1189)
        #expect(data.targets[0] == -1)
    }

    @Test func csvParserRejectsMalformedText() {
        #expect(Dataset(csv: "a,b,target\n1,2,1\n3,x,0\n") == nil)
        #expect(Dataset(csv: "a,b,target\n1,2,1\n3,0\n") == nil)
        #expect(
            Dataset(csv: "a,target\n1.5,1\n-2,0\n")
                == Dataset(rowCount: 2, columnCount: 1, features: [1.5, -2], targets: [1, 0]))
    }
}
