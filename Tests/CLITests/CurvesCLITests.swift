import Foundation
import Testing

/// Learning curves through the command line (issue 13): `carbs-suggest --progress`, stopped runs, checkpoints on
/// carbs-pareto's front, the curve examples (bash loop, GNU parallel), many agents reporting progress at once, and
/// logs without progress records behaving as before.
@Suite struct CurvesCLITests {
    /// A log with five finished runs whose curves go from 0.54 (cost 1) to 0.9 (cost 10), and a pending run "r".
    static func logWithCurves(in dir: URL) throws -> URL {
        var lines = [#"{"param":"x","space":"linear","min":0,"max":1}"#]
        for i in 0..<5 {
            let x = Double(i) / 5
            lines.append(#"{"id":"f\#(i)","status":"pending","params":{"x":\#(x)}}"#)
            for k in 1...10 { lines.append(#"{"progress":"f\#(i)","step":\#(k),"score":\#(0.5 + 0.04 * Double(k)),"cost":\#(k)}"#) }
            lines.append(#"{"id":"f\#(i)","params":{"x":\#(x)},"score":0.9,"cost":10}"#)
        }
        lines.append(#"{"id":"r","status":"pending","params":{"x":0.9}}"#)
        let url = dir.appendingPathComponent("sweep.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func progressPrintsOneWordAndAppendsTheCheckpoint() throws {
        let dir = try CLI.scratch("word")
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = try Self.logWithCurves(in: dir)
        let first = try CLI.run("carbs-suggest", ["--log", log.path, "--progress", "r", "--value", "score=0.05", "--value", "cost=1", "--min-step", "2"])
        #expect(first.status == 0 && first.stdout == "continue\n" && first.stderr.isEmpty, "\(first.stderr)")
        let second = try CLI.run("carbs-suggest", ["--log", log.path, "--progress", "r", "--value", "score=0.1", "--value", "cost=2", "--explain"])
        #expect(second.status == 0 && second.stdout == "stop\n")
        #expect(second.stderr == "carbs-suggest: r at step 2: stop: 0 of 5 comparable curves, continued from this run's point, would add to the front (chance 0.143), below 0.3\n")
        let text = try String(contentsOf: log, encoding: .utf8)
        #expect(text.hasSuffix("""
            {"progress":"r","step":1,"score":0.05,"cost":1,"advice":"continue"}
            {"progress":"r","step":2,"score":0.1,"cost":2,"advice":"stop"}

            """))
        // The result recorded after a stop advice is marked stopped; the summary counts it and what it saved.
        let record = try CLI.shell("echo 'score=0.1 cost=2' | carbs-suggest --log '\(log.path)' --record r --from - && tail -1 '\(log.path)'")
        #expect(record.status == 0 && record.stdout == #"{"id":"r","params":{"x":0.9},"cost":2,"score":0.1,"stopped":true}"# + "\n", "\(record.stderr)")
        let summary = try CLI.run("carbs-pareto", ["--summary", log.path])
        #expect(summary.stdout.hasSuffix(#","stopped":1,"stopped_cost":2,"saved_cost":8}"# + "\n"), "\(summary.stdout)")
    }

    @Test func progressAsJSONAndItsErrors() throws {
        let dir = try CLI.scratch("json")
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = try Self.logWithCurves(in: dir)
        let json = try CLI.run("carbs-suggest", ["--log", log.path, "--progress", "r", "--value", "score=0.95", "--value", "cost=3",
                                                  "--value", "step=3", "--format", "json"])
        #expect(json.status == 0)
        #expect(json.stdout == #"{"id":"r","advice":"continue","reason":"best at its cost: no other run scored 0.95 for 3 or less","step":3,"score":0.95,"cost":3,"judged_score":0.95,"comparable":0,"adding":0}"# + "\n")
        let before = try Data(contentsOf: log)
        for (args, status, message) in [
            (["--progress", "nope", "--value", "score=1", "--value", "cost=4"], Int32(65), "no run with id 'nope'"),
            (["--progress", "f0", "--value", "score=1", "--value", "cost=4"], 65, "run 'f0' already has a result: it is not running"),
            (["--progress", "r", "--value", "score=1", "--value", "cost=4", "--value", "step=2"], 65, "step 2 of 'r' does not follow its step 3"),
            (["--progress", "r", "--value", "score=1", "--value", "cost=2"], 65, "'cost' of 'r' would fall from 3 to 2"),
            (["--progress", "r", "--value", "cost=4"], 64, "--progress needs --value score=NUMBER"),
            (["--progress", "r", "--value", "score=1", "--value", "cost=4", "--format", "tsv"], 64, "--progress prints one word"),
            (["--progress", "r", "--value", "score=1", "--value", "cost=4", "--failed"], 64, "--failed, --stopped and --as go with --record ID"),
            (["--progress", "r", "--record", "r"], 64, "separate calls"),
            (["--progress", "r", "--value", "score=1", "--value", "cost=4", "--stop-threshold", "2"], 64, "--stop-threshold must be between 0 and 1"),
        ] {
            let r = try CLI.run("carbs-suggest", ["--log", log.path] + args)
            #expect(r.status == status && r.stdout.isEmpty, "\(args): \(r.status) \(r.stderr)")
            #expect(r.stderr.contains(message), "\(args): \(r.stderr)")
            #expect(try Data(contentsOf: log) == before, "\(args) changed the log")
        }
        let noLog = try CLI.run("carbs-suggest", ["--progress", "r", "--value", "score=1", "--value", "cost=1"], stdin: "")
        #expect(noLog.status == 64 && noLog.stderr.contains("--progress needs --log FILE"))
    }

    @Test func checkpointsAreOnTheFrontUnlessTurnedOff() throws {
        let dir = try CLI.scratch("front")
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = try Self.logWithCurves(in: dir)
        let with = try CLI.run("carbs-pareto", [log.path])
        let without = try CLI.run("carbs-pareto", ["--no-checkpoints", log.path])
        #expect(with.status == 0 && without.status == 0)
        // Without checkpoints the front is the one result point (all five finished at 0.9 for 10, but at different x).
        #expect(without.lines.count == 1 && without.lines[0].contains(#""score":0.9,"cost":10,"count":1}"#))
        // With them: steps 1…9 of the first run (ties go to the first), then the results' point at cost 10.
        #expect(with.lines.count == 10, "\(with.stdout)")
        #expect(with.lines.first == #"{"id":"f0","params":{"x":0},"score":0.54,"cost":1,"count":1,"step":1}"#)
        let tsv = try CLI.run("carbs-pareto", ["--format", "tsv", log.path])
        #expect(tsv.lines.first == "cost\tscore\tcount\tid\tstep\tx")
        let budget = try CLI.run("carbs-pareto", ["--budget", "3.5", log.path])
        #expect(budget.stdout.contains(#""score":0.62,"cost":3,"count":1,"step":3}"#), "the best model within a budget may be a checkpoint")
        // The search's front holds them too (--explain says how many), unless --no-checkpoints.
        let explained = try CLI.run("carbs-suggest", ["--explain", log.path])
        #expect(explained.stderr.contains("of them checkpoints of runs"), "\(explained.stderr)")
        let plain = try CLI.run("carbs-suggest", ["--explain", "--no-checkpoints", log.path])
        #expect(!plain.stderr.contains("checkpoints"))
    }

    @Test func logsWithoutProgressBehaveAsBefore() throws {
        // The logs of scripts/same-output (benchmark sweeps and odd cases): with no progress record in them, turning
        // the checkpoints off changes nothing, and no output mentions a step or a stop. (scripts/same-output.sh
        // compares every tool's output with an older build's.)
        let logs = ParallelTests.repository.appendingPathComponent("scripts/same-output/logs")
        let names = try FileManager.default.contentsOfDirectory(atPath: logs.path).filter { $0.hasSuffix(".jsonl") }.sorted()
        #expect(names.count >= 20)
        for name in names {
            let path = logs.appendingPathComponent(name).path
            #expect(try !String(contentsOfFile: path, encoding: .utf8).contains(#""progress""#))
            for args in [[path], ["--format", "tsv", path], ["--summary", path], ["--budget", "5", path]] {
                let a = try CLI.run("carbs-pareto", args)
                let b = try CLI.run("carbs-pareto", ["--no-checkpoints"] + args)
                #expect(a.status == b.status && a.stdout == b.stdout && a.stderr == b.stderr, "\(name) \(args)")
                #expect(!a.stdout.contains(#""step""#) && !a.stdout.contains("stopped"), "\(name) \(args)")
            }
            guard name.contains("ehvi") || !name.contains("-") else { continue }   // suggesting is the slow part
            let a = try CLI.run("carbs-suggest", ["-n", "2", path])
            let b = try CLI.run("carbs-suggest", ["-n", "2", "--no-checkpoints", path])
            #expect(a.status == b.status && a.stdout == b.stdout && a.stderr == b.stderr, "\(name)")
        }
    }

    // MARK: The examples

    @Test func bashCurveLoopStopsRuns() throws {
        let dir = try CLI.scratch("loop")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.shell("'\(ParallelTests.examples.path)/curve-loop.sh' sweep.jsonl 20", cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("stopped early"), "\(r.stdout)")
        try Self.expectCurvesComplete(dir.appendingPathComponent("sweep.jsonl"), trials: 20)
    }

    @Test(.enabled(if: Tools.available("parallel"), "GNU parallel is not installed (apt-get install parallel)"))
    func gnuParallelCurveSweepStopsRuns() throws {
        let dir = try CLI.scratch("parallel")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.shell("'\(ParallelTests.examples.path)/curve-parallel.sh' sweep.jsonl 24 4 < /dev/null", cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("stopped early"), "\(r.stdout)")
        try Self.expectCurvesComplete(dir.appendingPathComponent("sweep.jsonl"), trials: 24)
    }

    @Test func eightAgentsReportingProgressLoseNothing() throws {
        let dir = try CLI.scratch("agents")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.shell("""
            carbs-space x=linear:0:1 > sweep.jsonl
            for a in 1 2 3 4 5 6 7 8; do
              ( run=$(carbs-suggest --log sweep.jsonl --format shell) && eval "$run"
                for k in $(seq 20); do
                  carbs-suggest --log sweep.jsonl --progress "$CARBS_ID" --value step=$k --value score=0.$k --value cost=$k > /dev/null \\
                    || echo "FAILED agent $a step $k" >&2
                done
                carbs-suggest --log sweep.jsonl --record "$CARBS_ID" --value score=0.5 --value cost=20 ) &
            done
            wait
            carbs-space check sweep.jsonl
            """, cwd: dir)
        #expect(r.status == 0 && !r.stderr.contains("FAILED"), "\(r.stderr)")
        let text = try String(contentsOf: dir.appendingPathComponent("sweep.jsonl"), encoding: .utf8)
        struct Line: Decodable { var progress: String?; var step: Double?; var id: String?; var status: String? }
        let lines = try text.split(separator: "\n").map { try JSONDecoder().decode(Line.self, from: Data($0.utf8)) }
        let progress = Dictionary(grouping: lines.filter { $0.progress != nil }) { $0.progress ?? "" }
        #expect(progress.count == 8)
        for (_, ps) in progress { #expect(ps.compactMap(\.step) == (1...20).map(Double.init), "steps in order, none lost") }
        #expect(lines.filter { $0.status == "pending" }.count == 8)
        #expect(lines.filter { $0.id != nil && $0.status == nil }.count == 8)
    }

    /// Every trial has a pending record and one result; progress records belong to them; at least one run stopped.
    static func expectCurvesComplete(_ url: URL, trials: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        struct Line: Decodable { var progress: String?; var id: String?; var status: String?; var stopped: Bool? }
        let lines = try text.split(separator: "\n").map { try JSONDecoder().decode(Line.self, from: Data($0.utf8)) }
        let pending = Set(lines.filter { $0.status == "pending" }.compactMap(\.id))
        let results = lines.filter { $0.id != nil && $0.status != "pending" }.compactMap(\.id)
        #expect(pending.count == trials, sourceLocation: sourceLocation)
        #expect(results.count == trials && Set(results) == pending, sourceLocation: sourceLocation)
        #expect(Set(lines.compactMap(\.progress)).isSubset(of: pending), sourceLocation: sourceLocation)
        #expect(lines.contains { $0.stopped == true }, "no run was stopped", sourceLocation: sourceLocation)
        let check = try CLI.run("carbs-space", ["check", url.path])
        #expect(check.status == 0 && check.stderr.isEmpty, "\(check.stderr)", sourceLocation: sourceLocation)
    }
}
