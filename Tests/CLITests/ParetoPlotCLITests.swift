import Foundation
import Testing

@Suite struct ParetoPlotCLITests {
    /// A log with ties, a repeated point (two seeds) and a failure; scores maximized.
    static let log = """
        {"param":"x","space":"linear","min":0,"max":10}
        {"id":"a","params":{"x":1},"score":1,"cost":1}
        {"id":"b","params":{"x":2},"score":3,"cost":10}
        {"id":"c","params":{"x":3},"score":2,"cost":10}
        {"id":"d","params":{"x":4},"score":3,"cost":100}
        {"id":"e1","params":{"x":5},"score":4,"cost":50}
        {"id":"e2","params":{"x":5},"score":6,"cost":150}
        {"id":"f","params":{"x":6},"score":1,"cost":1}
        {"id":"g","params":{"x":7},"status":"failed","cost":3}
        {"id":"h","params":{"x":8},"status":"pending"}

        """

    @Test func frontIsTheHandComputedOne() throws {
        // Groups: a(1,1) b(3,10) c(2,10) d(3,100) e(mean 5, cost 100, 2 runs) f(1,1, tie with a).
        // Front by cost: a (first of the tie at cost 1), b (3 at 10), e (5 at 100; dominates d).
        let r = try CLI.run("carbs-pareto", [], stdin: Self.log)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.lines == [
            #"{"id":"a","params":{"x":1},"score":1,"cost":1,"count":1}"#,
            #"{"id":"b","params":{"x":2},"score":3,"cost":10,"count":1}"#,
            #"{"ids":["e1","e2"],"params":{"x":5},"score":5,"cost":100,"count":2}"#,
        ])
        let tsv = try CLI.run("carbs-pareto", ["--format", "tsv"], stdin: Self.log)
        #expect(tsv.lines.first == "cost\tscore\tcount\tid\tx")
        #expect(tsv.lines.last == "100\t5\t2\te1,e2\t5")
    }

    @Test func minimizeFlipsTheFront() throws {
        // Lower is better: a and f tie at (1, 1) and nothing costlier scores lower, so only a.
        let r = try CLI.run("carbs-pareto", ["--minimize"], stdin: Self.log)
        #expect(r.lines == [#"{"id":"a","params":{"x":1},"score":1,"cost":1,"count":1}"#])
    }

    @Test func budgetPicksTheBestAffordableRun() throws {
        let r = try CLI.run("carbs-pareto", ["--budget", "50"], stdin: Self.log)
        #expect(r.lines == [#"{"id":"b","params":{"x":2},"score":3,"cost":10,"count":1}"#])
        let none = try CLI.run("carbs-pareto", ["--budget", "0.5"], stdin: Self.log)
        #expect(none.status == 1)
        #expect(none.stdout.isEmpty)
    }

    @Test func hypervolumeIsTheHandComputedArea() throws {
        // Reference score 0, costs 1..1000 (log10 0..3). Front levels: 1 on [0,1), 3 on [1,2), 5 on [2,3].
        // HV = 1·1 + 3·1 + 5·1 = 9; with best 5: normalized 9 / (5·3) = 0.6.
        let r = try CLI.run("carbs-pareto", ["--hypervolume", "--ref-score", "0", "--best-score", "5", "--cost-min", "1", "--cost-max", "1000"],
                            stdin: Self.log)
        struct HV: Decodable { var hypervolume: Double; var normalized: Double; var front_size: Int }
        let hv = try JSONDecoder().decode(HV.self, from: Data(r.stdout.utf8))
        #expect(abs(hv.hypervolume - 9) < 1e-12)
        #expect(abs(hv.normalized - 0.6) < 1e-12)
        #expect(hv.front_size == 3)
    }

    @Test func summaryCountsEverything() throws {
        let r = try CLI.run("carbs-pareto", ["--summary"], stdin: Self.log)
        struct S: Decodable { var runs, successes, failures, pending, front_size: Int; var total_cost, best_score: Double; var best_id: String }
        let s = try JSONDecoder().decode(S.self, from: Data(r.stdout.utf8))
        #expect(s.runs == 9 && s.successes == 7 && s.failures == 1 && s.pending == 1 && s.front_size == 3)
        #expect(s.total_cost == 1 + 10 + 10 + 100 + 50 + 150 + 1 + 3)
        #expect(s.best_score == 5 && s.best_id == "e1")
    }

    @Test func everyPlotKindRendersInBothModesAndAsSVG() throws {
        let dir = try FileManager.default.temporaryDirectory.appendingPathComponent("carbs-plot-\(getpid())", isDirectory: true).creatingDirectory()
        for kind in ["scatter", "history", "params", "importance"] {
            for extra in [[], ["--ascii"]] {
                let r = try CLI.run("carbs-plot", [kind, "--width", "60", "--height", "16"] + extra, stdin: Self.log)
                #expect(r.status == 0, "\(kind) \(extra): \(r.stderr)")
                let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                #expect(!lines.isEmpty)
                #expect(lines.allSatisfy { $0.count <= 60 }, "\(kind) fits in 60 columns")
                if extra == ["--ascii"] { #expect(r.stdout.unicodeScalars.allSatisfy { $0.isASCII }, "\(kind) --ascii") }
                #expect(!r.stdout.contains("\u{1B}["), "no colour when not a terminal")
            }
            let svg = dir.appendingPathComponent("\(kind).svg").path
            let s = try CLI.run("carbs-plot", [kind, "--svg", svg], stdin: Self.log)
            #expect(s.status == 0 && s.stdout.isEmpty)
            let text = try String(contentsOfFile: svg, encoding: .utf8)
            #expect(text.hasPrefix("<svg") || text.hasPrefix("<?xml"))
            #expect(!text.contains("NaN"))
        }
        let colored = try CLI.run("carbs-plot", ["scatter", "--color", "always"], stdin: Self.log)
        #expect(colored.stdout.contains("\u{1B}["))
    }
}
