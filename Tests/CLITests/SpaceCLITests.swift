import Foundation
import Testing

/// A fresh temporary directory for one test.
private func tempDirectory() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("carbs-space-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

private func objects(_ r: CLI.Result) throws -> [[String: Any]] {
    try r.lines.map { line in
        let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        return try #require(o, "not an object: \(line)")
    }
}

private let sobolPipeline = "carbs-space lr=log:1e-5:1e-1 width=log:16:4096:int | carbs-space sample -n 5 --method sobol --seed "

@Suite struct SpaceCLITests {
    @Test func sobolSampleIsReproducibleAndInBounds() throws {
        let a = try CLI.shell(sobolPipeline + "7")
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stderr.isEmpty)
        #expect(a.lines.count == 5)
        let again = try CLI.shell(sobolPipeline + "7")
        #expect(again.stdout == a.stdout)
        let other = try CLI.shell(sobolPipeline + "8")
        #expect(other.status == 0)
        #expect(other.stdout != a.stdout)

        var ids = Set<String>()
        for o in try objects(a) {
            #expect(o["status"] as? String == "pending")
            #expect(o["kind"] as? String == "sobol")
            if let id = o["id"] as? String { ids.insert(id) }
            let params = try #require(o["params"] as? [String: Any])
            #expect(Set(params.keys) == ["lr", "width"])
            let lr = try #require(params["lr"] as? Double)
            #expect(lr >= 1e-5 && lr <= 0.1)
            let width = try #require(params["width"] as? Double)
            #expect(width >= 16 && width <= 4096 && width == width.rounded())
        }
        #expect(ids.count == 5)
        // Integers are printed as integers (no fraction, no exponent).
        for line in a.lines {
            #expect(line.range(of: #""width":[0-9]+[,}]"#, options: .regularExpression) != nil, "\(line)")
        }
    }

    @Test func otherMethods() throws {
        let space = "carbs-space x=linear:0:1 n=linear:1:3:int o=choice:a,b | "
        let grid = try CLI.shell(space + "carbs-space sample --method grid --levels 2 --params-only")
        #expect(grid.status == 0)
        // 2 levels × 3 integers ({1,3} at 2 levels: u = 0, 1) × 2 choices = 2 × 2 × 2.
        #expect(grid.lines.count == 8)
        #expect(grid.lines.first == #"{"x":0,"n":1,"o":"a"}"#)
        let center = try CLI.shell(space + "carbs-space sample --method center")
        #expect(center.lines.count == 1)
        #expect(center.stdout.contains(#""params":{"x":0.5,"n":2,"o":"a"}"#))
        let lhs = try CLI.shell(space + "carbs-space sample -n 6 --method lhs --seed 2 --params-only")
        #expect(lhs.lines.count == 6)
        let bad = try CLI.shell(space + "carbs-space sample --method halton")
        #expect(bad.status == 64)
    }

    @Test func checkFindsEveryProblemWithItsLine() throws {
        let log = """
            {"param":"lr","space":"log","min":1e-5,"max":0.1}
            {"param":"width","space":"log","min":16,"max":4096,"integer":true}
            {"id":"a","params":{"lr":0.001,"width":64},"score":0.5,"cost":10}
            {oops
            {"id":"b","params":{"lr":0.001,"width":64,"depth":3},"score":0.5}
            {"id":"c","params":{"lr":0.001},"score":0.5}
            {"id":"d","params":{"lr":5,"width":64},"score":0.5}
            {"id":"e","params":{"lr":0.001,"width":64},"score":0.5,"cost":0}
            {"id":"f","params":{"lr":0.001,"width":64},"score":"NaN"}
            {"id":"g","params":{"lr":0.001,"width":64},"score":1e999}
            {"id":"h","params":{"lr":0.001,"width":64.5},"score":0.5,"cost":-2}
            {"id":"i","params":{"lr":0.001,"width":100.5},"score":0.5}

            """
        let dir = try tempDirectory()
        let file = dir.appendingPathComponent("bad.jsonl")
        try log.write(to: file, atomically: true, encoding: .utf8)
        let r = try CLI.run("carbs-space", ["check", file.path])
        #expect(r.status == 65)
        #expect(r.stdout.isEmpty)
        let p = file.path
        for expected in [
            "\(p):4: invalid JSON",
            "\(p):5: unknown parameter 'depth'",
            "\(p):6: parameter 'width' is missing",
            "\(p):7: parameter 'lr' = 5 is outside [1e-05, 0.1]",
            "\(p):8: 'cost' must be a positive finite number, got 0",
            "\(p):9: 'score' must be a number, got a string",
            "\(p):10: invalid JSON",
            "\(p):11: 'cost' must be a positive finite number, got -2",
            "\(p):12: parameter 'width' = 100.5 is not a multiple of its step 1",
        ] {
            #expect(r.stderr.contains(expected), "missing: \(expected)\n\(r.stderr)")
        }
        #expect(!r.stderr.contains(":3:"))
        // Problems come in line order; stdin is named <stdin>.
        let s = try CLI.run("carbs-space", ["check"], stdin: log)
        #expect(s.status == 65)
        #expect(s.stderr.hasPrefix("<stdin>:4: invalid JSON"))
    }

    @Test func checkIsQuietOnACleanLog() throws {
        let log = """
            {"objective":{"score":"loss","cost":"seconds","goal":"minimize"}}
            {"param":"lr","space":"log","min":1e-5,"max":0.1}
            {"param":"opt","space":"choice","values":["adam","lion"]}
            {"param":"seed","space":"fixed","value":1}
            {"id":"a","status":"pending","params":{"lr":0.001,"opt":"adam"}}
            {"id":"a","params":{"lr":0.001,"opt":"adam","seed":1},"loss":0.5,"seconds":10,"host":"n1"}
            {"id":"b","params":{"lr":0.01,"opt":"lion"},"status":"failed"}
            {"event":"note"}
            """
        let r = try CLI.run("carbs-space", ["check"], stdin: log + "\r\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty && r.stderr.isEmpty)
    }

    @Test func exitCodes() throws {
        #expect(try CLI.run("carbs-space", ["lr=log:0:1"]).status == 64)                    // bad spec
        #expect(try CLI.run("carbs-space", ["lr=cubic:0:1"]).status == 64)
        #expect(try CLI.run("carbs-space", ["lr=log:1e-5:1e-1", "--bogus"]).status == 64)   // bad flag
        #expect(try CLI.run("carbs-space", ["sample", "-n", "-1"], stdin: "").status == 64)
        #expect(try CLI.run("carbs-space", ["sample", "--seed", "x"], stdin: "").status == 64)
        #expect(try CLI.run("carbs-space", []).status == 64)                                // nothing to declare
        let empty = try CLI.run("carbs-space", ["sample"], stdin: "")
        #expect(empty.status == 66)
        #expect(empty.stderr.contains("empty input"))
        #expect(try CLI.run("carbs-space", ["check"], stdin: "\n\n").status == 66)
        let missing = try CLI.run("carbs-space", ["sample", "/nonexistent/sweep.jsonl"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("/nonexistent/sweep.jsonl"))
        #expect(try CLI.run("carbs-space", ["--file", "/nonexistent/space.yaml"]).status == 66)
        #expect(try CLI.run("carbs-space", ["sample", "--space", "/nonexistent/space.yaml"], stdin: "{}\n").status == 66)
        // A log without declarations is bad data; --strict makes a bad line fatal.
        #expect(try CLI.run("carbs-space", ["sample"], stdin: #"{"note":1}"# + "\n").status == 65)
        let strict = try CLI.run("carbs-space", ["sample", "--strict"], stdin: #"{"param":"x","space":"linear","min":0,"max":1}"# + "\n{bad\n")
        #expect(strict.status == 65)
        #expect(strict.stdout.isEmpty)
        #expect(strict.stderr.contains("<stdin>:2: invalid JSON"))
        // Without --strict the bad line is a warning and the tool goes on.
        let lax = try CLI.run("carbs-space", ["sample"], stdin: #"{"param":"x","space":"linear","min":0,"max":1}"# + "\n{bad\n")
        #expect(lax.status == 0)
        #expect(lax.lines.count == 1)
        #expect(lax.stderr.hasPrefix("<stdin>:2: invalid JSON"))
    }

    @Test func spaceFilesInYAMLAndJSON() throws {
        let dir = try tempDirectory()
        let yaml = dir.appendingPathComponent("space.yaml")
        try """
            # a sweep
            lr: {space: log, min: 1e-5, max: 1e-1}
            width:
              space: log
              min: 16
              max: 4096
              integer: true
            opt: {space: choice, values: [adam, lion]}
            """.write(to: yaml, atomically: true, encoding: .utf8)
        let json = dir.appendingPathComponent("space.json")
        try #"""
            {"parameters": {"lr": {"space": "log", "min": 1e-5, "max": 0.1},
                            "opt": {"space": "choice", "values": ["adam", "sgd"], "center": "sgd"}}}
            """#.write(to: json, atomically: true, encoding: .utf8)

        let y = try CLI.run("carbs-space", ["--file", yaml.path])
        #expect(y.status == 0, "\(y.stderr)")
        #expect(y.lines.count == 3)
        #expect(y.lines.first == #"{"param":"lr","space":"log","min":1e-05,"max":0.1,"center":0.001,"scale":1}"#)
        // log10 16 = 1.2041, log10 4096 = 3.6124: center 10^2.408 = sqrt(16 · 4096) = 256, scale = log10(256)/4 = 0.60206
        // (the subtraction log10 4096 − log10 16 may be one ulp off the exact log10 256).
        let width = y.lines.count > 1 ? y.lines[1] : ""
        #expect(width.hasPrefix(#"{"param":"width","space":"log","min":16,"max":4096,"integer":true,"center":256,"scale":0.60205999132796"#))
        let scale = try objects(y).dropFirst().first?["scale"] as? Double
        #expect(abs((scale ?? 0) - log10(256) / 4) < 1e-15)
        #expect(y.lines.last == #"{"param":"opt","space":"choice","values":["adam","lion"],"center":"adam"}"#)
        let j = try CLI.run("carbs-space", ["--file", json.path])
        #expect(j.status == 0, "\(j.stderr)")
        #expect(j.lines == [
            #"{"param":"lr","space":"log","min":1e-05,"max":0.1,"center":0.001,"scale":1}"#,
            #"{"param":"opt","space":"choice","values":["adam","sgd"],"center":"sgd"}"#,
        ])
        // A spec on the command line adds to (or replaces in) the file's space.
        let both = try CLI.run("carbs-space", ["--file", json.path, "lr=log:1e-4:1e-2", "b=log2:8:64:int"])
        #expect(both.lines.count == 3)
        #expect(both.lines.first?.contains(#""min":0.0001"#) == true)
        // A bad file is bad data.
        let bad = dir.appendingPathComponent("bad.yaml")
        try "lr: {space: log, min: 0, max: 1}\n".write(to: bad, atomically: true, encoding: .utf8)
        let b = try CLI.run("carbs-space", ["--file", bad.path])
        #expect(b.status == 65)
        #expect(b.stderr.contains("min > 0"))
    }

    @Test func encodeDecodeRoundTripThroughPipes() throws {
        let r = try CLI.shell("""
            carbs-space lr=log:1e-5:1e-1 b=log2:8:512:int g=logit:0.9:0.999 opt=choice:adam,lion seed=fixed:3 > space.jsonl
            printf '%s\\n' '{"id":"r1","params":{"lr":0.001,"b":64,"g":0.99,"opt":"lion","seed":3},"score":1}' \
                           '{"id":"r2","params":{"lr":1e-5,"b":512,"g":0.9,"opt":"adam","seed":3},"score":2}' > runs.jsonl
            cat space.jsonl runs.jsonl | carbs-space encode > x.jsonl
            cat x.jsonl
            echo ---
            cat space.jsonl x.jsonl | carbs-space decode
            """, cwd: try tempDirectory())
        #expect(r.status == 0, "\(r.stderr)")
        let parts = r.stdout.components(separatedBy: "---\n")
        let encoded = parts[0].split(separator: "\n").map(String.init)
        #expect(encoded.count == 2)
        // lr: (log10 0.001 + 5) / 4 = 0.5; b: (log2 64 − 3) / 6 = 0.5; one-hot opt.
        #expect(encoded[0].hasPrefix(#"{"id":"r1","x":{"lr":0.5,"b":0.5,"g":"#))
        #expect(encoded[0].hasSuffix(#""opt=adam":0,"opt=lion":1}}"#))
        #expect(encoded[1] == #"{"id":"r2","x":{"lr":0,"b":1,"g":0,"opt=adam":1,"opt=lion":0}}"#)
        let decoded = parts.count > 1 ? parts[1].split(separator: "\n").map(String.init) : []
        #expect(decoded.count == 2)
        #expect(decoded.first?.hasPrefix(#"{"id":"r1","params":{"lr":0.001,"b":64,"g":0.99"#) == true)
        #expect(decoded.first?.hasSuffix(#""opt":"lion","seed":3}}"#) == true)
        #expect(decoded.last == #"{"id":"r2","params":{"lr":1e-05,"b":512,"g":0.9,"opt":"adam","seed":3}}"#)
    }

    @Test func spaceFileOverridesLogDeclarations() throws {
        let dir = try tempDirectory()
        try #"{"param":"z","space":"linear","min":10,"max":20}"#.appending("\n")
            .write(to: dir.appendingPathComponent("space.jsonl"), atomically: true, encoding: .utf8)
        let r = try CLI.shell("""
            carbs-space lr=log:1e-5:1e-1 | carbs-space sample --method center --params-only --space space.jsonl
            """, cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == #"{"z":15}"# + "\n")
        // check judges runs against the override as well.
        let c = try CLI.run("carbs-space", ["check", "--space", dir.appendingPathComponent("space.jsonl").path],
                            stdin: #"{"param":"lr","space":"log","min":1e-5,"max":0.1}"# + "\n" + #"{"params":{"lr":0.001},"score":1}"# + "\n")
        #expect(c.status == 65)
        #expect(c.stderr.contains("<stdin>:2: parameter 'z' is missing"))
        #expect(c.stderr.contains("<stdin>:2: unknown parameter 'lr'"))
    }

    @Test func objectiveRecordFromDeclare() throws {
        let r = try CLI.run("carbs-space", ["x=linear:0:1", "--score", "val_loss", "--cost", "seconds", "--minimize"])
        #expect(r.status == 0)
        #expect(r.lines.first == #"{"objective":{"cost":"seconds","goal":"minimize","score":"val_loss"}}"#)
        #expect(r.lines.count == 2)
    }
}
