import Foundation
import Testing
@testable import CARBSCore

/// Report/RunText.swift and the result fields of Report/ResultRecord.swift: the text formats for scripts.
@Suite struct RunTextTests {
    @Test(arguments: [
        ("adam", "adam"),
        ("0.001", "0.001"),
        ("--lr=1e-05", "--lr=1e-05"),
        ("a b", "'a b'"),
        ("it's", "'it'\\''s'"),
        ("$(touch pwned)", "'$(touch pwned)'"),
        ("`id`", "'`id`'"),
        ("", "''"),
        ("*", "'*'"),
        ("~", "'~'"),
        ("=cmd", "'=cmd'"),
        ("a\nb", "'a\nb'"),
        ("'\u{301}", "''\\''\u{301}'"),
    ])
    func shellQuoting(_ input: String, _ expected: String) {
        #expect(ShellWord.quote(input) == expected)
    }

    @Test func shellNames() {
        #expect(ShellWord.isIdentifier("lr") && ShellWord.isIdentifier("_x9") && ShellWord.isIdentifier("Batch_Size"))
        #expect(!ShellWord.isIdentifier("") && !ShellWord.isIdentifier("9x") && !ShellWord.isIdentifier("learning-rate"))
        #expect(!ShellWord.isIdentifier("a.b") && !ShellWord.isIdentifier("é"))
        #expect(RunText.shellNameProblem(["lr", "width"]) == nil)
        #expect(RunText.shellNameProblem(["lr", "learning-rate"])?.contains("'learning-rate' is not a shell variable name") == true)
        for reserved in ["PATH", "IFS", "CARBS_ID", "BASH_ENV", "LD_PRELOAD", "LC_ALL"] {
            #expect(RunText.shellNameProblem([reserved])?.contains("would overwrite") == true, "\(reserved)")
        }
    }

    @Test func tsvCells() {
        #expect(TSVCell.escape("plain") == "plain")
        #expect(TSVCell.escape("a\tb\nc\\d\re") == #"a\tb\nc\\d\re"#)
    }

    @Test func linesInEachFormat() {
        let runs = [
            RunLine(id: "r1", params: [("lr", .number(0.001)), ("epochs", .number(10)), ("opt", .string("a b"))]),
            RunLine(id: "r2", params: [("lr", .number(1e-5)), ("epochs", .number(3)), ("opt", .string("x\ty"))]),
        ]
        let names = ["lr", "epochs", "opt"]
        #expect(RunText.lines(Array(runs.prefix(1)), format: .shell, names: names)
            == ["CARBS_ID=r1", "lr=0.001", "epochs=10", "opt='a b'"])
        #expect(RunText.lines(runs, format: .args, names: names)
            == ["--carbs-id=r1 --lr=0.001 --epochs=10 '--opt=a b'", "--carbs-id=r2 --lr=1e-05 --epochs=3 '--opt=x\ty'"])
        #expect(RunText.lines(Array(runs.prefix(1)), format: .args, names: names, idOption: nil) == ["--lr=0.001 --epochs=10 '--opt=a b'"])
        #expect(RunText.lines(Array(runs.prefix(1)), format: .args, names: names, idOption: "run_name").first?.hasPrefix("--run_name=r1 ") == true)
        #expect(RunText.lines(runs, format: .tsv, names: names)
            == ["id\tlr\tepochs\topt", "r1\t0.001\t10\ta b", "r2\t1e-05\t3\tx\\ty"])
        #expect(RunText.lines(runs, format: .json, names: names).isEmpty)
        #expect(RunText.plain(.bool(true)) == "true" && RunText.plain(.number(-2.5)) == "-2.5")
    }

    // MARK: result fields

    @Test func fieldsFromKeyValueWords() throws {
        let f = try ResultRecord.fields(output: "epoch 1 loss 3\nepoch 2\nscore=0.91  cost=812\tnote=ok\n\n", file: "out")
        #expect(f == ["score": .number(0.91), "cost": .number(812), "note": .string("ok")])
    }

    @Test func fieldsFromAJSONLastLine() throws {
        let f = try ResultRecord.fields(output: "training…\r\n{\"score\": -1.5, \"cost\": 2, \"tag\": \"a b\"}\r\n", file: "out")
        #expect(f == ["score": .number(-1.5), "cost": .number(2), "tag": .string("a b")])
    }

    @Test func badOutputNamesTheFileAndLine() {
        func message(_ text: String) -> String? {
            do {
                _ = try ResultRecord.fields(output: text, file: "train.out")
                return nil
            } catch {
                return error.description
            }
        }
        #expect(message("") == "train.out: no result: the output is empty (expected KEY=VALUE words or a JSON object on its last line)")
        #expect(message("score=1\nDone.\n")?.hasPrefix("train.out:2: expected KEY=VALUE words") == true)
        #expect(message("{\"score\":1,}")?.hasPrefix("train.out:1: invalid JSON: a trailing comma") == true)
        #expect(message("id=x score=1") == "train.out:1: a result cannot set 'id'")
        #expect(message("{\"params\":{},\"score\":1}") == "train.out:1: a result cannot set 'params'")
        #expect(message("=1") != nil)
    }

    @Test func valuesOverrideAndAreChecked() throws {
        #expect(try ResultRecord.fields(values: ["score=2", "cost=abc"]) == ["score": .number(2), "cost": .string("abc")])
        #expect(throws: CARBSError.self) { try ResultRecord.fields(values: ["status=failed"]) }
        #expect(throws: CARBSError.self) { try ResultRecord.fields(values: ["nokey"]) }
    }
}
