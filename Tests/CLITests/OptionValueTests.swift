import Foundation
import Testing

/// Options with a fixed set of values are parsed as enums: a wrong value is a usage error (exit 64) naming the
/// valid ones, and `--help` lists them.
@Suite struct OptionValueTests {
    static let log = """
        {"param":"x","space":"linear","min":0,"max":1}
        {"id":"a","params":{"x":0.2},"score":1,"cost":2}
        {"id":"b","params":{"x":0.7},"score":2,"cost":4}

        """

    /// (tool and subcommand, option, a valid value the list must show, another one)
    static let options: [([String], String, String, String)] = [
        (["carbs-suggest"], "--strategy", "ehvi", "protein"),
        (["carbs-fit"], "--format", "json", "text"),
        (["carbs-fit"], "--transform", "standardize", "quantileNormal"),
        (["carbs-pareto"], "--format", "tsv", "text"),
        (["carbs-plot", "scatter"], "--color", "auto", "never"),
        (["carbs-plot", "history"], "--x", "trials", "cost"),
        (["carbs-plot", "params"], "--mode", "drift", "score"),
        (["carbs-plot", "importance"], "--model", "score", "cost"),
        (["carbs-space", "sample"], "--method", "sobol", "lhs"),
    ]

    @Test(arguments: options)
    func unknownValueIsAUsageErrorThatNamesTheValues(_ c: ([String], String, String, String)) throws {
        let (command, option, a, b) = c
        let r = try CLI.run(command[0], Array(command.dropFirst()) + [option, "foo"], stdin: Self.log)
        #expect(r.status == 64, "\(command) \(option) foo")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("'foo'") && r.stderr.contains(a) && r.stderr.contains(b), "\(r.stderr)")
    }

    @Test(arguments: options)
    func helpListsTheValues(_ c: ([String], String, String, String)) throws {
        let (command, option, a, b) = c
        let r = try CLI.run(command[0], Array(command.dropFirst()) + ["--help"])
        #expect(r.status == 0)
        // ArgumentParser prints "(values: a, b, …; default: a)" under the option.
        let text = r.stdout.replacingOccurrences(of: "\n", with: " ").split(separator: " ").joined(separator: " ")
        guard let options = text.range(of: "OPTIONS:"), let at = text[options.upperBound...].range(of: option + " <") else {
            Issue.record("\(command) --help does not show \(option)")
            return
        }
        let after = text[at.upperBound...].prefix(400)
        #expect(after.contains("values: ") && after.contains(a) && after.contains(b), "\(after)")
    }

    @Test func importanceOfTheCostModelIsNotTheScoreModel() throws {
        // carbs-fit's records carry different relevance for the score and the cost model; --model picks one.
        let fit = try CLI.run("carbs-fit", [], stdin: Self.log + """
            {"id":"c","params":{"x":0.4},"score":1.5,"cost":3}
            {"id":"d","params":{"x":0.9},"score":2.5,"cost":9}

            """)
        #expect(fit.status == 0)
        let score = try CLI.run("carbs-plot", ["importance", "--ascii", "--width", "80", "--height", "8"], stdin: fit.stdout)
        let cost = try CLI.run("carbs-plot", ["importance", "--ascii", "--width", "80", "--height", "8", "--model", "cost"], stdin: fit.stdout)
        #expect(score.status == 0 && cost.status == 0)
        #expect(score.stdout.contains("(score model)"))
        #expect(cost.stdout.contains("(cost model)"))
    }
}

/// Where a log comes from, and what happens to standard output.
@Suite struct LogSourceTests {
    @Test func dashReadsStandardInputAndIsNamedStdin() throws {
        let r = try CLI.run("carbs-pareto", ["-", "--hypervolume"], stdin: #"{"param":"x","space":"linear","min":0,"max":1}"# + "\n")
        #expect(r.status == 65)
        #expect(r.stderr == "<stdin>: no successful runs\n")
    }

    @Test func everyToolSaysTheSameOfALogWithoutDeclarations() throws {
        let log = #"{"id":"a","params":{"x":0.2},"score":1,"cost":2}"# + "\n"
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("carbs-nospace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("s.jsonl")
        try Data(log.utf8).write(to: file)
        let expected = "no parameters declared (start the log with carbs-space, or give --space FILE)"
        for (tool, args) in [("carbs-suggest", [String]()), ("carbs-fit", []), ("carbs-space", ["sample"]),
                             ("carbs-suggest", ["--log", file.path])] {
            let r = try CLI.run(tool, args, stdin: args.contains("--log") ? nil : log)
            #expect(r.status == 65, "\(tool) \(args)")
            let name = args.contains("--log") ? file.path : "<stdin>"
            #expect(r.stderr == "\(name): \(expected)\n", "\(tool) \(args): \(r.stderr)")
        }
        let check = try CLI.run("carbs-space", ["check"], stdin: log)
        #expect(check.status == 65)
        #expect(check.stderr.contains("<stdin>: \(expected)\n"))
    }

    @Test func aFullDiskOnStandardOutputIsAnIOErrorWithAMessage() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let r = try CLI.shell("carbs-space x=linear:0:1 > /dev/full; echo \"status $?\" >&2")
        #expect(r.stderr.contains("carbs-space: <stdout>: write failed: No space left on device"), "\(r.stderr)")
        #expect(r.stderr.contains("status 74"), "\(r.stderr)")
    }

    @Test func aClosedPipeEndsQuietlyWithSuccess() throws {
        let r = try CLI.shell("""
            carbs-space x=linear:0:1 y=linear:0:1 | carbs-space sample --method grid --levels 400 | head -1 > /dev/null
            echo "status ${PIPESTATUS[1]}" >&2
            """)
        #expect(r.stderr == "status 0\n", "\(r.stderr)")
    }
}
