import Foundation
import Testing
@testable import CARBSCore

@Suite struct DelimitedTableTests {
    @Test func rfc4180QuotingAndLineEnds() throws {
        let text = "a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"two\r\nlines\",\r\n\r\n3,plain\"quote,\"\"\n4,,\"last\""
        let t = try #require(DelimitedTable.parse(text))
        #expect(t.delimiter == .comma)
        #expect(t.header == ["a", "b", "c"])
        #expect(t.headerLine == 1)
        #expect(t.rows == [
            DelimitedTable.Row(line: 2, fields: ["1", "x, y", "say \"hi\""]),
            DelimitedTable.Row(line: 3, fields: ["2", "two\r\nlines", ""]),
            DelimitedTable.Row(line: 6, fields: ["3", "plain\"quote", ""]),
            DelimitedTable.Row(line: 7, fields: ["4", "", "last"]),
        ])
        #expect(t.problems.isEmpty)
    }

    @Test func tabsLoneCRBOMAndBlankLines() throws {
        let t = try #require(DelimitedTable.parse("\u{FEFF}\n\nx\ty\r1\t\"a\tb\"\r\r2\t3\n"))
        #expect(t.delimiter == .tab)
        #expect(t.header == ["x", "y"])
        #expect(t.headerLine == 3)
        #expect(t.rows == [DelimitedTable.Row(line: 4, fields: ["1", "a\tb"]), DelimitedTable.Row(line: 6, fields: ["2", "3"])])
        // A tab inside a quoted header field does not make the table TSV.
        #expect(DelimitedTable.parse("\"a\tb\",c\n1,2\n")?.delimiter == .comma)
    }

    @Test func unterminatedQuoteEmptyAndHeaderOnly() throws {
        let t = try #require(DelimitedTable.parse("a,b\n1,2\n3,\"open\n4,5\n"))
        #expect(t.rows == [DelimitedTable.Row(line: 2, fields: ["1", "2"])])
        #expect(t.problems.map(\.line) == [3])
        #expect(t.problems.first?.message == "quoted field not closed (a \" is missing): the rest of the table is inside it")
        #expect(DelimitedTable.parse("") == nil)
        #expect(DelimitedTable.parse("\n\r\n  ".replacingOccurrences(of: "  ", with: "")) == nil)
        let header = try #require(DelimitedTable.parse("a,b"))
        #expect(header.header == ["a", "b"] && header.rows.isEmpty)
    }

    @Test func manyColumns() throws {
        let header = (0..<100_000).map { "c\($0)" }.joined(separator: ",")
        let t = try #require(DelimitedTable.parse(header + "\n" + String(repeating: "1,", count: 99_999) + "1\n"))
        #expect(t.header.count == 100_000)
        #expect(t.rows.first?.fields.count == 100_000)
    }
}

private func sweep(_ lines: [String]) throws -> SweepLog { try SweepLog.parse(lines.joined(separator: "\n") + "\n") }

private let declarations = [
    #"{"objective":{"score":"acc","cost":"seconds","goal":"maximize"}}"#,
    #"{"param":"lr","space":"log","min":0.0001,"max":0.1}"#,
    #"{"param":"width","space":"log","min":16,"max":512,"integer":true}"#,
    #"{"param":"opt","space":"choice","values":["adam","sgd",1,true,null]}"#,
    #"{"param":"seed","space":"fixed","value":7}"#,
]

private func convert(_ table: String, _ options: RunImport.Options = RunImport.Options(), log: [String] = declarations) throws -> RunImport.Outcome {
    let t = try #require(DelimitedTable.parse(table))
    return try RunImport.convert(t, file: "past.csv", log: try sweep(log), options: options)
}

private func convertError(_ table: String, _ options: RunImport.Options = RunImport.Options()) -> String? {
    do {
        _ = try convert(table, options)
        return nil
    } catch let e as CARBSError {
        return e.description
    } catch {
        return "\(error)"
    }
}

@Suite struct RunImportTests {
    @Test func rowsBecomeResultRecords() throws {
        let out = try convert("""
            id,lr,width,opt,acc,seconds,state,notes
            r1,0.001,64,adam,0.9,12.5,COMPLETE,"a, b"
            r2,0.01,32,True,0.8,3,finished,
            r3,1e-4,512,None,,4,FAIL,
            r4,0.1,16,1,0.7,,ok,
            r5,0.01,16,sgd,0.5,2,RUNNING,
            r6,0.01,16,sgd,0.5,2,PRUNED,
            """, RunImport.Options(idColumn: "id"))
        #expect(out.problems.isEmpty)
        #expect(out.records == [
            #"{"id":"r1","params":{"lr":0.001,"width":64,"opt":"adam","seed":7},"acc":0.9,"kind":"imported","seconds":12.5}"#,
            #"{"id":"r2","params":{"lr":0.01,"width":32,"opt":true,"seed":7},"acc":0.8,"kind":"imported","seconds":3}"#,
            #"{"id":"r3","status":"failed","params":{"lr":0.0001,"width":512,"opt":null,"seed":7},"kind":"imported","seconds":4}"#,
            #"{"id":"r4","params":{"lr":0.1,"width":16,"opt":1,"seed":7},"acc":0.7,"kind":"imported"}"#,
        ])
        #expect(out.notes == ["1 row in state 'PRUNED' left out (not finished runs)", "1 row in state 'RUNNING' left out (not finished runs)"])
    }

    @Test func optunaColumnsAndHashedIds() throws {
        let table = """
            number,value,params_lr,params_opt,params_width,state
            0,0.5,0.001,adam,64,COMPLETE
            1,0.5,0.001,adam,64,COMPLETE
            1,0.5,0.001,adam,64,COMPLETE
            """
        let out = try convert(table, RunImport.Options(scoreColumn: "value"))
        #expect(out.problems.isEmpty)
        #expect(out.records.count == 3)
        #expect(out.notes == ["no cost column 'seconds': runs are recorded without a cost (the tools count 1 each)"])
        let ids = try out.records.map { try #require(decodeObject($0)?["id"]?.stringValue) }
        // Identical rows get distinct ids; the same table the same ids.
        #expect(Set(ids).count == 3)
        #expect(ids.allSatisfy { $0.count == 16 && $0.allSatisfy(\.isHexDigit) })
        #expect(try convert(table, RunImport.Options(scoreColumn: "value")).records == out.records)
        // Rows whose ids are in the log already are left out: a second import adds nothing.
        let again = try convert(table, RunImport.Options(scoreColumn: "value"), log: declarations + out.records)
        #expect(again.records.isEmpty)
        #expect(again.notes.last == "3 rows are already in the log (same id); left out")
        // --prefix names the columns exactly.
        #expect(convertError(table, RunImport.Options(scoreColumn: "value", prefix: "p_"))
            == "past.csv:1: no column for parameter 'lr' (looked for 'p_lr')")
    }

    @Test func badRowsAreReportedWithTheirLines() throws {
        let out = try convert("""
            lr,width,opt,acc,seconds
            0.001,64,adam,0.9,1
            0.001,64,rmsprop,0.9,1
            0.5,64,adam,0.9,1
            0.001,65.5,adam,0.9,1
            0.001,64,adam,nan,1
            0.001,64,adam,,1
            0.001,64,adam,1e999,1
            0.001,64,adam,0.9,-1
            abc,64,adam,0.9,1
            ,64,adam,0.9,1
            0.001,64,adam
            0.001,64,"adam",0.9,1
            """)
        #expect(out.records.count == 2)
        #expect(out.problems.map(\.description) == [
            #"past.csv:3: parameter 'opt' = 'rmsprop' is not one of its values ["adam","sgd",1,true,null]; row skipped"#,
            "past.csv:4: parameter 'lr' = 0.5 is outside [0.0001, 0.1]; row skipped",
            "past.csv:5: parameter 'width' = 65.5 is not a multiple of its step 1; row skipped",
            "past.csv:6: score 'acc' = 'nan' is not a finite number; row skipped",
            "past.csv:7: no score ('acc' is empty); row skipped",
            "past.csv:8: score 'acc' = '1e999' is not a finite number; row skipped",
            "past.csv:9: cost 'seconds' = '-1' is not a positive number; row skipped",
            "past.csv:10: parameter 'lr' = 'abc' is not a number; row skipped",
            "past.csv:11: no value for parameter 'lr'; row skipped",
            "past.csv:12: 3 fields, the header has 5; row skipped",
        ])
    }

    @Test func tableErrors() {
        #expect(convertError("lr,opt,acc\n0.1,adam,1\n") == "past.csv:1: no column for parameter 'width' (looked for 'width', 'params_width')")
        #expect(convertError("lr,width,opt,score\n0.1,16,adam,1\n") == "past.csv:1: no score column 'acc' (name it with --score-column COL, e.g. --score-column value for Optuna)")
        #expect(convertError("lr,width,opt,acc\n0.1,16,adam,1\n", RunImport.Options(costColumn: "time")) == "past.csv:1: no cost column 'time'")
        #expect(convertError("lr,width,opt,acc,lr\n") == "past.csv:1: column 'lr' appears twice (columns 1 and 5)")
        #expect(convertError("lr,width,opt,acc\n", RunImport.Options(idColumn: "run")) == "past.csv:1: no id column 'run'")
        #expect(convertError("lr,width,opt,acc,seed\n0.1,16,adam,1,8\n") == nil)
    }

    @Test func fixedColumnsMustAgree() throws {
        let out = try convert("lr,width,opt,acc,seed\n0.001,16,adam,1,8\n0.001,16,adam,1,7.0\n")
        #expect(out.problems.map(\.description) == ["past.csv:2: parameter 'seed' = '8' differs from its fixed value 7; row skipped"])
        #expect(out.records.count == 1)
    }
}
