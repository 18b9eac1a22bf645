import Foundation
import Testing
@testable import CARBSCore

/// Golden-file tests: each rendering must match `Fixtures/plots/<name>` byte for byte.
/// Run with `CARBS_UPDATE_GOLDEN=1` to rewrite the files in the source tree (then look at every one of them).
@Suite struct PlotGoldenTests {
    static let sourceDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/plots")

    @Test(arguments: PlotGoldenCases.all.map(\.0))
    func matchesGolden(name: String) throws {
        let rendered = try #require(PlotGoldenCases.all.first { $0.0 == name }?.1)
        if ProcessInfo.processInfo.environment["CARBS_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.sourceDir, withIntermediateDirectories: true)
            try rendered.write(to: Self.sourceDir.appendingPathComponent(name), atomically: true, encoding: .utf8)
            return
        }
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil,
                                                 subdirectory: "Fixtures/plots"))
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(rendered == expected, "\(name) differs from its golden file:\n\(rendered)")
    }
}
