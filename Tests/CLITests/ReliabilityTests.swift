import Foundation
import Testing

/// Issue 15: closed descriptors, failed appends, bounded sizes and option files, and the fit → suggest round trip.
/// Each case checks the exit status, the message, and that the log is byte-identical afterwards (or grew only by
/// whole lines).
@Suite struct ReliabilityTests {
    static let head = """
        {"param":"x","space":"linear","min":0,"max":1}
        {"param":"y","space":"log","min":1,"max":100}
        {"id":"a","params":{"x":0.1,"y":2},"score":1,"cost":2}
        {"id":"b","params":{"x":0.6,"y":30},"score":2.5,"cost":30}
        {"id":"c","params":{"x":0.3,"y":5},"status":"failed","cost":5}
        {"id":"d","params":{"x":0.8,"y":70},"score":2,"cost":70}
        {"id":"e","params":{"x":0.45,"y":10},"score":2.2,"cost":10}

        """

    /// A scratch directory holding `s.jsonl` with `text`.
    static func logDirectory(_ text: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("carbs-rel-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: dir.appendingPathComponent("s.jsonl"))
        return dir
    }

    static func contents(_ dir: URL) throws -> String {
        try String(contentsOf: dir.appendingPathComponent("s.jsonl"), encoding: .utf8)
    }

    @Test func closedStandardErrorNeverSendsWarningsIntoTheLog() throws {
        let log = Self.head + "not json\n"
        let dir = try Self.logDirectory(log)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.shell("carbs-suggest --log s.jsonl --explain 2>&- > out.jsonl", cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let after = try Self.contents(dir)
        #expect(after.hasPrefix(log))
        let added = after.dropFirst(log.count).split(separator: "\n")
        #expect(added.count == 1)
        #expect(added.allSatisfy { $0.hasPrefix(#"{"id":""#) && $0.contains(#""status":"pending""#) }, "\(added)")
        let printed = try String(contentsOf: dir.appendingPathComponent("out.jsonl"), encoding: .utf8)
        #expect(printed.split(separator: "\n") == added, "what was printed is what was appended")
    }

    @Test func closedStandardOutputLeavesTheLogAsItWas() throws {
        for n in ["1", "400"] {
            let dir = try Self.logDirectory(Self.head)
            defer { try? FileManager.default.removeItem(at: dir) }
            let r = try CLI.shell("carbs-suggest --log s.jsonl --strategy sobol -n \(n) >&-", cwd: dir)
            #expect(r.status == 74, "-n \(n): \(r.stderr)")
            #expect(r.stderr.contains("<stdout>: standard output is closed"), "\(r.stderr)")
            #expect(try Self.contents(dir) == Self.head, "-n \(n)")
        }
        // Recording prints nothing, so it needs no standard output.
        let dir = try Self.logDirectory(Self.head + #"{"id":"p","status":"pending","params":{"x":0.5,"y":3}}"# + "\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.shell("carbs-suggest --log s.jsonl --record p --value score=1 --value cost=3 >&-", cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let last = try Self.contents(dir).split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasPrefix(#"{"id":"p","params":{"x":0.5,"y":3}"#) && last.contains(#""cost":3,"score":1"#), "\(last)")
    }

    @Test func aFailedAppendLeavesTheLogExactlyAsItWas() throws {
        // A file-size limit (ulimit -f, in 512-byte blocks) just above the log: the append of 50 records fails
        // part way through, as on a full file system. The log must not keep the part that was written.
        var log = Self.head
        while log.utf8.count % 1024 != 1000 { log += " " }
        log += "\n"
        let dir = try Self.logDirectory(log)
        defer { try? FileManager.default.removeItem(at: dir) }
        let blocks = (log.utf8.count + 511) / 512 + 1
        let r = try CLI.shell("ulimit -f \(blocks); carbs-suggest --log s.jsonl --strategy sobol -n 50 > /dev/null", cwd: dir)
        #expect(r.status == 74, "\(r.stderr)")
        #expect(r.stderr.contains("s.jsonl: write failed: File too large"), "\(r.stderr)")
        #expect(try Self.contents(dir) == log)
    }

    @Test func fitRecordsGoBackIntoSuggestWhenTheLogHasFailures() throws {
        let fit = try CLI.run("carbs-fit", [], stdin: Self.head)
        #expect(fit.status == 0)
        #expect(fit.stdout.contains(#"{"model":"success""#), "the log has a failure, so carbs-fit reports a success model")
        let dir = try Self.logDirectory(Self.head)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(fit.stdout.utf8).write(to: dir.appendingPathComponent("m.jsonl"))
        let warm = try CLI.run("carbs-suggest", ["--model", dir.appendingPathComponent("m.jsonl").path, "--initial", "2"], stdin: Self.head)
        #expect(warm.status == 0, "\(warm.stderr)")
        #expect(warm.lines.count == 1)
        // A model record with broken hyperparameters is still refused, at its line.
        try Data((fit.stdout.replacingOccurrences(of: #""lengthscales":["#, with: #""lengthscales":["x","#)).utf8)
            .write(to: dir.appendingPathComponent("bad.jsonl"))
        let bad = try CLI.run("carbs-suggest", ["--model", dir.appendingPathComponent("bad.jsonl").path], stdin: Self.head)
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("bad.jsonl:1: the score model record has no valid hyperparameters"), "\(bad.stderr)")
    }

    @Test func endlessOptionFilesAreDataErrors() throws {
        for (tool, args) in [("carbs-suggest", ["--space", "/dev/zero"]), ("carbs-suggest", ["--model", "/dev/zero"]),
                             ("carbs-fit", ["--predict", "/dev/zero"]), ("carbs-space", ["declare", "--file", "/dev/zero"])] {
            let r = try CLI.run(tool, args, stdin: Self.head)
            #expect(r.status == 65, "\(tool) \(args): \(r.stderr)")
            #expect(r.stderr.hasPrefix("/dev/zero: larger than 64 MiB"), "\(tool) \(args): \(r.stderr)")
        }
    }

    @Test(arguments: [
        ("carbs-space", ["sample", "-n", "9223372036854775807"], "-n must be at most 1000000"),
        ("carbs-space", ["sample", "--method", "grid", "--levels", "1000000000"], "--levels must be at most 100000"),
        ("carbs-plot", ["scatter", "--width", "1000000000"], "--width must be between 16 and 1000"),
        ("carbs-plot", ["history", "--height", "1000000000"], "--height must be between 6 and 1000"),
        ("carbs-suggest", ["-n", "100000000"], "-n must be between 1 and 10000"),
        ("carbs-suggest", ["--candidates", "100000000000"], "--candidates must be between 1 and 1000000"),
    ])
    func sizesTheInputControlsAreBounded(_ c: (String, [String], String)) throws {
        let r = try CLI.run(c.0, c.1, stdin: Self.head)
        #expect(r.status == 64, "\(c.0) \(c.1): \(r.stderr)")
        #expect(r.stderr.contains(c.2), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func hostileSpaceFilesAreRefusedWithAMessage() throws {
        var laughs = #"a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]"# + "\n"
        var previous = "a"
        for c in "bcdefghi" {
            laughs += "\(c): &\(c) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
            previous = String(c)
        }
        let cases: [(name: String, text: String, message: String)] = [
            ("complex-key.yaml", "? [a, b]\n: {space: linear, min: 0, max: 1}\n", "a mapping key is a list or a mapping"),
            ("deep.json", String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n",
             "nested more than 64 levels deep"),
            ("deep.yaml", String(repeating: "- ", count: 100_000) + "x\n", "nested more than 64 levels deep"),
            ("deep-map.yaml", (0..<100).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n") + " 1\n",
             "nested more than 64 levels deep"),
            ("laughs.yaml", laughs, "more than 100000 values once aliases are expanded"),
        ]
        let dir = try Self.logDirectory(Self.head)
        defer { try? FileManager.default.removeItem(at: dir) }
        for c in cases {
            let file = dir.appendingPathComponent(c.name)
            try Data(c.text.utf8).write(to: file)
            for (tool, args) in [("carbs-space", ["declare", "--file", file.path]), ("carbs-pareto", ["--space", file.path])] {
                let r = try CLI.run(tool, args, stdin: Self.head)
                #expect(r.status == 65, "\(c.name) \(tool): \(r.stderr.prefix(300))")
                #expect(r.stderr == "\(file.path): \(c.message); not a space file\n",
                        "\(c.name) \(tool): \(r.stderr.prefix(300))")
            }
        }
        // A space file of ordinary depth, with anchors used sensibly, still works.
        let fine = dir.appendingPathComponent("fine.yaml")
        try Data("""
            base: &b {space: linear, min: 0, max: 1}
            x: *b
            y: {space: log, min: 1, max: 100}

            """.utf8).write(to: fine)
        let r = try CLI.run("carbs-space", ["declare", "--file", fine.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.lines.map { $0.split(separator: ",")[0] } == [#"{"param":"base""#, #"{"param":"x""#, #"{"param":"y""#])
    }

    @Test func anEndlessLogIsADataErrorAtItsFirstLine() throws {
        for (tool, args) in [("carbs-pareto", ["/dev/zero"]), ("carbs-space", ["check", "/dev/zero"]), ("carbs-fit", ["/dev/zero"])] {
            let r = try CLI.run(tool, args)
            #expect(r.status == 65, "\(tool): \(r.stderr)")
            #expect(r.stderr.contains("/dev/zero:1: line longer than 64 MiB, the longest a log line may be"), "\(tool): \(r.stderr)")
        }
    }

    @Test func aLongLineIsReadWhole() throws {
        // 12 MB in one note: read (in linear time) and kept; the run is on the front.
        let note = String(repeating: "y", count: 12_000_000)
        let log = #"{"param":"x","space":"linear","min":0,"max":1}"# + "\n"
            + #"{"id":"a","params":{"x":0.5},"score":1,"cost":1,"note":""# + note + "\"}\n"
        let r = try CLI.run("carbs-pareto", [], stdin: log)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == #"{"id":"a","params":{"x":0.5},"score":1,"cost":1,"count":1}"# + "\n")
    }

    @Test(arguments: [["history", "--x", "cost"], ["history", "--x", "cost", "--svg", "SVG"], ["scatter"], ["scatter", "--linear"]])
    func costsNearTheLargestDoublePlotWithoutATrap(_ args: [String]) throws {
        // The cumulative cost of these runs overflows to infinity; every cost is itself a valid double.
        let log = """
            {"param":"x","space":"linear","min":0,"max":1}
            {"id":"a","params":{"x":0.1},"score":1,"cost":1e308}
            {"id":"b","params":{"x":0.5},"score":2,"cost":1.5e308}
            {"id":"c","params":{"x":0.9},"score":3,"cost":1.7e308}

            """
        let dir = try Self.logDirectory(log)
        defer { try? FileManager.default.removeItem(at: dir) }
        let svg = dir.appendingPathComponent("p.svg").path
        let r = try CLI.run("carbs-plot", args.map { $0 == "SVG" ? svg : $0 } + ["--ascii", "--width", "50", "--height", "10"], stdin: log)
        #expect(r.status == 0, "\(args): \(r.stderr.prefix(300))")
        #expect(r.stderr.isEmpty)
        if args.contains("--svg") {
            #expect(try String(contentsOfFile: svg, encoding: .utf8).hasPrefix("<svg") || String(contentsOfFile: svg, encoding: .utf8).hasPrefix("<?xml"))
        } else {
            #expect(r.lines.count >= 8, "\(r.stdout)")
        }
    }
}
