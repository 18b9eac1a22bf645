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
