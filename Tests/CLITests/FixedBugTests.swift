import Foundation
import Testing

/// Bugs found by the robustness work (fixed since): each test states the right behaviour.
@Suite struct FixedBugTests {
    static func inTemp(_ text: String, _ body: (URL) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("carbs-bugs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(text.utf8).write(to: dir.appendingPathComponent("log.jsonl"))
        try body(dir)
    }

    /// A line with two bad strings (raw NUL bytes in a value and in a key) got one of two messages at random, by
    /// the hash order in which the decoder reached the members (found by the fuzzer: "pipe and memory disagree").
    /// Every process must print the same message; a bad escape in two members too.
    @Test
    func badStringsGiveTheSameMessageInEveryProcess() throws {
        let lines = [
            "{\"id\":\"f\u{0}\u{0}1\",\"status\":\"failed\",\"params\":{\"x\u{0}\":0.5,\"n\":8},\"cost\":3}",
            "{\"id\":\"f\\q1\",\"status\":\"failed\",\"params\":{\"x\\u12\":0.5,\"n\":8},\"cost\":3}",
        ]
        for line in lines {
            try Self.inTemp("{\"param\":\"x\",\"space\":\"linear\",\"min\":0,\"max\":1}\n" + line + "\n") { dir in
                var seen: Set<String> = []
                for _ in 0..<8 {
                    let r = try CLI.run("carbs-space", ["check", "log.jsonl"], cwd: dir)
                    #expect(r.status == 65)
                    #expect(r.stderr.hasPrefix("log.jsonl:2: invalid JSON"))
                    seen.insert(r.stderr)
                }
                #expect(seen.count == 1, "\(seen)")
            }
        }
    }

    /// carbs-fit --strict prints "…; run not used" for a run it cannot encode, then exits 0: with --strict the
    /// first problem must be fatal (exit 65), as the man page says.
    @Test
    func fitStrictStopsAtAnUnusableRun() throws {
        let text = try String(contentsOf: Corpus.directory.appendingPathComponent("undeclared-choice.jsonl"), encoding: .utf8)
        try Self.inTemp(text) { dir in
            let r = try CLI.run("carbs-fit", ["--strict", "log.jsonl"], cwd: dir)
            #expect(r.status == 65)
            #expect(r.stderr.hasPrefix("log.jsonl:6: parameter 'opt' = \"rmsprop\" is not one of its values"))
        }
    }

    /// carbs-suggest drops a run it cannot encode without a word (carbs-fit warns "run not used"): a user whose
    /// results silently stop counting cannot tell. It must warn like carbs-fit (and stop with --strict).
    @Test
    func suggestWarnsAboutAnUnusableRun() throws {
        let text = try String(contentsOf: Corpus.directory.appendingPathComponent("undeclared-choice.jsonl"), encoding: .utf8)
        try Self.inTemp(text) { dir in
            let r = try CLI.run("carbs-suggest", ["log.jsonl"], cwd: dir)
            #expect(r.status == 0)
            #expect(r.stderr.hasPrefix("log.jsonl:6: parameter 'opt' = \"rmsprop\" is not one of its values"))
            let s = try CLI.run("carbs-suggest", ["--strict", "log.jsonl"], cwd: dir)
            #expect(s.status == 65)
        }
    }

    /// A linear space wider than the largest double (-1e308…1e308) is accepted, but its default scale is infinite:
    /// carbs-space prints "scale":null, a declaration that does not read back, and samples all land on max.
    /// The declaration should be rejected ("the range … is too wide"), or the scale kept finite.
    @Test
    func tooWideALinearSpace() throws {
        let r = try CLI.run("carbs-space", ["x=linear:-1e308:1e308"])
        if r.status == 0 {
            #expect(!r.stdout.contains("null"), "\(r.stdout)")
            try Self.inTemp(r.stdout) { dir in
                let check = try CLI.run("carbs-space", ["check", "log.jsonl"], cwd: dir)
                #expect(check.status == 0, "\(check.stderr)")
            }
        } else {
            #expect(r.status == 64)
        }
    }
}
