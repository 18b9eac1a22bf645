import Foundation
import Testing

/// Many agents on one log (issue 6): the flock'd suggest/record path, torn lines, stale pending runs, and the
/// examples/ sweeps driven by bash, make, GNU parallel and a real Slurm.
@Suite struct ParallelTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let examples = repository.appendingPathComponent("examples")
    static let space = "carbs-space lr=log:1e-5:1e-1 epochs=log:1:100:int"

    /// Shell lines: `agents` runs of `carbs-suggest --log sweep.jsonl --seed 7` (output in outN, errors in errN,
    /// exit code in rcN) started while another writer holds the lock, so they all read the same log at once;
    /// then the exit codes counted (`uniq -c`).
    static func agentsReleasedAtOnce(_ agents: Int) -> String {
        """
        flock sweep.jsonl sh -c 'touch locked; sleep 1' &
        for t in $(seq 200); do [ -e locked ] && break; sleep 0.02; done
        for a in $(seq \(agents)); do
          ( carbs-suggest --log sweep.jsonl --seed 7 > "out$a" 2> "err$a"; echo "$?" > "rc$a" ) &
        done
        wait
        cat rc* | sort | uniq -c
        """
    }

    // MARK: Stress

    @Test func eightAgentsTimesTwentyFiveTrialsLoseNothing() throws {
        let dir = try Scratch.directory("stress")
        defer { Scratch.remove(dir) }
        // Sobol points are cheap to compute (the lock is held while suggesting) and continue across calls, so an
        // agent that read the log without the others' pending records would repeat a point and an id.
        let r = try CLI.shell("""
            \(Self.space) > sweep.jsonl
            for a in 1 2 3 4 5 6 7 8; do
              ( for i in $(seq 25); do
                  '\(Self.examples.path)/trial.sh' sweep.jsonl --strategy sobol || echo "FAILED agent $a trial $i: exit $?" >&2
                done > "agent$a.out" ) &
            done
            wait
            """, cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stderr.contains("FAILED agent"), "\(r.stderr)")
        let text = try String(contentsOf: dir.appendingPathComponent("sweep.jsonl"), encoding: .utf8)
        let log = try SharedLog(text)
        #expect(log.torn.isEmpty, "torn lines: \(log.torn)")
        try log.expectComplete(trials: 200)
        var agentIDs: [String] = []
        for a in 1...8 {
            let out = try String(contentsOf: dir.appendingPathComponent("agent\(a).out"), encoding: .utf8)
            let ids = out.split(separator: "\n").map { String($0.split(separator: " ")[0]) }
            #expect(ids.count == 25, "agent \(a) printed \(ids.count) trials")
            agentIDs += ids
        }
        #expect(Set(agentIDs).count == 200)
        #expect(Set(agentIDs) == Set(log.pending.keys))
    }

    @Test func aTornFragmentInTheMiddleStaysAloneAndEveryRecordIsWhole() throws {
        let dir = try Scratch.directory("torn")
        defer { Scratch.remove(dir) }
        // A writer that dies mid-line: it held the lock, wrote part of a record and no newline, and exited.
        let fragment = #"{"id":"dead-writer","status":"pending","params":{"lr":0.00"#
        let r = try CLI.shell("""
            \(Self.space) > sweep.jsonl
            for a in 1 2 3 4; do
              ( for i in $(seq 10); do
                  '\(Self.examples.path)/trial.sh' sweep.jsonl --strategy sobol || echo "FAILED agent $a trial $i: exit $?" >&2
                done > "agent$a.out" ) &
            done
            # In the middle of the run: once a dozen records are in, the dead writer strikes.
            for t in $(seq 600); do [ "$(wc -l < sweep.jsonl)" -ge 14 ] && break; sleep 0.05; done
            flock sweep.jsonl printf '%s' '\(fragment)' >> sweep.jsonl
            wait
            carbs-pareto sweep.jsonl > /dev/null
            """, cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stderr.contains("FAILED agent"), "\(r.stderr)")
        let text = try String(contentsOf: dir.appendingPathComponent("sweep.jsonl"), encoding: .utf8)
        #expect(text.hasSuffix("\n"))
        let log = try SharedLog(text)
        #expect(log.torn == [fragment], "the fragment must stay alone on its line: \(log.torn)")
        if let at = log.tornLineNumbers.first {
            #expect(at < log.lineCount - 4, "the fragment landed at line \(at) of \(log.lineCount), not in the middle")
        }
        try log.expectComplete(trials: 40)
        // Readers skip the fragment with a diagnostic that names its line.
        #expect(r.stderr.contains("sweep.jsonl:\(log.tornLineNumbers.first ?? 0):"), "\(r.stderr)")
    }

    // MARK: Reading without the lock (issue 15)

    /// Agents read the log without the exclusive lock, so several read the same log; with the same seed they
    /// compute the same suggestion, and the check made under the lock (an appended line with the same id or
    /// params) must send all but one back to read again.
    @Test func agentsStartedAtOnceWithOneSeedGetDistinctRuns() throws {
        let dir = try Scratch.directory("same-seed")
        defer { Scratch.remove(dir) }
        let agents = 12
        let r = try CLI.shell("""
            \(Self.space) > sweep.jsonl
            \(Self.agentsReleasedAtOnce(agents))
            """, cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.lines.map { $0.trimmingCharacters(in: .whitespaces) } == ["\(agents) 0"], "exit codes: \(r.stdout)")
        let text = try String(contentsOf: dir.appendingPathComponent("sweep.jsonl"), encoding: .utf8)
        let log = try SharedLog(text)
        #expect(log.torn.isEmpty, "torn lines: \(log.torn)")
        #expect(log.duplicatePending.isEmpty, "ids suggested twice: \(log.duplicatePending)")
        #expect(log.pending.count == agents)
        #expect(Set(log.pending.values.map { pointKey($0.params) }).count == agents, "params suggested twice")
        // What each agent printed is its line of the log, whole.
        let lines = Set(text.split(separator: "\n").map(String.init))
        for a in 1...agents {
            let out = try String(contentsOf: dir.appendingPathComponent("out\(a)"), encoding: .utf8)
            #expect(out.hasSuffix("\n") && lines.contains(String(out.dropLast())), "agent \(a) printed \(out)")
        }
    }

    /// Agents that lose attempts read the log again: each problem of the log (a bad line, a run the models cannot
    /// use) is still printed once by each agent, not once per attempt.
    @Test func agentsThatRetryWarnAboutEachBadLineOnce() throws {
        let dir = try Scratch.directory("warn-once")
        defer { Scratch.remove(dir) }
        let agents = 8
        let r = try CLI.shell("""
            \(Self.space) > sweep.jsonl
            echo 'not json' >> sweep.jsonl
            echo '{"id":"n","params":{"lr":0.001,"epochs":"x"},"score":1,"cost":1}' >> sweep.jsonl
            \(Self.agentsReleasedAtOnce(agents))
            for a in $(seq \(agents)); do echo "$(grep -c 'invalid JSON' "err$a") $(grep -c 'run not used' "err$a")"; done | sort | uniq -c
            """, cwd: dir)
        let counts = r.lines.map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(counts == ["\(agents) 0", "\(agents) 1 1"], "exit codes, then per agent: warnings of each kind\n\(r.stdout)")
    }

    /// A log ending in a dead writer's fragment (no newline) is read whole, fragment included, as under the lock:
    /// its problem is reported once, `--strict` refuses it before anything is appended, a whole record without its
    /// newline is a record, and what is appended starts on a line of its own.
    @Test func aLogEndingInAFragmentIsReadWholeAndAppendedToOnANewLine() throws {
        let dir = try Scratch.directory("tail")
        defer { Scratch.remove(dir) }
        let head = try CLI.shell("\(Self.space)", cwd: dir).stdout
        let fragment = #"{"id":"dead-writer","status":"pending","params":{"lr":0.00"#
        let torn = head + fragment
        let unterminated = head + #"{"id":"p","status":"pending","params":{"lr":0.001,"epochs":10}}"#
        let line = head.split(separator: "\n").count + 1
        for (name, text) in [("torn.jsonl", torn), ("strict.jsonl", torn), ("unterminated.jsonl", unterminated)] {
            try Data(text.utf8).write(to: dir.appendingPathComponent(name))
        }
        let r = try CLI.run("carbs-suggest", ["--log", "torn.jsonl", "--strategy", "sobol"], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let warnings = r.stderr.split(separator: "\n").filter { $0.hasPrefix("torn.jsonl:\(line): ") }
        #expect(warnings.count == 1 && warnings.first?.contains("the last line is incomplete") == true, "\(r.stderr)")
        #expect(r.lines.count == 1)
        #expect(try String(contentsOf: dir.appendingPathComponent("torn.jsonl"), encoding: .utf8)
                == torn + "\n" + (r.lines.first ?? "") + "\n")

        let strict = try CLI.run("carbs-suggest", ["--log", "strict.jsonl", "--strict"], cwd: dir)
        #expect(strict.status == 65, "\(strict.stderr)")
        #expect(strict.stderr.hasPrefix("strict.jsonl:\(line): "), "\(strict.stderr)")
        #expect(try String(contentsOf: dir.appendingPathComponent("strict.jsonl"), encoding: .utf8) == torn)

        let record = try CLI.run("carbs-suggest", ["--log", "unterminated.jsonl", "--record", "p", "--value", "score=1", "--value", "cost=3"], cwd: dir)
        #expect(record.status == 0, "\(record.stderr)")
        #expect(record.stderr.isEmpty, "\(record.stderr)")
        let after = try String(contentsOf: dir.appendingPathComponent("unterminated.jsonl"), encoding: .utf8)
        #expect(after.hasPrefix(unterminated + "\n" + #"{"id":"p","#) && after.hasSuffix("}\n"), "\(after)")
        try SharedLog(after).expectComplete(trials: 1)
    }

    /// A log renamed over while an agent waits: the agent opened the old file, but what it appends goes into the
    /// new one and is computed from it (the new log has other parameters); the old file is left as it was.
    @Test func aLogReplacedWhileAnAgentWaitsIsReadAgain() throws {
        let dir = try Scratch.directory("replaced")
        defer { Scratch.remove(dir) }
        let r = try CLI.shell("""
            \(Self.space) > sweep.jsonl
            carbs-space width=linear:1:8 > new.jsonl
            ln sweep.jsonl old.jsonl
            cp sweep.jsonl before.jsonl
            # Another writer holds the lock; while the agent waits for it, the log is replaced.
            flock sweep.jsonl sh -c 'touch locked; sleep 2; mv new.jsonl sweep.jsonl' &
            for t in $(seq 200); do [ -e locked ] && break; sleep 0.02; done
            carbs-suggest --log sweep.jsonl --strategy sobol
            wait
            cmp old.jsonl before.jsonl && echo "old unchanged"
            tail -1 sweep.jsonl
            """, cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.lines.count == 3, "\(r.stdout)")
        guard r.lines.count == 3 else { return }
        #expect(r.lines[0].contains(#""params":{"width":"#), "computed from the new log: \(r.lines[0])")
        #expect(r.lines[1] == "old unchanged")
        #expect(r.lines[2] == r.lines[0], "appended to the new log")
    }

    /// Checkpoints and results are appended only if nothing was appended since the log was read: of agents that
    /// read the log at once (behind another writer's lock) and report the same step of one run, one is appended
    /// and the others are told the step does not follow; of agents recording its result, one wins.
    @Test func agentsReportingOrRecordingOneRunAtOnceOneWins() throws {
        let dir = try Scratch.directory("progress")
        defer { Scratch.remove(dir) }
        let r = try CLI.shell("""
            \(Self.space) > sweep.jsonl
            id=$(carbs-suggest --log sweep.jsonl | sed -n 's/^{"id":"\\([^"]*\\)".*/\\1/p')
            behind() { rm -f locked; flock sweep.jsonl sh -c 'touch locked; sleep 1' & for t in $(seq 200); do [ -e locked ] && break; sleep 0.02; done; }
            behind
            for a in 1 2 3 4 5 6; do
              ( carbs-suggest --log sweep.jsonl --progress "$id" --value step=1 --value score=-$a --value cost=$a 2>/dev/null >&2
                echo "progress exit $?" ) &
            done | sort
            wait
            behind
            for a in 1 2 3 4 5 6; do
              ( carbs-suggest --log sweep.jsonl --record "$id" --value score=-$a --value cost=$a 2>/dev/null; echo "record exit $?" ) &
            done | sort
            wait
            grep -c '^{"progress":' sweep.jsonl
            """, cwd: dir)
        #expect(r.lines == ["progress exit 0"] + Array(repeating: "progress exit 65", count: 5)
                + ["record exit 0"] + Array(repeating: "record exit 65", count: 5) + ["1"], "\(r.stdout)\(r.stderr)")
        try SharedLog(contentsOf: dir.appendingPathComponent("sweep.jsonl")).expectComplete(trials: 1)
    }

    /// Every reader reads the whole log, however long. (Found by the stress test: records past the first 64 KiB
    /// were merged into one invalid line and lost, because LineReader's search offset went stale when fill()
    /// compacted the buffer; fixed on main in b20a8b3.)
    @Test func aLogLongerThan64KiBIsReadWhole() throws {
        let dir = try Scratch.directory("long")
        defer { Scratch.remove(dir) }
        let r = try CLI.shell("""
            carbs-space x=linear:0:1 > big.jsonl
            awk 'BEGIN { for (i = 1; i <= 1500; i++)
                printf "{\\"id\\":\\"r%04d\\",\\"params\\":{\\"x\\":%.6f},\\"score\\":%.6f,\\"cost\\":%d}\\n", i, i / 1500, i / 1500, i }' >> big.jsonl
            echo '{"id":"last","status":"pending","params":{"x":0.5}}' >> big.jsonl
            wc -c < big.jsonl >&2
            carbs-pareto --format tsv big.jsonl | wc -l
            carbs-suggest --log big.jsonl --record last --value score=0.5 --value cost=1
            """, cwd: dir)
        #expect(r.stderr.split(separator: "\n").first.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 0 > 65536)
        #expect(r.status == 0, "\(r.stderr)")
        // Scores rise with cost, so all 1500 runs are on the front: a header line plus 1500 rows.
        #expect(r.lines.first?.trimmingCharacters(in: .whitespaces) == "1501", "\(r.lines.first ?? "nothing") lines, 1501 expected; \(r.stderr)")
        #expect(!r.stderr.contains("invalid JSON"), "\(r.stderr)")
    }

    @Test func toyTrainReadsTheRecordsCarbsSuggestPrints() throws {
        let toy = Self.examples.appendingPathComponent("toy-train").path
        let r = try CLI.shell("""
            t='\(toy)'
            echo '{"id":"a","status":"pending","predicted":{"score":-1,"cost":3},"params":{"lr":0.001,"epochs":10},"kind":"bo","time":1.5}' | "$t"
            printf '\\n{"params":{"opt":"a,\\\\"}","epochs":100,"lr":1E-3}}' | "$t"
            "$t" lr=1e-2 epochs=16
            "$t" --seed 1 lr=1e-3 epochs=4; "$t" --seed 1 lr=1e-3 epochs=4; "$t" --seed 2 lr=1e-3 epochs=4
            echo '{"id":"b","params":{"lr":0.1,"epochs":3}}' | "$t" 2>/dev/null || echo "diverged $?"
            echo '{"id":"c"}' | "$t" 2>/dev/null || echo "no params $?"
            """)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.lines.count == 8, "\(r.stdout)")
        guard r.lines.count == 8 else { return }
        #expect(r.lines[0] == "score=-0.1 cost=10")
        #expect(r.lines[1] == "score=-0.01 cost=100")
        #expect(r.lines[2] == "score=-4.0625 cost=16")
        #expect(r.lines[3] == r.lines[4], "the same seed gives the same noise")
        #expect(r.lines[3] != r.lines[5] && r.lines[3] != "score=-0.25 cost=4", "seeds add noise")
        #expect(r.lines[6] == "diverged 1")
        #expect(r.lines[7] == "no params 65")
    }

    // MARK: Stale pending runs

    @Test func aStalePendingRunIsIgnoredWithPendingTimeout() throws {
        let dir = try Scratch.directory("stale")
        defer { Scratch.remove(dir) }
        // The first suggestion of a fresh log is the center; a pending run there makes the next one go elsewhere,
        // unless it is older than --pending-timeout.
        let center = try CLI.shell("\(Self.space) | carbs-suggest --seed 1", cwd: dir)
        #expect(center.status == 0, "\(center.stderr)")
        let centerParams = try LogLine.decode(center.lines.first ?? "").params
        let now = Int(Date().timeIntervalSince1970)
        let r = try CLI.shell("""
            \(Self.space) > base.jsonl
            pending=$(carbs-suggest --seed 1 < base.jsonl)
            { cat base.jsonl; printf '%s\\n' "$pending" | sed 's/}$/,"time":\(now - 7200)}/'; } > stale.jsonl
            { cat base.jsonl; printf '%s\\n' "$pending" | sed 's/}$/,"time":\(now)}/'; } > fresh.jsonl
            grep -c '"time":\(now - 7200)' stale.jsonl
            carbs-suggest --seed 1 --pending-timeout 3600 < stale.jsonl
            carbs-suggest --seed 1 < stale.jsonl
            carbs-suggest --seed 1 --pending-timeout 3600 < fresh.jsonl
            cp stale.jsonl log.jsonl
            carbs-suggest --log log.jsonl --seed 1 --pending-timeout 3600
            """, cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.lines.count == 5)
        guard r.lines.count == 5 else { return }
        #expect(r.lines[0] == "1", "the stale record must carry the old time")
        let ignoring = try LogLine.decode(r.lines[1]).params
        let honouring = try LogLine.decode(r.lines[2]).params
        let fresh = try LogLine.decode(r.lines[3]).params
        let locked = try LogLine.decode(r.lines[4]).params
        #expect(ignoring == centerParams, "with --pending-timeout the stale center is suggested again")
        #expect(honouring != centerParams, "without --pending-timeout the stale pending run still counts")
        #expect(fresh != centerParams, "a pending run younger than the timeout still counts")
        #expect(locked == centerParams, "--log honours --pending-timeout too")
    }

    // MARK: The examples

    @Test func bashLoopExample() throws {
        let dir = try Scratch.directory("bash-loop")
        defer { Scratch.remove(dir) }
        let r = try CLI.shell("'\(Self.examples.path)/bash-loop.sh' sweep.jsonl 6", cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("front"), "the example ends with the front: \(r.stdout)")
        try SharedLog(contentsOf: dir.appendingPathComponent("sweep.jsonl")).expectComplete(trials: 6)
    }

    @Test(.enabled(if: Tools.available("python3"), "python3 is not installed (.ci/run installs it)"))
    func pythonTrainerExample() throws {
        let dir = try Scratch.directory("python")
        defer { Scratch.remove(dir) }
        let r = try CLI.shell("'\(Self.examples.path)/python-sweep.sh' sweep.jsonl 8", cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("front"), "the example ends with the front: \(r.stdout)")
        let log = try SharedLog(contentsOf: dir.appendingPathComponent("sweep.jsonl"))
        try log.expectComplete(trials: 8)
        // train.py got the id and the params as --NAME=VALUE options: it echoes the id in its JSON result.
        let text = try String(contentsOf: dir.appendingPathComponent("sweep.jsonl"), encoding: .utf8)
        let echoed = text.split(separator: "\n").filter { $0.contains("\"run\":") }
        #expect(!echoed.isEmpty)
        for line in echoed {
            let id = line.dropFirst(7).prefix(16)
            #expect(line.contains("\"run\":\"\(id)\""), "\(line)")
        }
    }

    @Test(.enabled(if: Tools.available("python3"), "python3 is not installed (.ci/run installs it)"))
    func wandbSweepExample() throws {
        let dir = try Scratch.directory("wandb")
        defer { Scratch.remove(dir) }
        let r = try CLI.shell("'\(Self.examples.path)/wandb-sweep.sh' sweep.jsonl 8", cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("front"), "the example ends with the front: \(r.stdout)")
        let text = try String(contentsOf: dir.appendingPathComponent("sweep.jsonl"), encoding: .utf8)
        // The space and the objective are the YAML file's; the results carry its metric.
        #expect(text.hasPrefix(#"{"objective":{"cost":"cost","goal":"maximize","score":"val_acc"}}"#))
        #expect(text.split(separator: "\n").filter { $0.contains(#""val_acc":"#) }.count == 8)
        let summary = try CLI.run("carbs-pareto", ["--summary", dir.appendingPathComponent("sweep.jsonl").path])
        #expect(summary.stdout.hasPrefix(#"{"runs":8,"successes":8,"#), "\(summary.stdout)")
    }

    @Test func makefileExample() throws {
        let dir = try Scratch.directory("make")
        defer { Scratch.remove(dir) }
        let r = try CLI.shell("make -s -f '\(Self.examples.path)/Makefile' -j4 sweep N=8", cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("front"), "the example ends with the front: \(r.stdout)")
        try SharedLog(contentsOf: dir.appendingPathComponent("sweep.jsonl")).expectComplete(trials: 8)
        // Running it again continues the same sweep.
        let again = try CLI.shell("make -s -f '\(Self.examples.path)/Makefile' -j4 sweep N=4", cwd: dir)
        #expect(again.status == 0, "\(again.stderr)")
        try SharedLog(contentsOf: dir.appendingPathComponent("sweep.jsonl")).expectComplete(trials: 12)
    }

    @Test(.enabled(if: Tools.available("parallel"), "GNU parallel is not installed (apt-get install parallel)"))
    func gnuParallelExample() throws {
        let dir = try Scratch.directory("parallel")
        defer { Scratch.remove(dir) }
        let r = try CLI.shell("'\(Self.examples.path)/parallel.sh' sweep.jsonl 12 4 < /dev/null", cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("front"), "the example ends with the front: \(r.stdout)")
        try SharedLog(contentsOf: dir.appendingPathComponent("sweep.jsonl")).expectComplete(trials: 12)
    }

    @Test func multiSeedExample() throws {
        let dir = try Scratch.directory("multi-seed")
        defer { Scratch.remove(dir) }
        let r = try CLI.shell("'\(Self.examples.path)/multi-seed.sh' sweep.jsonl 3 3", cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("front"), "the example ends with the front: \(r.stdout)")
        let log = try SharedLog(contentsOf: dir.appendingPathComponent("sweep.jsonl"))
        try log.expectComplete(trials: 3, seeds: 3)
        // Three points, each observed with seeds 1, 2, 3 under its own id, with identical params.
        let points = Dictionary(grouping: log.results.values) { pointKey($0.params) }
        #expect(points.count == 3)
        for (_, runs) in points {
            #expect(runs.compactMap(\.seed).sorted() == [1, 2, 3])
            let base = runs.compactMap(\.id).min() ?? ""
            #expect(Set(runs.compactMap(\.id)) == [base, base + "-s2", base + "-s3"])
        }
        // carbs-pareto groups them: every front point has count 3.
        let front = try CLI.run("carbs-pareto", [dir.appendingPathComponent("sweep.jsonl").path])
        #expect(front.status == 0, "\(front.stderr)")
        struct FrontPoint: Decodable { var count: Int }
        for line in front.lines {
            #expect(try JSONDecoder().decode(FrontPoint.self, from: Data(line.utf8)).count == 3)
        }
    }

    @Test(.enabled(if: Tools.slurmResponds(), "no Slurm answers here: run `scripts/slurm-local.sh start` (as root) first"),
          .timeLimit(.minutes(3)))
    func slurmJobArrayExample() throws {
        let dir = try Scratch.directory("slurm")
        defer { Scratch.remove(dir) }
        let r = try CLI.shell("SLURM_SWEEP_TIMEOUT=150 '\(Self.examples.path)/slurm/sweep.sh' sweep.jsonl 6", cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("front"), "the example ends with the front: \(r.stdout)")
        try SharedLog(contentsOf: dir.appendingPathComponent("sweep.jsonl")).expectComplete(trials: 6)
        let outputs = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("carbs-trial-") }
        #expect(outputs.count == 6, "one output per array task: \(outputs)")
    }
}

// MARK: - Support

/// A parameter or field value as the log writes it.
private enum Scalar: Decodable, Equatable, CustomStringConvertible {
    case number(Double), string(String), bool(Bool)
    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let d = try? c.decode(Double.self) { self = .number(d) }
        else { self = .string(try c.decode(String.self)) }
    }
    var description: String {
        switch self {
        case .number(let d): "\(d)"
        case .string(let s): "\"\(s)\""
        case .bool(let b): "\(b)"
        }
    }
}

/// One line of a sweep log: a space declaration, a pending record or a result.
private struct LogLine: Decodable {
    var param: String?
    var id: String?
    var status: String?
    var params: [String: Scalar]?
    var score: Double?
    var cost: Double?
    var seed: Int?

    static func decode(_ line: String) throws -> LogLine {
        try JSONDecoder().decode(LogLine.self, from: Data(line.utf8))
    }
}

/// A text key for a params object (for grouping runs by point).
private func pointKey(_ params: [String: Scalar]?) -> String {
    guard let p = params else { return "" }
    return p.keys.sorted().map { "\($0)=\(p[$0].map(\.description) ?? "")" }.joined(separator: ",")
}

/// A log read back after a run: every line decoded with JSONDecoder, torn lines set aside.
private struct SharedLog {
    var pending: [String: LogLine] = [:]
    var results: [String: LogLine] = [:]
    var duplicatePending: [String] = []
    var duplicateResults: [String] = []
    var orphanResults: [String] = []
    var torn: [String] = []
    var tornLineNumbers: [Int] = []
    var lineCount = 0

    init(contentsOf url: URL) throws {
        try self.init(String(contentsOf: url, encoding: .utf8))
    }

    init(_ text: String) throws {
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw)
            if line.isEmpty { continue }
            lineCount = i + 1
            guard let record = try? LogLine.decode(line) else {
                torn.append(line)
                tornLineNumbers.append(i + 1)
                continue
            }
            if record.param != nil { continue }
            guard let id = record.id else { torn.append(line); tornLineNumbers.append(i + 1); continue }
            if record.status == "pending" {
                if pending[id] != nil { duplicatePending.append(id) }
                pending[id] = record
            } else {
                if results[id] != nil { duplicateResults.append(id) }
                if pending[id] == nil { orphanResults.append(id) }
                results[id] = record
            }
        }
    }

    /// `trials` suggestions, each with exactly one result carrying the pending record's params, and nothing else.
    /// With `seeds` > 1, each suggestion ID also has results `ID-s2` … `ID-s<seeds>` (recorded with `--as`) with
    /// the same params and no pending record of their own.
    func expectComplete(trials: Int, seeds: Int = 1, sourceLocation: SourceLocation = #_sourceLocation) throws {
        func base(_ id: String) -> String {
            guard seeds > 1, let r = id.range(of: "-s", options: .backwards), Int(id[r.upperBound...]) != nil else { return id }
            return String(id[..<r.lowerBound])
        }
        let orphans = orphanResults.filter { pending[base($0)] == nil }
        #expect(pending.count == trials, "\(pending.count) distinct pending records", sourceLocation: sourceLocation)
        #expect(results.count == trials * seeds, "\(results.count) distinct results", sourceLocation: sourceLocation)
        #expect(duplicatePending.isEmpty, "ids suggested twice: \(duplicatePending)", sourceLocation: sourceLocation)
        #expect(duplicateResults.isEmpty, "ids recorded twice: \(duplicateResults)", sourceLocation: sourceLocation)
        #expect(orphans.isEmpty, "results before or without their pending record: \(orphans)", sourceLocation: sourceLocation)
        #expect(Set(pending.keys) == Set(results.keys.map(base)), "pending without result: \(Set(pending.keys).subtracting(results.keys))",
                sourceLocation: sourceLocation)
        for (id, result) in results {
            #expect(result.params == pending[base(id)]?.params, "params of \(id) changed", sourceLocation: sourceLocation)
            #expect(result.score != nil || result.status == "failed", "result \(id) has no score", sourceLocation: sourceLocation)
        }
    }
}

private enum Scratch {
    static func directory(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("carbs-par-\(name)-\(getpid())", isDirectory: true)
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func remove(_ url: URL) { try? FileManager.default.removeItem(at: url) }
}

enum Tools {
    static func available(_ name: String) -> Bool {
        (try? CLI.run("/bin/sh", ["-c", "command -v \(name)"]).status) == 0
    }

    /// A Slurm controller answers and its node takes jobs (started by scripts/slurm-local.sh in CI).
    static func slurmResponds() -> Bool {
        guard available("sinfo"), available("sbatch"), let r = try? CLI.run("/bin/sh", ["-c", "timeout 10 sinfo -h -o %T"]),
              r.status == 0 else { return false }
        return r.lines.contains { ["idle", "mixed", "allocated", "completing"].contains($0.trimmingCharacters(in: .whitespaces)) }
    }
}
