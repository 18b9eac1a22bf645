import Foundation
import Testing

@Suite struct CurvesPlotCLITests {
    /// Run records by hand after the space declared by carbs-space: a finished run whose result differs from its last
    /// checkpoint, a stopped run, a running run, a result without progress and a failure.
    static let records = """
        {"id":"a","params":{"lr":0.01},"status":"pending"}
        {"progress":"a","step":1,"score":0.2,"cost":10}
        {"progress":"a","step":2,"score":0.5,"cost":20,"advice":"continue"}
        {"progress":"a","step":3,"score":0.7,"cost":30}
        {"id":"a","params":{"lr":0.01},"score":0.75,"cost":40}
        {"id":"b","params":{"lr":0.1},"status":"pending"}
        {"progress":"b","step":1,"score":0.1,"cost":10}
        {"progress":"b","step":2,"score":0.15,"cost":20,"advice":"stop"}
        {"id":"b","params":{"lr":0.1},"score":0.15,"cost":20,"stopped":true}
        {"id":"c","params":{"lr":0.001},"status":"pending"}
        {"progress":"c","step":1,"score":0.4,"cost":8}
        {"progress":"c","step":2,"score":0.6,"cost":16}
        {"id":"d","params":{"lr":0.5},"score":0.3,"cost":5}
        {"id":"e","params":{"lr":0.2},"status":"failed","cost":3}

        """

    /// A fresh directory holding `sweep.jsonl`: the space from carbs-space, then `records`.
    static func makeLog(_ records: String, name: String) throws -> (dir: URL, log: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("carbs-curves-\(name)-\(getpid())", isDirectory: true)
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let log = dir.appendingPathComponent("sweep.jsonl").path
        let space = try CLI.shell("carbs-space lr=log:1e-4:1 > '\(log)'")
        #expect(space.status == 0, "\(space.stderr)")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(records.utf8))
        try handle.close()
        return (dir, log)
    }

    static func plotLines(_ r: CLI.Result) -> [String] {
        r.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    @Test func costViewShowsCurvesMarkersAndTheFront() throws {
        let (_, log) = try Self.makeLog(Self.records, name: "cost")
        let r = try CLI.run("carbs-plot", ["curves", "--ascii", "--width", "60", "--height", "16", log])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        let lines = Self.plotLines(r)
        #expect(lines.count == 16)
        #expect(lines.allSatisfy { $0.count <= 60 })
        #expect(r.stdout.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(!r.stdout.contains("\u{1B}["), "no colour when not a terminal")
        // Front: d(5, .3), c(8, .4), c(16, .6), a(30, .7), a(40, .75).
        #expect(lines.first?.trimmingCharacters(in: .whitespaces) == "score vs cost: 4 runs, 1 stopped, 1 running, front of 5")
        #expect(lines.contains { $0.contains("cumulative cost") })
        let legend = try #require(lines.last)
        for entry in ["runs", "points", "o front", "x stopped", "> running"] { #expect(legend.contains(entry), "\(entry)") }
        let plot = lines.dropFirst(2).dropLast(3)
        #expect(plot.joined().filter { $0 == "x" }.count == 1, "one stopped run")
        #expect(plot.joined().filter { $0 == ">" }.count == 1, "one running run")
        // c's last checkpoint is on the front; its running marker is drawn on top, so four o's show.
        #expect(plot.joined().filter { $0 == "o" }.count == 4)
        // Same output again; braille too.
        #expect(try CLI.run("carbs-plot", ["curves", "--ascii", "--width", "60", "--height", "16", log]).stdout == r.stdout)
        let braille = try CLI.run("carbs-plot", ["curves", "--width", "60", "--height", "16", log])
        #expect(braille.status == 0 && braille.stdout.unicodeScalars.contains { $0.value >= 0x2800 && $0.value <= 0x28FF })
        let colored = try CLI.run("carbs-plot", ["curves", "--color", "always", log])
        #expect(colored.stdout.contains("\u{1B}["))
    }

    @Test func stepViewHasNoFront() throws {
        let (_, log) = try Self.makeLog(Self.records, name: "step")
        let r = try CLI.run("carbs-plot", ["curves", "--x", "step", "--ascii", "--width", "60", "--height", "16", log])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = Self.plotLines(r)
        #expect(lines.count == 16)
        #expect(lines.first?.trimmingCharacters(in: .whitespaces) == "score vs step: 3 runs, 1 stopped, 1 running")
        #expect(!r.stdout.contains("front"))
        #expect(lines.contains { $0.trimmingCharacters(in: .whitespaces) == "step" })
        let bad = try CLI.run("carbs-plot", ["curves", "--x", "trials", log])
        #expect(bad.status != 0 && bad.stderr.contains("trials"))
    }

    @Test func svgHoldsOnePolylinePerCurve() throws {
        let (dir, log) = try Self.makeLog(Self.records, name: "svg")
        let out = dir.appendingPathComponent("out.svg").path
        let r = try CLI.run("carbs-plot", ["curves", "--svg", out, log])
        #expect(r.status == 0 && r.stdout.isEmpty, "\(r.stderr)")
        let svg = try String(contentsOfFile: out, encoding: .utf8)
        #expect(svg.hasPrefix("<?xml") && svg.hasSuffix("</svg>\n"))
        #expect(!svg.contains("NaN"))
        // The curves of a, b and c (M … L …, round joins); the front's staircase is M … H … V ….
        let paths = svg.components(separatedBy: "<path d=\"M").dropFirst()
        #expect(paths.filter { $0.prefix { $0 != "\"" }.contains(" L") && $0.contains("stroke-linejoin") }.count == 3)
        #expect(paths.contains { $0.prefix { $0 != "\"" }.contains(" V") })
        #expect(svg.contains("front of 5") && svg.contains(">stopped<") && svg.contains(">running<"))
        let step = dir.appendingPathComponent("step.svg").path
        #expect(try CLI.run("carbs-plot", ["curves", "--x", "step", "--svg", step, "--title", "mine", log]).status == 0)
        let stepSVG = try String(contentsOfFile: step, encoding: .utf8)
        #expect(stepSVG.contains(">mine<") && !stepSVG.contains(">front<"))
    }

    @Test func aLogWithoutProgressPlotsItsResults() throws {
        let records = """
            {"id":"a","params":{"lr":0.01},"score":0.5,"cost":10}
            {"id":"b","params":{"lr":0.1},"score":0.7,"cost":100}
            {"id":"c","params":{"lr":0.2},"score":0.2,"cost":50}
            {"id":"d","params":{"lr":0.3},"status":"failed"}

            """
        let (_, log) = try Self.makeLog(records, name: "noprogress")
        let r = try CLI.run("carbs-plot", ["curves", "--ascii", "--width", "80", "--height", "16", log])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        let lines = Self.plotLines(r)
        #expect(lines.first?.trimmingCharacters(in: .whitespaces) == "score vs cost: 3 runs, 0 stopped, front of 2 (no progress records)")
        #expect(lines.dropFirst(2).dropLast(3).joined().filter { $0 == "o" }.count == 2)
        // The step view has nothing to place: it says so, on the plot and on standard error, and exits 0.
        let step = try CLI.run("carbs-plot", ["curves", "--x", "step", "--ascii", "--width", "60", "--height", "16", log])
        #expect(step.status == 0)
        #expect(Self.plotLines(step).first?.trimmingCharacters(in: .whitespaces) == "score vs step: no progress records")
        #expect(step.stderr == "carbs-plot: nothing to plot: no progress records\n")
    }

    @Test func emptyAndAllFailedLogsSaySoWithoutCrashing() throws {
        // No runs (only the space), or only failures and a pending run without progress: an empty plot, a note, exit 0
        // (as the scatter draws an empty plot).
        for (name, records) in [("none", ""), ("failed", """
            {"id":"a","params":{"lr":0.01},"status":"failed"}
            {"id":"b","params":{"lr":0.1},"status":"pending"}

            """)] {
            let (dir, log) = try Self.makeLog(records, name: "empty-\(name)")
            let r = try CLI.run("carbs-plot", ["curves", "--ascii", "--width", "60", "--height", "16", log])
            #expect(r.status == 0, "\(name): \(r.stderr)")
            #expect(Self.plotLines(r).count == 16)
            #expect(Self.plotLines(r).first?.trimmingCharacters(in: .whitespaces) == "score vs cost: no scored runs or progress records")
            #expect(r.stderr == "carbs-plot: nothing to plot: no scored runs or progress records\n")
            let out = dir.appendingPathComponent("empty.svg").path
            #expect(try CLI.run("carbs-plot", ["curves", "--svg", out, log]).status == 0)
            #expect(try String(contentsOfFile: out, encoding: .utf8).hasSuffix("</svg>\n"))
        }
        // An empty file is no input at all: the same exit code as every other subcommand.
        let empty = try CLI.run("carbs-plot", ["curves"], stdin: "")
        let scatter = try CLI.run("carbs-plot", ["scatter"], stdin: "")
        #expect(empty.status != 0 && empty.status == scatter.status)
        #expect(empty.stderr.contains("empty input"))
    }

    @Test func minimizingFlipsTheFrontAndKeysNameTheAxes() throws {
        let records = """
            {"objective":{"score":"loss","cost":"gpu_hours","goal":"minimize"}}
            {"id":"a","params":{"lr":0.01},"status":"pending"}
            {"progress":"a","step":1,"loss":0.9,"gpu_hours":1}
            {"progress":"a","step":2,"loss":0.5,"gpu_hours":2}
            {"id":"a","params":{"lr":0.01},"loss":0.4,"gpu_hours":3}
            {"id":"b","params":{"lr":0.1},"status":"pending"}
            {"progress":"b","step":1,"loss":0.8,"gpu_hours":1.5}
            {"id":"b","params":{"lr":0.1},"loss":0.8,"gpu_hours":1.5,"stopped":true}

            """
        let (_, log) = try Self.makeLog(records, name: "minimize")
        let r = try CLI.run("carbs-plot", ["curves", "--ascii", "--width", "60", "--height", "16", log])
        #expect(r.status == 0, "\(r.stderr)")
        // Lower is better: a's (1, .9), b's (1.5, .8), a's (2, .5) and (3, .4): all four on the front.
        #expect(Self.plotLines(r).first?.trimmingCharacters(in: .whitespaces) == "loss vs gpu_hours: 2 runs, 1 stopped, front of 4")
        #expect(r.stdout.contains("cumulative gpu_hours"))
    }
}
