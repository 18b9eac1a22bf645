import Foundation
import Testing

/// Shell-ready suggestions (--format shell|args|tsv), one-pipe results (--record ID --from), and carbs-plot without
/// a subcommand, run through a real bash as a sweep script runs them.
@Suite struct ScriptingCLITests {
    /// Choice values that a careless quoting would run or split; each must reach the program literally.
    static let hostile = [
        "$(touch pwned)", "`touch pwned`", "a b", "it's", "line1\nline2", "; touch pwned", "*", "'\u{301}$(touch pwned)",
        "\"$(touch pwned)\"", "\\", "--x", "tab\there", "$HOME", "{a,b}", "~",
    ]

    /// A log whose space is one choice centered on `value` (so the first suggestion is `value`), plus a number.
    static func log(centeredOn value: String, in dir: URL) throws -> URL {
        let values = [value, "other"].map { v in "\"" + v.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t") + "\"" }
        let text = """
            {"param":"opt","space":"choice","values":[\(values.joined(separator: ","))],"center":\(values[0])}
            {"param":"lr","space":"log","min":1e-05,"max":0.1}

            """
        let url = dir.appendingPathComponent("sweep.jsonl")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test(arguments: hostile)
    func shellFormatCarriesEveryValueLiterally(_ value: String) throws {
        let dir = try CLI.scratch("shell")
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try Self.log(centeredOn: value, in: dir)
        let r = try CLI.shell("""
            eval "$(carbs-suggest --format shell < sweep.jsonl)"
            printf '%s' "$opt" > opt.out; printf '%s' "$CARBS_ID" > id.out; printf '%s' "$lr" > lr.out
            """, cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOf: dir.appendingPathComponent("opt.out"), encoding: .utf8) == value)
        #expect(try String(contentsOf: dir.appendingPathComponent("lr.out"), encoding: .utf8) == "0.001")
        let json = try CLI.run("carbs-suggest", [dir.appendingPathComponent("sweep.jsonl").path])
        let id = try String(contentsOf: dir.appendingPathComponent("id.out"), encoding: .utf8)
        #expect(json.stdout.hasPrefix("{\"id\":\"\(id)\","), "the shell id is the JSON record's id")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("pwned").path), "a value ran code")
    }

    @Test(arguments: hostile)
    func argsFormatCarriesEveryValueLiterally(_ value: String) throws {
        let dir = try CLI.scratch("args")
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try Self.log(centeredOn: value, in: dir)
        let r = try CLI.shell("""
            eval "set -- $(carbs-suggest --format args < sweep.jsonl)"
            printf '%s\\0' "$@" > args.out
            # Unquoted, as in `python train.py $(carbs-suggest --format args)`: words may split, nothing may run.
            printf '%s\\n' $(carbs-suggest --format args < sweep.jsonl) > /dev/null
            """, cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let words = try String(contentsOf: dir.appendingPathComponent("args.out"), encoding: .utf8)
            .split(separator: "\0", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(words.count == 3)
        #expect(words.first?.hasPrefix("--carbs-id=") == true)
        #expect(words.dropFirst().first == "--opt=" + value)
        #expect(words.last == "--lr=0.001")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("pwned").path), "a value ran code")
    }

    @Test func plainArgsWorkUnquotedAndTheIDOptionCanBeRenamed() throws {
        let dir = try CLI.scratch("args-plain")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.shell("""
            carbs-space lr=log:1e-5:1e-1 epochs=log:1:100:int opt=choice:adam,lion > s.jsonl
            printf '%s\\n' $(carbs-suggest --format args < s.jsonl)
            carbs-suggest --format args --id-option run_name < s.jsonl
            carbs-suggest --format args --id-option '' < s.jsonl
            """, cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.lines.count == 6)
        #expect(r.lines[0].hasPrefix("--carbs-id=") && r.lines[0].count == "--carbs-id=".count + 16)
        #expect(Array(r.lines[1...3]) == ["--lr=0.001", "--epochs=10", "--opt=adam"])
        #expect(r.lines[4].hasPrefix("--run_name=") && r.lines[4].hasSuffix(" --lr=0.001 --epochs=10 --opt=adam"))
        #expect(r.lines[5] == "--lr=0.001 --epochs=10 --opt=adam")
    }

    @Test func tsvBatchReadsWithWhileRead() throws {
        let dir = try CLI.scratch("tsv")
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try Self.log(centeredOn: "tab\there", in: dir)
        let r = try CLI.shell("""
            carbs-suggest -n 3 --log sweep.jsonl --format tsv > batch.tsv
            { read -r header; while IFS=$'\\t' read -r id opt lr; do echo "$id|$opt|$lr"; done; } < batch.tsv
            head -1 batch.tsv
            """, cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.lines.count == 4)
        #expect(r.lines.last == "id\topt\tlr")
        let rows = r.lines.dropLast().map { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.allSatisfy { $0.count == 3 && $0[0].count == 16 })
        #expect(Set(rows.map { $0[0] }).count == 3, "a batch is three distinct runs")
        #expect(rows[0][1] == #"tab\there"#, "a tab inside a value is escaped, so the row keeps its columns")
        // The log got the JSON pending records of the same ids.
        let log = try String(contentsOf: dir.appendingPathComponent("sweep.jsonl"), encoding: .utf8)
        for row in rows { #expect(log.contains("{\"id\":\"\(row[0])\",\"status\":\"pending\"")) }
    }

    @Test func shellRefusesNamesThatAreNotVariablesAndLeavesTheLogAlone() throws {
        let dir = try CLI.scratch("names")
        defer { try? FileManager.default.removeItem(at: dir) }
        for (spec, message) in [("learning-rate=log:1e-5:1e-1", "parameter 'learning-rate' is not a shell variable name"),
                                ("PATH=linear:0:1", "parameter 'PATH' would overwrite the shell variable PATH")] {
            let log = dir.appendingPathComponent("s.jsonl")
            let space = try CLI.run("carbs-space", [spec])
            try space.stdout.write(to: log, atomically: true, encoding: .utf8)
            let before = try Data(contentsOf: log)
            let r = try CLI.run("carbs-suggest", ["--log", log.path, "--format", "shell"])
            #expect(r.status == 65)
            #expect(r.stderr.hasPrefix("\(log.path): --format shell: \(message)") && r.stderr.hasSuffix("; use --format args or tsv\n"))
            #expect(r.stdout.isEmpty)
            #expect(try Data(contentsOf: log) == before, "a refused suggestion appends nothing")
            let sample = try CLI.run("carbs-space", ["sample", "--format", "shell", log.path])
            #expect(sample.status == 65 && sample.stderr.contains(message))
            let args = try CLI.run("carbs-suggest", ["--format", "args", log.path])
            #expect(args.status == 0 && args.stdout.contains(" --\(spec.prefix { $0 != "=" })="))
            let tsv = try CLI.run("carbs-space", ["sample", "-n", "2", "--format", "tsv", log.path])
            #expect(tsv.status == 0 && tsv.lines.first == "id\t\(spec.prefix { $0 != "=" })" && tsv.lines.count == 3)
        }
        let many = try CLI.run("carbs-suggest", ["-n", "2", "--format", "shell"], stdin: "{\"param\":\"x\",\"space\":\"linear\",\"min\":0,\"max\":1}\n")
        #expect(many.status == 64 && many.stderr.contains("--format shell sets the variables of one run"))
        let paramsOnly = try CLI.run("carbs-space", ["sample", "--params-only", "--format", "tsv"], stdin: "{\"param\":\"x\",\"space\":\"linear\",\"min\":0,\"max\":1}\n")
        #expect(paramsOnly.status == 64)
    }

    @Test func sampleFormatsMatchItsRecords() throws {
        let space = try CLI.run("carbs-space", ["x=linear:0:1", "n=log:1:64:int", "opt=choice:a,b"]).stdout
        let json = try CLI.run("carbs-space", ["sample", "-n", "4", "--seed", "3"], stdin: space)
        let tsv = try CLI.run("carbs-space", ["sample", "-n", "4", "--seed", "3", "--format", "tsv"], stdin: space)
        #expect(json.status == 0 && tsv.status == 0)
        struct Pending: Decodable { var id: String; var params: [String: Value] }
        enum Value: Decodable, CustomStringConvertible {
            case number(Double), string(String)
            init(from d: Decoder) throws {
                let c = try d.singleValueContainer()
                if let x = try? c.decode(Double.self) { self = .number(x) } else { self = .string(try c.decode(String.self)) }
            }
            var description: String {
                switch self {
                case .number(let x): return x == x.rounded() ? String(Int(x)) : "\(x)"
                case .string(let s): return s
                }
            }
        }
        let records = try json.lines.map { try JSONDecoder().decode(Pending.self, from: Data($0.utf8)) }
        let expected = ["id\tx\tn\topt"] + records.map { r in
            ([r.id] + ["x", "n", "opt"].map { r.params[$0]?.description ?? "?" }).joined(separator: "\t")
        }
        #expect(tsv.lines == expected)
    }

    // MARK: --record ID --from

    @Test func recordFromAPipe() throws {
        let dir = try CLI.scratch("from")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.shell("""
            carbs-space lr=log:1e-5:1e-1 epochs=log:1:100:int > s.jsonl
            eval "$(carbs-suggest --log s.jsonl --format shell)"
            printf 'epoch 1: loss=0.7\\nscore=0.5 cost=10 note=ok\\n' | carbs-suggest --log s.jsonl --record "$CARBS_ID" --from -
            eval "$(carbs-suggest --log s.jsonl --format shell)"
            printf '{"score": 0.75, "cost": 12}\\n' > out.txt
            carbs-suggest --log s.jsonl --record "$CARBS_ID" --from out.txt --value cost=13
            grep -v '"status":"pending"' s.jsonl | tail -2
            """, cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        #expect(r.lines.count == 2)
        #expect(r.lines[0].hasSuffix(#""params":{"lr":0.001,"epochs":10},"cost":10,"note":"ok","score":0.5}"#))
        #expect(r.lines[1].hasSuffix(#","cost":13,"score":0.75}"#), "--value overrides --from")
    }

    @Test func badTrainerOutputChangesNothing() throws {
        let dir = try CLI.scratch("from-bad")
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("s.jsonl")
        try CLI.run("carbs-space", ["lr=log:1e-5:1e-1"]).stdout.write(to: log, atomically: true, encoding: .utf8)
        let pending = try CLI.run("carbs-suggest", ["--log", log.path])
        let id = String(pending.stdout.dropFirst(7).prefix(16))
        let before = try Data(contentsOf: log)
        for (output, status, message) in [
            ("", Int32(65), "<stdin>: no result: the output is empty"),
            ("score=1\nTraceback (most recent call last):\n", 65, "<stdin>:2: expected KEY=VALUE words or a JSON object on the last line, got 'Traceback'"),
            ("{\"score\":1,}\n", 65, "<stdin>:1: invalid JSON: a trailing comma"),
            ("cost=3\n", 64, "--record needs --value score=NUMBER"),
        ] {
            let r = try CLI.run("carbs-suggest", ["--log", log.path, "--record", id, "--from", "-"], stdin: output)
            #expect(r.status == status, "\(output)")
            #expect(r.stderr.contains(message), "\(r.stderr)")
            #expect(try Data(contentsOf: log) == before)
        }
        let missing = try CLI.run("carbs-suggest", ["--log", log.path, "--record", id, "--from", dir.appendingPathComponent("nope").path])
        #expect(missing.status == 66)
        let noRecord = try CLI.run("carbs-suggest", ["--log", log.path, "--from", "-"], stdin: "score=1")
        #expect(noRecord.status == 64 && noRecord.stderr.contains("go with --record ID"))
    }

    // MARK: carbs-plot without a subcommand

    @Test func plotWithoutASubcommandDrawsTheScatter() throws {
        let dir = try CLI.scratch("plot")
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("s.jsonl")
        var text = try CLI.run("carbs-space", ["x=linear:0:1"]).stdout
        for i in 1...12 { text += "{\"params\":{\"x\":\(Double(i) / 13)},\"score\":\(i % 5),\"cost\":\(i)}\n" }
        try text.write(to: log, atomically: true, encoding: .utf8)
        let scatter = try CLI.run("carbs-plot", ["scatter", "--ascii", "--width", "50", "--height", "12", log.path])
        let bare = try CLI.run("carbs-plot", ["--ascii", "--width", "50", "--height", "12"], stdin: text)
        let file = try CLI.run("carbs-plot", [log.path, "--ascii", "--width", "50", "--height", "12"])
        #expect(scatter.status == 0 && scatter.stdout.contains("score vs cost: 12 runs"))
        #expect(bare.status == 0 && bare.stdout == scatter.stdout)
        #expect(file.status == 0 && file.stdout == scatter.stdout)
        let help = try CLI.run("carbs-plot", ["--help"])
        #expect(help.status == 0 && help.stdout.contains("Without a subcommand, carbs-plot draws the scatter"))
    }
}
