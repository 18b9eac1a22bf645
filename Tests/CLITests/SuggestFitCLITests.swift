import Foundation
import Testing

/// carbs-suggest and carbs-fit run as a user runs them: through pipes and a bash loop.
@Suite struct SuggestFitCLITests {
    /// The toy objective in awk: best lr 1e-3; longer runs (epochs) score higher and cost more.
    static let train = #"""
        train() { awk -v line="$1" 'BEGIN {
            match(line, /"id":"[^"]*"/); id = substr(line, RSTART, RLENGTH)
            match(line, /"lr":[^,}]*/); lr = substr(line, RSTART + 5, RLENGTH - 5) + 0
            match(line, /"epochs":[^,}]*/); ep = substr(line, RSTART + 9, RLENGTH - 9) + 0
            p = substr(line, index(line, "\"params\":") + 9); p = substr(p, 1, index(p, "}"))
            l = log(lr) / log(10) + 3
            printf "{%s,\"params\":%s,\"score\":%.10g,\"cost\":%d}\n", id, p, -(l * l * 64 / ep) - 1 / ep, ep }'; }
        """#

    @Test func bashLoopReachesTheTargetScore() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("carbs-loop-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = Self.train + """

            carbs-space lr=log:1e-5:1e-1 epochs=log:1:100:int > sweep.jsonl
            for i in $(seq 30); do
              s=$(carbs-suggest --seed 1 < sweep.jsonl)
              train "$s" >> sweep.jsonl
            done
            wc -l < sweep.jsonl
            """
        let r = try CLI.shell(script, cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.lines.last?.trimmingCharacters(in: .whitespaces) == "32")
        let log = try String(contentsOf: dir.appendingPathComponent("sweep.jsonl"), encoding: .utf8)
        struct Obs: Decodable { var score: Double?; var cost: Double? }
        let scores = try log.split(separator: "\n").compactMap { try JSONDecoder().decode(Obs.self, from: Data($0.utf8)).score }
        #expect(scores.count == 30)
        // The optimum is −0.01 (lr = 1e-3, 100 epochs). Stated target: better than −0.05 within 30 trials, seed 1.
        #expect((scores.max() ?? -.infinity) > -0.05)
        // Same log, same seed → same suggestion.
        let a = try CLI.run("carbs-suggest", ["--seed", "1", dir.appendingPathComponent("sweep.jsonl").path])
        let b = try CLI.run("carbs-suggest", ["--seed", "1", dir.appendingPathComponent("sweep.jsonl").path])
        #expect(a.status == 0 && a.stdout == b.stdout && !a.stdout.isEmpty)
    }

    @Test func suggestionRecordsHaveTheDocumentedShape() throws {
        let r = try CLI.shell("""
            carbs-space x=linear:0:1 n=log:1:64:int opt=choice:a,b > s.jsonl
            for i in 1 2 3 4 5 6; do
              carbs-suggest -n 1 --seed $i < s.jsonl | sed 's/"status":"pending",//; s/"kind":"[a-z]*"}/"score":'$i',"cost":'$i'}/; s/,"predicted":{[^}]*}//' >> s.jsonl
            done
            carbs-suggest -n 3 --explain < s.jsonl
            """, cwd: FileManager.default.temporaryDirectory.appendingPathComponent("carbs-shape-\(getpid())", isDirectory: true).creatingDirectory())
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.lines.count == 3)
        struct Predicted: Decodable { var score: Double; var score_std: Double; var cost: Double }
        struct Record: Decodable { var id: String; var status: String; var params: [String: Param]; var predicted: Predicted; var kind: String }
        enum Param: Decodable {
            case number(Double), string(String)
            init(from d: Decoder) throws {
                let c = try d.singleValueContainer()
                if let x = try? c.decode(Double.self) { self = .number(x) } else { self = .string(try c.decode(String.self)) }
            }
        }
        let records = try r.lines.map { try JSONDecoder().decode(Record.self, from: Data($0.utf8)) }
        #expect(Set(records.map(\.id)).count == 3)
        for rec in records {
            #expect(rec.status == "pending")
            #expect(rec.kind == "bo")
            #expect(rec.predicted.cost > 0 && rec.predicted.score_std >= 0)
            #expect(Set(rec.params.keys) == ["x", "n", "opt"])
        }
        #expect(r.stderr.contains("front"))
    }

    /// Issue 12: the initial design says, with --explain, how it chose each point: the center, a Sobol point before
    /// two runs of different cost, then the cost trend; the trend's pick is cheaper than the median run.
    @Test func explainTellsHowTheInitialDesignChoseItsPoints() throws {
        let r = try CLI.shell("""
            carbs-space lr=log:1e-5:1e-1 epochs=log:1:100:int > s.jsonl
            carbs-suggest --explain < s.jsonl 2> first.txt > /dev/null
            echo '{"id":"a","status":"success","params":{"lr":0.001,"epochs":10},"score":1,"cost":10}' >> s.jsonl
            carbs-suggest --explain < s.jsonl 2> second.txt > /dev/null
            echo '{"id":"b","status":"success","params":{"lr":0.001,"epochs":40},"score":2,"cost":40}' >> s.jsonl
            for seed in 1 2 3 4 5 6; do carbs-suggest --seed $seed --explain < s.jsonl 2>> third.txt; done
            cat first.txt second.txt third.txt >&2
            """, cwd: FileManager.default.temporaryDirectory.appendingPathComponent("carbs-explain-initial-\(getpid())", isDirectory: true).creatingDirectory())
        #expect(r.status == 0, "\(r.stderr)")
        let notes = r.stderr.split(separator: "\n").map(String.init)
        #expect(notes.first == "carbs-suggest: initial design (0 successes; the models start at 4): the declared center")
        #expect(notes.dropFirst().first?.hasSuffix("a Sobol point (no cost trend: it needs two runs of different cost and inputs)") == true)
        #expect(notes.dropFirst(2).count == 6 && notes.dropFirst(2).allSatisfy { $0.contains("trend of log cost fitted to 2 runs (median run cost 20)") })
        // The runs differ only in epochs, so the trend prices a point by its epochs: every pick costs at most the
        // median run's 20 epochs unless the Sobol point and all three draws lie above it.
        struct Rec: Decodable { var params: [String: Double] }
        let epochs = try r.lines.map { try JSONDecoder().decode(Rec.self, from: Data($0.utf8)).params["epochs"] ?? 0 }
        #expect(epochs.count == 6 && epochs.filter { $0 <= 20 }.count >= 5, "\(epochs)")
    }

    @Test func fitRanksTheTwoRelevantParametersFirstAndPredicts() throws {
        // score depends on a and d only (6 parameters); points from carbs-space sample, scores from awk.
        let r = try CLI.shell(#"""
            carbs-space a=linear:0:1 b=linear:0:1 c=linear:0:1 d=log:1:100 e=linear:0:1 f=linear:-1:1 > f.jsonl
            carbs-space sample -n 60 --method lhs --seed 4 < f.jsonl | awk '{
              match($0, /"a":[^,}]*/); a = substr($0, RSTART + 4, RLENGTH - 4) + 0
              match($0, /"d":[^,}]*/); d = substr($0, RSTART + 4, RLENGTH - 4) + 0
              l = log(d) / log(10) - 1
              sub(/"status":"pending",/, ""); sub(/,"kind":"lhs"}/, "")
              printf "%s,\"score\":%.12g,\"cost\":%.12g}\n", $0, sin(3 * a) + l * l, 1 + a }' >> f.jsonl
            carbs-fit < f.jsonl > model.jsonl
            head -1 model.jsonl
            echo '{"a":0.5,"b":0.1,"c":0.2,"d":10,"e":0.3,"f":0}' | carbs-fit --predict /dev/stdin f.jsonl
            carbs-suggest --model model.jsonl f.jsonl | wc -l
            """#, cwd: FileManager.default.temporaryDirectory.appendingPathComponent("carbs-fit-\(getpid())", isDirectory: true).creatingDirectory())
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.lines.count == 3)
        struct Relevance: Decodable { var param: String; var relevance: Double }
        struct Model: Decodable { var model: String; var observations: Int; var relevance: [Relevance] }
        let m = try JSONDecoder().decode(Model.self, from: Data(r.lines[0].utf8))
        #expect(m.model == "score" && m.observations == 60)
        #expect(Set(m.relevance.prefix(2).map(\.param)) == ["a", "d"])
        struct P: Decodable { var score: Double; var cost: Double }
        struct Prediction: Decodable { var predicted: P }
        let p = try JSONDecoder().decode(Prediction.self, from: Data(r.lines[1].utf8)).predicted
        // True values: sin(1.5) + 0 = 0.99749…, cost 1.5.
        #expect(abs(p.score - 0.9975) < 0.05)
        #expect(abs(p.cost - 1.5) < 0.05)
        #expect(r.lines[2].trimmingCharacters(in: .whitespaces) == "1")
    }

    @Test func errorsMapToExitCodes() throws {
        #expect(try CLI.run("carbs-suggest", ["--strategy", "nope"], stdin: "").status == 64)
        #expect(try CLI.run("carbs-suggest", [], stdin: "").status == 66)
        #expect(try CLI.run("carbs-suggest", ["/nonexistent/log.jsonl"]).status == 66)
        let noSpace = try CLI.run("carbs-suggest", [], stdin: "{\"params\":{\"x\":1},\"score\":1}\n")
        #expect(noSpace.status == 65)
        #expect(noSpace.stderr.hasPrefix("<stdin>: no parameters declared"))
        let fit = try CLI.run("carbs-fit", [], stdin: "{\"param\":\"x\",\"space\":\"linear\",\"min\":0,\"max\":1}\n")
        #expect(fit.status == 65)
        #expect(fit.stderr.contains("no successful runs"))
        let strict = try CLI.run("carbs-suggest", ["--strict"], stdin: "{\"param\":\"x\",\"space\":\"linear\",\"min\":0,\"max\":1}\n{bad\n")
        #expect(strict.status == 65)
        #expect(strict.stderr.hasPrefix("<stdin>:2: invalid JSON"))
    }
}

extension URL {
    /// Creates the directory (and parents) and returns it.
    func creatingDirectory() throws -> URL {
        try FileManager.default.createDirectory(at: self, withIntermediateDirectories: true)
        return self
    }
}

@Suite struct RetryAndRepeatCLITests {
    struct Line: Decodable {
        var id: String
        var status: String?
        var kind: String?
        var retry_of: String?
        var params: [String: Double]
        var score: Double?
        var seed: Double?
    }

    @Test func stalePendingRunsAreRetriedOnceAndOnRequest() throws {
        let dir = try FileManager.default.temporaryDirectory.appendingPathComponent("carbs-retry-\(getpid())", isDirectory: true).creatingDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.shell(#"""
            carbs-space x=linear:0:1 n=log:1:64:int > log.jsonl
            # An agent took a suggestion two hours ago and died.
            carbs-suggest < log.jsonl | sed 's/}$/,"time":1000}/' >> log.jsonl
            carbs-suggest --log log.jsonl --pending-timeout 3600     # re-issues it
            carbs-suggest --log log.jsonl --pending-timeout 3600     # not again: a new point
            id=$(carbs-suggest --log log.jsonl | sed 's/^{"id":"\([^"]*\)".*/\1/')
            carbs-suggest --retry "$id" < log.jsonl                  # on request
            carbs-suggest --retry nope < log.jsonl || echo "exit $?"
            """#, cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.lines.count == 4)
        guard r.lines.count == 4 else { return }
        let log = try String(contentsOf: dir.appendingPathComponent("log.jsonl"), encoding: .utf8).split(separator: "\n")
        let dead = try JSONDecoder().decode(Line.self, from: Data(log[2].utf8))
        let retry = try JSONDecoder().decode(Line.self, from: Data(r.lines[0].utf8))
        #expect(retry.kind == "retry" && retry.retry_of == dead.id && retry.params == dead.params && retry.id != dead.id)
        let next = try JSONDecoder().decode(Line.self, from: Data(r.lines[1].utf8))
        #expect(next.kind != "retry" && next.params != dead.params)
        let requested = try JSONDecoder().decode(Line.self, from: Data(r.lines[2].utf8))
        #expect(requested.kind == "retry" && requested.retry_of != nil)
        #expect(r.lines[3] == "exit 65")
    }

    @Test func recordAsAddsAnotherSeedOfThePoint() throws {
        let dir = try FileManager.default.temporaryDirectory.appendingPathComponent("carbs-as-\(getpid())", isDirectory: true).creatingDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.shell(#"""
            carbs-space x=linear:0:1 > log.jsonl
            id=$(carbs-suggest --log log.jsonl | sed 's/^{"id":"\([^"]*\)".*/\1/')
            carbs-suggest --log log.jsonl --record "$id" --value score=1 --value seed=1
            carbs-suggest --log log.jsonl --record "$id" --as "$id-s2" --value score=3 --value seed=2
            carbs-suggest --log log.jsonl --record "$id" --as "$id-s2" --value score=5 || echo "exit $?"
            carbs-pareto log.jsonl
            """#, cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.lines.first == "exit 65")
        struct Front: Decodable { var ids: [String]; var score: Double; var count: Int }
        let front = try JSONDecoder().decode(Front.self, from: Data((r.lines.last ?? "").utf8))
        #expect(front.count == 2 && front.score == 2 && front.ids.count == 2)
    }
}
