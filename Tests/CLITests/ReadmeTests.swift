import Foundation
import Testing

/// The README's examples are real: its console session, its sweep loop and the plot it pastes are rerun here.
@Suite struct ReadmeTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Fenced blocks of README.md as (info string, body).
    static func blocks() throws -> [(info: String, body: String)] {
        let text = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        var out: [(String, String)] = []
        var info: String?
        var body: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                if let i = info {
                    out.append((i, body.joined(separator: "\n")))
                    info = nil
                    body = []
                } else {
                    info = String(line.dropFirst(3))
                }
            } else if info != nil {
                body.append(line)
            }
        }
        return out
    }

    @Test func consoleSessionPrintsWhatTheReadmeShows() throws {
        let dir = try FileManager.default.temporaryDirectory.appendingPathComponent("carbs-readme-c-\(getpid())", isDirectory: true).creatingDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sessions = try Self.blocks().filter { $0.info == "console" }
        #expect(!sessions.isEmpty)
        for session in sessions {
            var expected: [String] = []
            var got: [String] = []
            for line in session.body.split(separator: "\n") {
                if line.hasPrefix("$ ") {
                    let r = try CLI.shell(String(line.dropFirst(2)), cwd: dir)
                    #expect(r.status == 0, "\(line): \(r.stderr)")
                    got += r.lines
                } else {
                    expected.append(String(line))
                }
            }
            #expect(got == expected)
        }
    }

    @Test func sweepLoopToolsAndPastedPlotAreReal() throws {
        let dir = try FileManager.default.temporaryDirectory.appendingPathComponent("carbs-readme-s-\(getpid())", isDirectory: true).creatingDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let blocks = try Self.blocks()
        let loop = try #require(blocks.first { $0.info == "sh" && $0.body.contains("for i in $(seq 40)") })
        let look = try #require(blocks.first { $0.info == "sh" && $0.body.contains("carbs-pareto < sweep.jsonl") })
        let pasted = try #require(blocks.first { $0.info == "text" && $0.body.contains("score vs cost") })
        let examples = Self.root.appendingPathComponent("examples").path
        let setup = "carbs-space lr=log:1e-5:1e-1 epochs=log:1:100:int > sweep.jsonl && ln -s '\(examples)' examples"
        let r = try CLI.shell(setup + "\n" + loop.body, cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        // Every "look at it" command works on the result.
        for command in look.body.split(separator: "\n") where !command.isEmpty {
            let c = try CLI.shell(String(command), cwd: dir)
            #expect(c.status == 0, "\(command): \(c.stderr)")
            #expect(!c.stdout.isEmpty || command.contains("--svg"), "\(command) printed nothing")
        }
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("front.svg").path))
        // The plot pasted in the README is what the tools print for that sweep.
        let plot = try CLI.shell("carbs-plot scatter --width 72 --height 18 --ascii < sweep.jsonl", cwd: dir)
        #expect(plot.stdout.trimmingCharacters(in: .newlines) == pasted.body.trimmingCharacters(in: .newlines))
    }

    @Test func learningCurveSnippetsRun() throws {
        let dir = try FileManager.default.temporaryDirectory.appendingPathComponent("carbs-readme-p-\(getpid())", isDirectory: true).creatingDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let blocks = try Self.blocks()
        let oneLiner = try #require(blocks.first { $0.info == "sh" && $0.body.contains("--progress \"$CARBS_ID\"") })
        let python = try #require(blocks.first { $0.info == "python" && $0.body.contains("--progress") })
        // The bash line inside an epoch loop; then the Python snippet with the names it assumes defined.
        let prelude = """
            import os, time
            epochs, run_id, start = 4, os.environ["CARBS_ID"], time.time() - 1
            def train_one_epoch():
                return 0.5

            """
        try (prelude + python.body + "\n").write(to: dir.appendingPathComponent("snippet.py"), atomically: true, encoding: .utf8)
        let script = """
            carbs-space x=linear:0:1 > sweep.jsonl
            run=$(carbs-suggest --log sweep.jsonl --format shell) && eval "$run"
            for k in 1 2 3; do
              s=0.$k c=$k
              \(oneLiner.body)
            done
            run=$(carbs-suggest --log sweep.jsonl --format shell) && eval "$run"
            export CARBS_ID
            python3 snippet.py
            grep -c '"progress"' sweep.jsonl
            """
        guard (try? CLI.run("/bin/sh", ["-c", "command -v python3"]).status) == 0 else {
            Issue.record("python3 is needed for the README's Python snippet (.ci/run installs it)")
            return
        }
        let r = try CLI.shell(script, cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.lines.last == "7", "3 checkpoints from the bash line, 4 from the Python loop: \(r.stdout)")
    }

    @Test func spaceInteropLinesRun() throws {
        let dir = try FileManager.default.temporaryDirectory.appendingPathComponent("carbs-readme-w-\(getpid())", isDirectory: true).creatingDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let block = try #require(try Self.blocks().first { $0.info == "sh" && $0.body.contains("--to wandb") })
        // What the block assumes is there: the examples, an mle-toolbox experiment file (the test fixture) and a
        // table of past runs of its space.
        let fixture = Self.root.appendingPathComponent("Tests/CLITests/Fixtures/mle-toolbox-search.yaml").path
        let csv = "l_rate,momentum,batch_size,num_layers,opt_type,test_acc,cost\n"
            + (1...5).map { "0.00\($0),0.9,64,\($0),Adam,0.\($0 + 4),\($0 * 10)" }.joined(separator: "\n") + "\n"
        try csv.write(to: dir.appendingPathComponent("past_runs.csv"), atomically: true, encoding: .utf8)
        let setup = "ln -s '\(Self.root.appendingPathComponent("examples").path)' examples && cp '\(fixture)' experiment.yaml\n"
        let r = try CLI.shell(setup + block.body + "\nwc -l < sweep.jsonl; head -c 40 sweep.yaml", cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.lines.first == "11", "the objective, five declarations and five imported runs: \(r.stdout)")
        let yaml = try String(contentsOf: dir.appendingPathComponent("sweep.yaml"), encoding: .utf8)
        #expect(yaml.contains("val_acc") && yaml.contains("log_uniform_values") && yaml.contains("categorical"))
    }
}
