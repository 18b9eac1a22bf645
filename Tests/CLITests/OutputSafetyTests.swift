import Foundation
import Testing

/// Issue 15's "also seen": `--svg FILE` through a symlink or onto the log, and control characters from the input on
/// their way to a terminal or an SVG document.
@Suite struct OutputSafetyTests {
    static let log = """
        {"param":"x","space":"linear","min":0,"max":1}
        {"params":{"x":0.2},"score":1,"cost":1}
        {"params":{"x":0.7},"score":2,"cost":3}

        """

    @Test func svgReplacesASymlinkInsteadOfWritingThroughIt() throws {
        let dir = try CLI.scratch("link")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.shell("""
            printf '%s' '\(Self.log)' > sweep.jsonl
            echo precious > target.txt
            ln -s target.txt front.svg
            carbs-plot --svg front.svg sweep.jsonl
            cat target.txt
            test -L front.svg && echo "still a link" || head -c 5 front.svg
            """, cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.lines == ["precious", "<?xml"], "\(r.stdout)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["front.svg", "sweep.jsonl", "target.txt"],
                "no temporary file is left behind")
    }

    @Test func svgNeverReplacesTheLogItReads() throws {
        let dir = try CLI.scratch("self")
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("sweep.jsonl")
        try Self.log.write(to: log, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("alias.svg").path, withDestinationPath: "sweep.jsonl")
        for (svg, plot) in [("sweep.jsonl", "scatter"), ("alias.svg", "history"), ("./sweep.jsonl", "params")] {
            let r = try CLI.run("carbs-plot", [plot, "--svg", svg, "sweep.jsonl"], cwd: dir)
            #expect(r.status == 64, "\(svg)")
            #expect(r.stderr == "carbs-plot: \(svg) is the input sweep.jsonl: give the output another name\n")
            #expect(try String(contentsOf: log, encoding: .utf8) == Self.log)
        }
    }

    @Test func controlCharactersFromTheInputNeverReachTheTerminal() throws {
        let esc = "\u{1B}"
        let log = """
            {"param":"a\\u001b[31mred","space":"linear","min":0,"max":1}
            {"param":"b","space":"choice","values":["u\\u0007v","w"]}
            {"params":{"a\\u001b[31mred":0.5,"b":"w"},"score":1,"cost":1}
            {"params":{"a\\u001b[31mred":0.6,"b":"u\\u0007v"},"score":2,"cost":2}
            {"params":{"a\\u001b[31mred":0.1,"b":"w"},"score":0,"cost":4}
            {"params":{"a\\u001b[31mred":0.9,"b":"w"},"score":1.5,"cost":3}
            {"params":{"a\\u001b[31mred":0.3,"b":"w"},"score":1.2,"cost":5}
            {"oops"}

            """
        let title = "x\(esc)]0;retitled\u{07}y"
        for args in [["params", "--ascii"], ["scatter", "--title", title], ["history", "--title", title], ["importance"], ["curves"]] {
            let r = try CLI.run("carbs-plot", args + ["--color", "never", "--width", "50", "--height", "10"], stdin: log)
            #expect(r.status == 0, "\(args): \(r.stderr)")
            #expect(!r.stdout.contains(esc) && !r.stdout.contains("\u{07}"), "\(args)")
            #expect(!r.stderr.contains(esc))
        }
        let titled = try CLI.run("carbs-plot", ["scatter", "--ascii", "--title", title, "--width", "50", "--height", "10"], stdin: log)
        #expect(titled.stdout.contains("x?]0;retitled?y"))
        let dir = try CLI.scratch("svg")
        defer { try? FileManager.default.removeItem(at: dir) }
        try log.write(to: dir.appendingPathComponent("esc.jsonl"), atomically: true, encoding: .utf8)
        let svg = try CLI.shell("carbs-plot params --svg p.svg esc.jsonl 2>/dev/null && cat p.svg", cwd: dir)
        #expect(svg.status == 0 && svg.stdout.contains("a?[31mred") && !svg.stdout.contains(esc), "\(svg.stderr)")
        let fit = try CLI.run("carbs-fit", ["--format", "text"], stdin: log)
        #expect(fit.status == 0 && fit.stdout.contains("a?[31mred") && !fit.stdout.contains(esc))
        // Warnings on standard error, too: a bad line naming a parameter with an ESC in it.
        let warned = try CLI.run("carbs-space", ["check"], stdin: log + #"{"params":{"a\u001b[31mred":7,"b":"w"},"score":1}"# + "\n")
        #expect(warned.stderr.contains("parameter 'a?[31mred' = 7 is outside [0, 1]") && !warned.stderr.contains(esc), "\(warned.stderr)")
        // JSON output keeps the names exactly (escaped, as JSON does).
        let json = try CLI.run("carbs-pareto", [], stdin: log)
        #expect(json.stdout.contains(#""a\u001b[31mred":0.6"#))
    }
}
