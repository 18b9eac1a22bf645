import Foundation
import Testing

/// Every tool on every file of `Corpus/` (bad inputs), in default and `--strict` mode: the exit status and the first
/// line of standard error are those of the table below, nothing crashes, and the log is never modified (except that
/// `carbs-suggest --log` appends whole lines).
///
/// Every case is copied to a fresh directory as `log.jsonl`, so messages read `log.jsonl:LINE: …`.
enum Corpus {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")

    /// One way of running a tool on the log.
    enum Tool: String, CaseIterable, Sendable {
        case check, fit, suggest, suggestLog, pareto, plot

        func arguments(_ file: String) -> (String, [String]) {
            switch self {
            case .check: return ("carbs-space", ["check", file])
            case .fit: return ("carbs-fit", [file])
            case .suggest: return ("carbs-suggest", [file])
            case .suggestLog: return ("carbs-suggest", ["--log", file])
            case .pareto: return ("carbs-pareto", [file])
            case .plot: return ("carbs-plot", ["scatter", "--ascii", "--color", "never", "--width", "60", "--height", "12", file])
            }
        }
        /// Tools that need a declared space to work (the others only need runs).
        var needsSpace: Bool { [.fit, .suggest, .suggestLog].contains(self) }
    }

    struct Outcome: Equatable, CustomStringConvertible {
        var status: Int32
        /// The first line of standard error, or nil when it must be empty.
        var stderr: String?
        var description: String { "exit \(status), stderr \(stderr.map { "'\($0)'" } ?? "empty")" }
    }

    /// What a file is, and therefore what every tool must do with it.
    enum Kind: Sendable {
        /// A clean log: every tool exits 0 and prints nothing on stderr.
        case clean
        /// A bad line (JSON, declaration or run): reported and skipped; check and --strict exit 65 on it.
        case badLine(String)
        /// Runs whose parameters do not fit the space: only `carbs-space check` reports them (the models encode
        /// what they can). `fit` names the warning carbs-fit prints when the run cannot be encoded at all.
        case checkOnly(String, fit: String? = nil)
        /// The same outcome from every tool in every mode.
        case fatal(Int32, String)
        /// Anything else: one outcome per tool and mode.
        case custom(@Sendable (Tool, _ strict: Bool) -> Outcome)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var file: String
        var kind: Kind
        /// Generated in the test (too large to commit).
        var generate: (@Sendable () -> Data)?
        var testDescription: String { file }

        init(_ file: String, _ kind: Kind, generate: (@Sendable () -> Data)? = nil) {
            self.file = file
            self.kind = kind
            self.generate = generate
        }

        func bytes() throws -> Data {
            if let generate { return generate() }
            return try Data(contentsOf: Corpus.directory.appendingPathComponent(file))
        }

        func expected(_ tool: Tool, strict: Bool) -> Outcome {
            switch kind {
            case .clean: return Outcome(status: 0, stderr: nil)
            case .badLine(let m):
                return Outcome(status: tool == .check || strict ? 65 : 0, stderr: m)
            case .checkOnly(let m, let unusable):
                if tool == .check { return Outcome(status: 65, stderr: m) }
                // The model tools cannot use the run: they say so (fatal with --strict); the others ignore params.
                if let unusable, tool == .fit || tool == .suggest || tool == .suggestLog {
                    return Outcome(status: strict ? 65 : 0, stderr: unusable)
                }
                return Outcome(status: 0, stderr: nil)
            case .fatal(let s, let m): return Outcome(status: s, stderr: m)
            case .custom(let f): return f(tool, strict)
            }
        }
    }

    static let notJSON = "write null, or mark the run \"status\":\"failed\")"
    static let torn = "invalid JSON: the object is not closed (a truncated line?) (the last line is incomplete: a writer may have died mid-line)"

    /// The head of most corpus files: three parameters and two good runs (lines 1–5); the case is on line 6.
    static let header = """
        {"param":"x","space":"linear","min":0,"max":1}
        {"param":"n","space":"log","min":1,"max":64,"integer":true}
        {"param":"opt","space":"choice","values":["adam","sgd"]}
        {"id":"a","params":{"x":0.25,"n":4,"opt":"adam"},"score":0.5,"cost":10}
        {"id":"b","params":{"x":0.75,"n":16,"opt":"sgd"},"score":0.7,"cost":20}

        """
    static let tail = "{\"id\":\"d\",\"params\":{\"x\":0.5,\"n\":8,\"opt\":\"sgd\"},\"score\":0.6,\"cost\":12}\n"
    static let tenMB = 10 << 20

    static let cases: [Case] = [
        Case("clean.jsonl", .clean),
        Case("crlf.jsonl", .clean),
        Case("unknown-pending-id.jsonl", .clean),   // a result needs no pending record
        Case("huge-scores.jsonl", .clean),
        Case("invalid-json.jsonl", .badLine("log.jsonl:6: invalid JSON: The given data was not valid JSON.")),
        Case("trailing-comma.jsonl", .badLine("log.jsonl:6: invalid JSON: a trailing comma at column 47 (JSON allows none before '}' or ']')")),
        // Two strings with raw control characters (a value and a key): the first is named, the same in every run
        // (the decoder used to report whichever member the dictionary's random hash order reached first).
        Case("control-character.jsonl", .badLine("log.jsonl:6: invalid JSON: an unescaped control character U+0000 in a string at column 9 (JSON needs it written as \\u0000)")),
        Case("not-an-object.jsonl", .badLine("log.jsonl:6: a record must be a JSON object, got an array")),
        Case("wrong-type-score.jsonl", .badLine("log.jsonl:6: 'score' must be a number, got a string")),
        Case("wrong-type-cost.jsonl", .badLine("log.jsonl:6: 'cost' must be a number, got a string")),
        Case("wrong-type-params.jsonl", .badLine("log.jsonl:6: 'params' must be an object, got an array")),
        Case("wrong-type-id.jsonl", .badLine("log.jsonl:6: 'id' must be a string, got an array")),
        Case("unknown-status.jsonl", .badLine("log.jsonl:6: 'status' must be \"success\", \"failed\" or \"pending\", got \"weird\"")),
        Case("nan.jsonl", .badLine("log.jsonl:6: invalid JSON: NaN is not a JSON number (\(notJSON)")),
        Case("nan-lowercase.jsonl", .badLine("log.jsonl:6: invalid JSON: nan is not a JSON number (\(notJSON)")),
        Case("infinity.jsonl", .badLine("log.jsonl:6: invalid JSON: Infinity is not a JSON number (\(notJSON)")),
        Case("negative-infinity.jsonl", .badLine("log.jsonl:6: invalid JSON: -Infinity is not a JSON number (\(notJSON)")),
        Case("too-large.jsonl", .badLine("log.jsonl:6: invalid JSON: a number is too large for a double")),
        Case("non-utf8.jsonl", .badLine("log.jsonl:6: line is not valid UTF-8")),
        Case("torn-last-line.jsonl", .badLine("log.jsonl:6: \(torn)")),
        Case("torn-after-pending.jsonl", .badLine("log.jsonl:7: \(torn)")),
        Case("duplicate-result.jsonl", .badLine("log.jsonl:6: second result for id 'a' (first at line 4); ignored")),
        Case("duplicate-pending.jsonl", .badLine("log.jsonl:7: duplicate pending record for id 'p'; ignored")),
        Case("pending-after-result.jsonl", .badLine("log.jsonl:6: pending record for id 'a' after its result (line 4); ignored")),
        Case("pending-without-id.jsonl", .badLine("log.jsonl:6: pending run has no 'id': its result can never be matched")),
        Case("zero-cost.jsonl", .badLine("log.jsonl:6: 'cost' must be a positive finite number, got 0")),
        Case("negative-cost.jsonl", .badLine("log.jsonl:6: 'cost' must be a positive finite number, got -5")),
        Case("decl-min-ge-max.jsonl", .badLine("log.jsonl:6: parameter 'y': min (1) must be less than max (1)")),
        Case("decl-step-too-small.jsonl", .badLine(
            "log.jsonl:6: parameter 'y': step 5e-324 is too small for [0, 1] (the bounds are more steps from 0 than a double can count)")),
        Case("progress-unknown-id.jsonl", .badLine("log.jsonl:6: progress for 'zz', which has no pending record before this line; ignored")),
        Case("progress-cost-falls.jsonl", .badLine(
            "log.jsonl:8: 'cost' of 'p' fell from 5 to 4: a progress record holds the cumulative cost; ignored")),
        Case("decl-log-min-nonpositive.jsonl", .badLine("log.jsonl:6: parameter 'y': a log space needs min > 0")),
        Case("decl-unknown-type.jsonl", .badLine(
            "log.jsonl:6: parameter 'y': unknown space 'cubic' (expected one of linear, log, logit, choice, fixed)")),
        Case("cost-overflow.jsonl", .checkOnly(
            "log.jsonl:7: the cumulative cost overflows a double here (the costs add up to more than 1.8e308); the tools clamp it")),
        Case("missing-param.jsonl", .checkOnly("log.jsonl:6: parameter 'n' is missing")),
        Case("unknown-param.jsonl", .checkOnly("log.jsonl:6: unknown parameter 'y'")),
        Case("out-of-bounds.jsonl", .checkOnly("log.jsonl:6: parameter 'x' = 1.5 is outside [0, 1]")),
        Case("int-as-fraction.jsonl", .checkOnly("log.jsonl:6: parameter 'n' = 3.5 is not a multiple of its step 1")),
        Case("outside-log-domain.jsonl", .checkOnly("log.jsonl:6: parameter 'n' = 0 is outside [1, 64]",
            fit: "log.jsonl:6: parameter 'n' = 0 is outside the domain of its log space; run not used")),
        Case("undeclared-choice.jsonl", .checkOnly("log.jsonl:6: parameter 'opt' = \"rmsprop\" is not one of its values [\"adam\",\"sgd\"]",
            fit: "log.jsonl:6: parameter 'opt' = \"rmsprop\" is not one of its values; run not used")),
        Case("wrong-type-param.jsonl", .checkOnly("log.jsonl:6: parameter 'x' must be a number, got a string",
            fit: "log.jsonl:6: parameter 'x' must be a number, got a string; run not used")),
        Case("empty.jsonl", .fatal(66, "log.jsonl: empty input (no records)")),
        Case("whitespace-only.jsonl", .fatal(66, "log.jsonl: empty input (no records)")),
        Case("all-failed.jsonl", .custom { tool, _ in
            tool == .fit ? Outcome(status: 65, stderr: "log.jsonl: no successful runs to fit") : Outcome(status: 0, stderr: nil)
        }),
        Case("decl-only-invalid.jsonl", .custom { tool, strict in
            // The only declaration is invalid: the line is reported first, then tools that need a space stop.
            let m = "log.jsonl:1: parameter 'x': min (2) must be less than max (1)"
            return Outcome(status: tool == .check || tool.needsSpace || strict ? 65 : 0, stderr: m)
        }),
        // A 10 MB line, valid (a note) and invalid (an unclosed string): read in bounded time, a short message.
        Case("generated: 10 MB note", .clean, generate: {
            Data((header + "{\"note\":\"" + String(repeating: "x", count: tenMB) + "\"}\n" + tail).utf8)
        }),
        Case("generated: 10 MB unclosed", .badLine("log.jsonl:6: invalid JSON: the object is not closed (a truncated line?)"), generate: {
            Data((header + "{\"note\":\"" + String(repeating: "x", count: tenMB) + "\n" + tail).utf8)
        }),
    ]

    static func sha(_ d: Data) -> String {
        // FNV-1a is enough to tell bytes apart here (the full bytes are compared too).
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in d { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return String(h, radix: 16)
    }

    /// Checks that `new` is `old` followed by whole JSON-object lines (a newline first if `old` ended mid-line).
    static func appendedWholeLines(old: Data, new: Data) -> String? {
        guard new.count >= old.count, new.prefix(old.count) == old else { return "the old bytes are not a prefix" }
        var added = new.suffix(from: old.count)
        if added.isEmpty { return nil }
        if let last = old.last, last != 10 {
            guard added.first == 10 else { return "appended to a torn line without a newline first" }
            added = added.dropFirst()
        }
        guard added.last == 10 else { return "the appended part does not end with a newline" }
        for line in added.split(separator: 10, omittingEmptySubsequences: false).dropLast() {
            guard let o = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any], o["params"] != nil else {
                return "appended line is not a run record: \(String(decoding: line, as: UTF8.self).prefix(200))"
            }
        }
        return nil
    }
}

@Suite struct CorpusTests {
    /// The corpus directory holds exactly the committed cases of the table (no file forgotten, no case missing).
    @Test func tableCoversTheCorpus() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Corpus.directory.path).filter { $0.hasSuffix(".jsonl") }
        let named = Corpus.cases.filter { $0.generate == nil }.map(\.file)
        #expect(Set(files) == Set(named))
        #expect(named.count == Set(named).count)
    }

    @Test(arguments: Corpus.cases)
    func everyToolOnEveryCase(_ c: Corpus.Case) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("carbs-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let original = try c.bytes()
        let path = dir.appendingPathComponent("log.jsonl")
        for strict in [false, true] {
            for tool in Corpus.Tool.allCases {
                try original.write(to: path)
                let (exe, args) = tool.arguments("log.jsonl")
                let r = try CLI.run(exe, strict ? args + ["--strict"] : args, cwd: dir)
                let label = "\(c.file): \(exe) \((strict ? args + ["--strict"] : args).joined(separator: " "))"
                #expect(r.status < 128 && !r.stderr.contains("Fatal error"), "\(label) crashed: \(r.stderr.prefix(500))")
                let first = r.stderr.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)
                let got = Corpus.Outcome(status: r.status, stderr: (first?.isEmpty ?? true) ? nil : first)
                #expect(got == c.expected(tool, strict: strict), "\(label)")
                let after = try Data(contentsOf: path)
                if tool == .suggestLog {
                    let problem = Corpus.appendedWholeLines(old: original, new: after)
                    #expect(problem == nil, "\(label): \(problem ?? "")")
                    if r.status != 0 { #expect(after == original, "\(label) failed but changed the log") }
                } else {
                    #expect(Corpus.sha(after) == Corpus.sha(original) && after == original, "\(label) changed the log")
                }
            }
        }
        // Standard input gives the same messages under the name <stdin>.
        let r = try CLI.run("carbs-pareto", [], stdin: String(decoding: original, as: UTF8.self))
        let expected = c.expected(.pareto, strict: false)
        let first = r.stderr.split(separator: "\n").first.map(String.init)
        if !c.file.contains("utf8") {   // a String cannot carry the invalid bytes through CLI.run's stdin
            #expect(r.status == expected.status, "\(c.file) on stdin")
            #expect(first == expected.stderr?.replacingOccurrences(of: "log.jsonl", with: "<stdin>"), "\(c.file) on stdin")
        }
    }

    /// `carbs-suggest --log --record` for an id the log never suggested, or one that already has its result:
    /// exit 65 with the id named, and the log untouched.
    @Test func recordForUnknownOrFinishedId() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("carbs-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("log.jsonl")
        let original = Data((Corpus.header + Corpus.tail).utf8)
        for (id, message) in [("nope", "log.jsonl: no run with id 'nope'"), ("a", "log.jsonl:4: run 'a' already has a result")] {
            try original.write(to: path)
            let r = try CLI.run("carbs-suggest", ["--log", "log.jsonl", "--record", id, "--value", "score=1"], cwd: dir)
            #expect(r.status == 65)
            #expect(r.stderr.split(separator: "\n").first.map(String.init) == message)
            #expect(try Data(contentsOf: path) == original)
        }
    }
}
