import Foundation
import Testing

private func objects(_ r: CLI.Result) throws -> [[String: Any]] {
    try r.lines.map { line in
        let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        return try #require(o, "not an object: \(line)")
    }
}

/// 50 past runs of a 3-parameter space, as Optuna's trials_dataframe().to_csv() would write them (CRLF line ends,
/// a quoted column with commas, quotes and a line break), then a bad row and an unknown choice value.
private func pastRunsCSV() -> String {
    var rows = ["number,value,params_lr,params_opt,params_width,duration_s,state,user_attrs_note"]
    for i in 0..<50 {
        let u = (Double(i) + 0.5) / 50, v = Double((i * 37) % 50) / 49
        let lr = pow(10, -4 + 3 * u)                 // 1e-4 … 1e-1
        let width = Int((16 * pow(32, v)).rounded())   // 16 … 512
        let opt = i % 3 == 0 ? "sgd" : "adam"
        let acc = 0.9 - 0.1 * pow(log10(lr) + 2.5, 2) + 0.02 * log2(Double(width)) / 9 - (opt == "sgd" ? 0.05 : 0)
        let note = i == 7 ? "\"two\r\nlines, \"\"quoted\"\"\"" : "\"lr=\(lr), width=\(width)\""
        rows.append("\(i),\(acc),\(lr),\(opt),\(width),\(1 + Double(width) / 64),COMPLETE,\(note)")
    }
    rows.append("50,0.5,0.001,adam,abc,1,COMPLETE,bad width")     // line 53 (row 7 spans two lines)
    rows.append("51,0.5,0.001,rmsprop,64,1,COMPLETE,unknown")      // line 54
    rows.append("52,,0.001,adam,64,1,FAIL,failed")                  // line 55: a failed run
    return rows.joined(separator: "\r\n") + "\r\n"
}

private let spaceSpecs = "carbs-space lr=log:1e-4:1e-1 opt=choice:adam,sgd width=log:16:512:int --score acc --cost seconds --maximize"

@Suite struct ImportCLITests {
    @Test func fiftyPastRunsWarmStartTheSearch() throws {
        let dir = try interopTempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try pastRunsCSV().write(to: dir.appendingPathComponent("past.csv"), atomically: true, encoding: .utf8)
        let declared = try CLI.shell("\(spaceSpecs) > sweep.jsonl", cwd: dir)
        #expect(declared.status == 0)

        let imported = try CLI.shell(
            "carbs-space import --table past.csv --score-column value --cost-column duration_s < sweep.jsonl > runs.jsonl; cat runs.jsonl",
            cwd: dir)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr == """
            past.csv:53: parameter 'width' = 'abc' is not a number; row skipped
            past.csv:54: parameter 'opt' = 'rmsprop' is not one of its values ["adam","sgd"]; row skipped

            """)
        let records = try objects(imported)
        #expect(records.count == 51)
        #expect(records.filter { $0["status"] as? String == "failed" }.count == 1)
        #expect(records.allSatisfy { $0["kind"] as? String == "imported" })
        let first = try #require(records.first)
        #expect(first["acc"] is Double && first["seconds"] is Double)
        let params = try #require(first["params"] as? [String: Any])
        #expect(Set(params.keys) == ["lr", "opt", "width"])
        #expect(Set(records.compactMap { $0["id"] as? String }).count == 51)

        // Appended after the declarations, the runs are the data of the models and of the next suggestion.
        let appended = try CLI.shell("cat runs.jsonl >> sweep.jsonl && carbs-space check sweep.jsonl && carbs-fit sweep.jsonl", cwd: dir)
        #expect(appended.status == 0, "\(appended.stderr)")
        let models = try objects(appended)
        let score = try #require(models.first { $0["model"] as? String == "score" })
        #expect(score["observations"] as? Double == 50)
        let success = try #require(models.first { $0["model"] as? String == "success" })
        #expect(success["observations"] as? Double == 51)
        #expect(success["failures"] as? Double == 1)
        let suggestion = try CLI.run("carbs-suggest", ["sweep.jsonl"], cwd: dir)
        #expect(suggestion.status == 0, "\(suggestion.stderr)")
        let kind = try #require(try objects(suggestion).first?["kind"] as? String)
        #expect(kind != "initial" && kind != "sobol", "\(kind)")

        // Importing the same table again adds nothing.
        let again = try CLI.run("carbs-space", ["import", "--table", "past.csv", "--score-column", "value", "--cost-column", "duration_s", "sweep.jsonl"], cwd: dir)
        #expect(again.status == 0)
        #expect(again.stdout.isEmpty)
        #expect(again.stderr.hasSuffix("past.csv: 51 rows are already in the log (same id); left out\n"))

        // With --strict the first bad row is fatal, and nothing is printed.
        let strict = try CLI.shell("carbs-space import --strict --table past.csv --score-column value --cost-column duration_s < sweep.jsonl", cwd: dir)
        #expect(strict.status == 65)
        #expect(strict.stdout.isEmpty)
        #expect(strict.stderr == "past.csv:53: parameter 'width' = 'abc' is not a number; row skipped\n")

        // --id-column takes the ids from the table.
        let ids = try CLI.shell("\(spaceSpecs) | carbs-space import --table past.csv --score-column value --id-column number | head -1", cwd: dir)
        #expect(ids.stdout.hasPrefix(#"{"id":"0","params":{"lr":0.00010715193052376059,"opt":"sgd","width":16},"acc":"#), "\(ids.stdout)")
        #expect(ids.stderr.contains("past.csv: no cost column 'seconds': runs are recorded without a cost (the tools count 1 each)"))
    }

    @Test func tsvAndPlainColumnNames() throws {
        let dir = try interopTempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "lr\topt\twidth\tacc\tseconds\n0.001\tadam\t64\t0.8\t2\n0.01\t\"sgd\"\t32\t0.7\t1\n"
            .write(to: dir.appendingPathComponent("past.tsv"), atomically: true, encoding: .utf8)
        let r = try CLI.shell("\(spaceSpecs) | carbs-space import --table past.tsv", cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        let records = try objects(r)
        #expect(records.count == 2)
        #expect((records[1]["params"] as? [String: Any])?["opt"] as? String == "sgd")
    }

    @Test func hostileTables() throws {
        let dir = try interopTempDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "\(spaceSpecs) > sweep.jsonl".write(to: dir.appendingPathComponent("make.sh"), atomically: true, encoding: .utf8)
        _ = try CLI.shell("bash make.sh", cwd: dir)
        func importing(_ table: String, _ extra: [String] = []) throws -> CLI.Result {
            try table.write(to: dir.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
            return try CLI.run("carbs-space", ["import", "--table", "t.csv", "sweep.jsonl"] + extra, cwd: dir)
        }
        let empty = try importing("")
        #expect(empty.status == 66)
        #expect(empty.stderr == "t.csv: empty table (expected a header line of column names)\n")
        let missing = try CLI.run("carbs-space", ["import", "--table", "nope.csv", "sweep.jsonl"], cwd: dir)
        #expect(missing.status == 66)
        let bothStdin = try CLI.run("carbs-space", ["import", "--table", "-"], cwd: dir)
        #expect(bothStdin.status == 64)
        let noColumn = try importing("lr,opt,acc\n0.01,adam,1\n")
        #expect(noColumn.status == 65)
        #expect(noColumn.stderr == "t.csv:1: no column for parameter 'width' (looked for 'width', 'params_width')\n")
        // A million columns: read, and refused for what is missing, not a crash.
        let wide = (0..<1_000_000).map { "c\($0)" }.joined(separator: ",")
        let million = try importing(wide + "\n")
        #expect(million.status == 65)
        #expect(million.stderr.hasPrefix("t.csv:1: no column for parameter 'lr'"))
        // Huge, non-finite and hexadecimal numbers, unknown states, an unclosed quote.
        let odd = try importing("""
            lr,opt,width,acc,seconds,state
            1e308,adam,64,1,1,COMPLETE
            0.01,adam,64,inf,1,COMPLETE
            0.01,adam,64,NaN,1,COMPLETE
            0.01,adam,1e400,1,1,COMPLETE
            0.01,adam,64,1,1,exploded
            0.01,adam,64,1,1,COMPLETE
            0.01,adam,"64,1,1,COMPLETE

            """)
        #expect(odd.status == 0)
        #expect(odd.lines.count == 1)
        #expect(odd.stderr == """
            t.csv:2: parameter 'lr' = 1e+308 is outside [0.0001, 0.1]; row skipped
            t.csv:3: score 'acc' = 'inf' is not a finite number; row skipped
            t.csv:4: score 'acc' = 'NaN' is not a finite number; row skipped
            t.csv:5: parameter 'width' is not finite; row skipped
            t.csv:6: unknown state 'exploded' (expected COMPLETE/finished, FAIL/failed/crashed, or RUNNING/PRUNED to leave a row out); row skipped
            t.csv:8: quoted field not closed (a " is missing): the rest of the table is inside it

            """)
    }
}
