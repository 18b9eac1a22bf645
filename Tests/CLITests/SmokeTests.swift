import Foundation
import Testing

@Suite struct SmokeTests {
    @Test func helpExitsZero() throws {
        for tool in ["carbs-space", "carbs-fit", "carbs-suggest", "carbs-pareto", "carbs-plot"] {
            let r = try CLI.run(tool, ["--help"])
            #expect(r.status == 0, "\(tool) --help")
            #expect(r.stdout.contains("USAGE"), "\(tool) --help prints usage")
        }
    }
}

@Suite struct VersionTests {
    @Test func everyToolPrintsTheSameVersion() throws {
        var versions = Set<String>()
        for tool in ["carbs-space", "carbs-fit", "carbs-suggest", "carbs-pareto", "carbs-plot"] {
            let r = try CLI.run(tool, ["--version"])
            #expect(r.status == 0, "\(tool)")
            versions.insert(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        #expect(versions.count == 1)
        #expect(versions.first?.split(separator: ".").count == 3)
    }
}
