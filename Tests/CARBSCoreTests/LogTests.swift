import Foundation
import Testing
@testable import CARBSCore

private let head = #"{"param":"x","space":"linear","min":0,"max":1}"#

private func parse(_ lines: [String], strict: Bool = false, objective: ObjectiveOverrides = ObjectiveOverrides()) throws -> SweepLog {
    try SweepLog.parse(lines.joined(separator: "\n") + "\n", options: SweepLog.Options(file: "t.jsonl", strict: strict, objective: objective))
}

/// The only diagnostic of a log whose second line is `line`.
private func diagnostic(_ line: String) throws -> Diagnostic? {
    let log = try parse([head, line])
    #expect(log.diagnostics.count == 1, "\(line) → \(log.diagnostics)")
    return log.diagnostics.first
}

/// Feeds bytes through a pipe into a LineReader.
private func readLines(_ bytes: [UInt8], chunkSize: Int = 4) throws -> [LineReader.Line] {
    var fds: [Int32] = [0, 0]
    #expect(pipe(&fds) == 0)
    let written = bytes.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
    #expect(written == bytes.count)
    close(fds[1])
    defer { close(fds[0]) }
    var r = LineReader(fileDescriptor: fds[0], chunkSize: chunkSize)
    var out: [LineReader.Line] = []
    while let l = try r.next() { out.append(l) }
    return out
}

@Suite struct LineReaderTests {
    @Test func splitsLinesAcrossChunksAndDropsCR() throws {
        let lines = try readLines(Array("ab\r\n\ncdefghij\nlast".utf8), chunkSize: 3)
        #expect(lines.map { String(decoding: $0.bytes, as: UTF8.self) } == ["ab", "", "cdefghij", "last"])
        #expect(lines.map(\.number) == [1, 2, 3, 4])
        #expect(lines.map(\.complete) == [true, true, true, false])
    }

    @Test func emptyInputHasNoLines() throws {
        #expect(try readLines([]).isEmpty)
        #expect(try readLines(Array("x\n".utf8)).map(\.complete) == [true])
    }

    /// With a limit, nothing past it is read, whatever the chunk size: bytes another process appended after the
    /// size was taken are never seen, and a limit inside a line leaves that line incomplete.
    @Test func aLimitStopsTheReadThere() throws {
        let text = Array("one\ntwo\nthree\nfour\n".utf8)
        for chunk in [1, 3, 4, 64] {
            for (limit, expected, complete) in [(Int64(8), ["one", "two"], [true, true]),
                                                (Int64(10), ["one", "two", "th"], [true, true, false]),
                                                (Int64(0), [], []),
                                                (Int64(100), ["one", "two", "three", "four"], [true, true, true, true])] {
                var fds: [Int32] = [0, 0]
                #expect(pipe(&fds) == 0)
                _ = text.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
                close(fds[1])
                defer { close(fds[0]) }
                var r = LineReader(fileDescriptor: fds[0], chunkSize: chunk, limit: limit)
                var lines: [LineReader.Line] = []
                while let l = try r.next() { lines.append(l) }
                #expect(lines.map { String(decoding: $0.bytes, as: UTF8.self) } == expected, "chunk \(chunk), limit \(limit)")
                #expect(lines.map(\.complete) == complete, "chunk \(chunk), limit \(limit)")
                // What the reader left is still in the pipe, unread.
                var rest = [UInt8](repeating: 0, count: 64)
                let n = rest.withUnsafeMutableBytes { read(fds[0], $0.baseAddress, 64) }
                #expect(n == max(0, text.count - Int(limit)), "chunk \(chunk), limit \(limit)")
            }
        }
    }
}

@Suite struct RecordReaderTests {
    @Test func blankLinesAndCRLF() throws {
        let text = "\r\n" + head + "\r\n   \r\n\t\n" + #"{"id":"a","params":{"x":0.5},"score":1}"# + "\r\n"
        let log = try SweepLog.parse(text)
        #expect(log.diagnostics.isEmpty)
        #expect(log.recordCount == 2)
        #expect(log.space.names == ["x"])
        #expect(log.runs.count == 1)
        #expect(log.runs.first?.line == 5)   // blank lines still count for line numbers
        #expect(!log.endsWithoutNewline)
    }

    @Test func tornLastLine() throws {
        // A whole record without a final newline is accepted.
        let ok = try SweepLog.parse(head + "\n" + #"{"params":{"x":0.5},"score":1}"#)
        #expect(ok.runs.count == 1 && ok.diagnostics.isEmpty && ok.endsWithoutNewline)
        // A torn one is reported as such and skipped.
        let torn = try SweepLog.parse(head + "\n" + #"{"params":{"x":0.5},"sco"#, options: SweepLog.Options(file: "t.jsonl"))
        #expect(torn.runs.isEmpty)
        #expect(torn.diagnostics.count == 1)
        #expect(torn.diagnostics.first?.line == 2)
        #expect(torn.diagnostics.first?.description.hasPrefix("t.jsonl:2: invalid JSON") == true)
        #expect(torn.diagnostics.first?.message.contains("incomplete") == true)
    }

    @Test(arguments: [
        ("{not json", "invalid JSON"),
        (#"{"params":{"x":0.5},"score":1e400}"#, "invalid JSON"),
        ("[1,2]", "must be a JSON object, got an array"),
        ("42", "must be a JSON object, got a number"),
        (#""text""#, "must be a JSON object, got a string"),
        (#"{"params":[1]}"#, "'params' must be an object, got an array"),
        (#"{"id":true,"params":{"x":1},"score":1}"#, "'id' must be a string, got a boolean"),
        (#"{"params":{"x":1},"score":"high"}"#, "'score' must be a number, got a string"),
        (#"{"params":{"x":1},"score":null}"#, "'score' must be a number, got null"),
        (#"{"params":{"x":1},"score":1,"cost":0}"#, "'cost' must be a positive finite number, got 0"),
        (#"{"params":{"x":1},"score":1,"cost":-3}"#, "'cost' must be a positive finite number, got -3"),
        (#"{"params":{"x":1},"score":1,"cost":"1s"}"#, "'cost' must be a number, got a string"),
        (#"{"params":{"x":1}}"#, "run has no 'score' and no \"status\""),
        (#"{"params":{"x":1},"status":"success"}"#, "successful run has no 'score'"),
        (#"{"params":{"x":1},"status":"weird"}"#, "'status' must be \"success\", \"failed\" or \"pending\""),
        (#"{"params":{"x":1},"status":"pending"}"#, "pending run has no 'id'"),
        (#"{"param":"y","space":"log","min":0,"max":1}"#, "a log space needs min > 0"),
        (#"{"objective":{"score":"loss","goal":"down"}}"#, "'goal' must be"),
        (#"{"objective":"loss"}"#, "'objective' must be an object"),
    ])
    func badLinesAreReportedAndSkipped(line: String, expected: String) throws {
        let d = try diagnostic(line)
        #expect(d?.line == 2)
        #expect(d?.file == "t.jsonl")
        #expect(d?.message.contains(expected) == true, "\(line) → \(d?.message ?? "nothing")")
    }

    @Test func invalidUTF8() throws {
        var bytes = Array((head + "\n").utf8)
        bytes += Array(#"{"params":{"x":"#.utf8) + [0xFF, 0xFE] + Array("}}\n".utf8)
        var b = SweepLog.Builder(options: SweepLog.Options(file: "t.jsonl"))
        var n = 0
        for part in bytes.split(separator: 10, omittingEmptySubsequences: false).dropLast() {
            n += 1
            try b.add(LineReader.Line(number: n, bytes: Array(part), complete: true))
        }
        let log = try b.finish()
        #expect(log.diagnostics.map(\.description) == ["t.jsonl:2: line is not valid UTF-8"])
    }

    @Test func statusValues() throws {
        let log = try parse([
            head,
            #"{"id":"s","params":{"x":0.1},"score":2}"#,                           // success by its score
            #"{"id":"f","params":{"x":0.2},"status":"failed"}"#,                 // failed, no cost
            #"{"id":"g","params":{"x":0.3},"status":"failed","score":"nan?","cost":0}"#,  // failed: score ignored, cost 0 allowed
            #"{"id":"p","params":{"x":0.4},"status":"pending","cost":-1}"#,      // pending: cost ignored
            #"{"id":"o","params":{"x":0.5},"status":"ok","score":3,"cost":2.5}"#, // alias of success
            #"{"id":"c","params":{"x":0.6},"status":"crashed"}"#,                // alias of failed
            #"{"id":"r","params":{"x":0.7},"status":"running"}"#,                // alias of pending
        ])
        #expect(log.diagnostics.isEmpty, "\(log.diagnostics)")
        #expect(log.runs.map(\.id) == ["s", "f", "g", "p", "o", "c", "r"])
        #expect(log.runs.map(\.status) == [.success, .failed, .failed, .pending, .success, .failed, .pending])
        #expect(log.runs.map(\.score) == [2, nil, nil, nil, 3, nil, nil])
        // Cost defaults to 1 for a success that has none.
        #expect(log.runs.map(\.cost) == [1, nil, 0, nil, 2.5, nil, nil])
        #expect(log.successes.count == 2 && log.failures.count == 3 && log.pending.count == 2)
    }

    @Test func pendingIsResolvedByItsResult() throws {
        let log = try parse([
            head,
            #"{"id":"a","params":{"x":0.1},"status":"pending"}"#,
            #"{"id":"b","params":{"x":0.2},"status":"pending"}"#,
            #"{"id":"a","params":{"x":0.1},"score":5,"cost":3}"#,
        ])
        #expect(log.diagnostics.isEmpty)
        // b stays pending; a's result takes the place of its pending record at the result's position.
        #expect(log.runs.map(\.id) == ["b", "a"])
        #expect(log.runs.map(\.status) == [.pending, .success])
        #expect(log.runs.last?.line == 4)
        #expect(log.runs.last?.score == 5)
    }

    @Test func duplicateIds() throws {
        let log = try parse([
            head,
            #"{"id":"a","params":{"x":0.1},"score":5}"#,
            #"{"id":"a","params":{"x":0.1},"score":6}"#,
            #"{"id":"a","params":{"x":0.1},"status":"pending"}"#,
            #"{"id":"b","params":{"x":0.1},"status":"pending"}"#,
            #"{"id":"b","params":{"x":0.1},"status":"pending"}"#,
        ])
        #expect(log.runs.map(\.id) == ["a", "b"])
        #expect(log.runs.first?.score == 5)   // the first result wins
        #expect(log.diagnostics.map(\.line) == [3, 4, 6])
        #expect(log.diagnostics[0].message == "second result for id 'a' (first at line 2); ignored")
        #expect(log.diagnostics[1].message.contains("pending record for id 'a' after its result"))
        #expect(log.diagnostics[2].message.contains("duplicate pending record for id 'b'"))
        // Runs without ids are separate runs, even with identical params.
        let anon = try parse([head, #"{"params":{"x":0.1},"score":1}"#, #"{"params":{"x":0.1},"score":2}"#])
        #expect(anon.runs.count == 2 && anon.diagnostics.isEmpty)
        // A numeric id is read as its text.
        #expect(try parse([head, #"{"id":7,"params":{"x":0.1},"score":1}"#]).runs.first?.id == "7")
    }

    @Test func unknownKeysArePreserved() throws {
        let log = try parse([
            head,
            #"{"id":"a","params":{"x":0.1,"extra":1},"score":5,"host":"gpu3","notes":{"k":[1,2]}}"#,
            #"{"event":"restart","at":12}"#,
        ])
        let r = try #require(log.runs.first)
        #expect(r.fields["host"] == "gpu3")
        #expect(r.fields["notes"] == .object(["k": .array([1, 2])]))
        #expect(r.params["extra"] == 1)
        #expect(log.otherRecords.count == 1)
        #expect(log.otherRecords.first?.line == 3)
        #expect(log.otherRecords.first?.record["event"] == "restart")
    }

    @Test func objectiveRecordAndOverrides() throws {
        let lines = [
            head,
            #"{"objective":{"score":"val_loss","cost":"seconds","goal":"minimize"}}"#,
            #"{"params":{"x":0.1},"val_loss":0.25,"seconds":30,"score":"not used"}"#,
        ]
        let log = try parse(lines)
        #expect(log.diagnostics.isEmpty, "\(log.diagnostics)")
        #expect(log.objective == Objective(scoreKey: "val_loss", costKey: "seconds", maximize: false))
        #expect(log.runs.first?.score == 0.25 && log.runs.first?.cost == 30)
        #expect(log.objective.utility(0.25) == -0.25)
        // Flags override the record, key by key.
        let o = try parse(lines, objective: ObjectiveOverrides(costKey: "gpu_s", maximize: true))
        #expect(o.objective == Objective(scoreKey: "val_loss", costKey: "gpu_s", maximize: true))
        #expect(o.runs.first?.cost == 1)   // no gpu_s key: default cost
        // The objective applies to runs before it too: it is read once the whole log is known.
        let late = try parse([head, lines[2], lines[1]])
        #expect(late.runs.first?.score == 0.25)
        // A bare objective object and aliases.
        let v = try Objective(declaration: .object(["goal": "min"]))
        #expect(v == Objective(scoreKey: "score", costKey: "cost", maximize: false))
        #expect(throws: SpaceError.self) { _ = try Objective(declaration: .object(["direction": "min"])) }
    }

    @Test func laterDeclarationReplacesEarlier() throws {
        let log = try parse([
            head,
            #"{"param":"y","space":"log","min":1,"max":10}"#,
            #"{"param":"x","space":"linear","min":0,"max":5,"center":4}"#,
        ])
        #expect(log.space.names == ["x", "y"])
        #expect(log.space["x"]?.max == 5)
        #expect(log.space["x"]?.center == 4)
    }

    @Test func spaceOverrideReplacesDeclarations() throws {
        let s = Space([try CompactSpec.parse("z=linear:0:2")])
        let log = try SweepLog.parse(head + "\n", options: SweepLog.Options(space: s))
        #expect(log.space.names == ["z"])
    }

    @Test func strictThrowsTheFirstBadLine() throws {
        let lines = [head, #"{"params":{"x":0.1},"score":1}"#, "{oops", #"{"params":{"x":0.1},"score":1,"cost":-1}"#]
        do {
            _ = try parse(lines, strict: true)
            Issue.record("strict mode accepted a bad line")
        } catch let error as CARBSError {
            guard case .data(let d) = error else { Issue.record("wrong error \(error)"); return }
            #expect(d.file == "t.jsonl" && d.line == 3)
            #expect(error.exitStatus == .data)
            #expect(error.description.hasPrefix("t.jsonl:3: invalid JSON"))
        }
        // Run-level problems are found once the log is read, with their own line.
        do {
            _ = try parse([head, #"{"params":{"x":0.1},"score":1,"cost":-1}"#], strict: true)
            Issue.record("strict mode accepted a negative cost")
        } catch let error as CARBSError {
            #expect(error == .data(Diagnostic(file: "t.jsonl", line: 2, message: "'cost' must be a positive finite number, got -1")))
        }
        // Non-strict: both reported, the good run kept.
        let relaxed = try parse(lines)
        #expect(relaxed.diagnostics.map(\.line) == [3, 4])
        #expect(relaxed.runs.count == 1)
    }

    @Test func emptyInputIsNoInput() throws {
        for text in ["", "\n\n", "  \r\n"] {
            #expect(throws: CARBSError.noInput("t.jsonl: empty input (no records)")) {
                _ = try SweepLog.parse(text, options: SweepLog.Options(file: "t.jsonl"))
            }
        }
        // A log of only bad lines is not empty: it has diagnostics.
        let bad = try SweepLog.parse("{\n", options: SweepLog.Options(file: "t.jsonl"))
        #expect(bad.diagnostics.count == 1)
        #expect(CARBSError.noInput("x").exitStatus == .noInput)
    }

    @Test func contentHashFollowsTheBytes() throws {
        let a = try SweepLog.parse(head + "\n"), b = try SweepLog.parse(head + "\n")
        let c = try SweepLog.parse(head + "\n" + #"{"note":1}"# + "\n")
        #expect(a.contentHash == b.contentHash)
        #expect(a.contentHash != c.contentHash)
        #expect(RunID.make(seed: 1, logHash: a.contentHash, index: 0) == RunID.make(seed: 1, logHash: b.contentHash, index: 0))
        #expect(RunID.make(seed: 1, logHash: a.contentHash, index: 0) != RunID.make(seed: 1, logHash: c.contentHash, index: 0))
        #expect(RunID.make(seed: 1, logHash: a.contentHash, index: 0) != RunID.make(seed: 2, logHash: a.contentHash, index: 0))
        #expect(RunID.make(seed: 1, logHash: 0, index: 0).count == 16)
    }

    @Test func parameterProblemsCarryLines() throws {
        let log = try parse([head, #"{"params":{"x":0.5},"score":1}"#, #"{"params":{"x":3,"q":1},"score":1}"#])
        let p = log.parameterProblems(file: "t.jsonl")
        #expect(p.map(\.line) == [3, 3])
        #expect(p.map(\.description).contains("t.jsonl:3: unknown parameter 'q'"))
    }
}

@Suite struct JSONTests {
    @Test(arguments: [
        (0.1, "0.1"), (1e-07, "1e-07"), (1.2300000000000002, "1.2300000000000002"), (5e-324, "5e-324"),
        (1.7976931348623157e+308, "1.7976931348623157e+308"), (3, "3"), (-42, "-42"), (0, "0"), (2.5, "2.5"),
        (1e15, "1000000000000000"), (9007199254740991, "9007199254740991"), (1e16, "1e+16"), (-1e300, "-1e+300"), (123456789012345, "123456789012345"), (-0.0, "-0.0"), (.infinity, "null"), (.nan, "null"),
    ])
    func shortestRoundTripNumbers(value: Double, text: String) {
        #expect(JSONWriter.format(value) == text)
    }

    @Test func numbersReadBackBitExactly() throws {
        let values: [Double] = [0.1, 1e-07, 1.2300000000000002, 5e-324, 1.7976931348623157e+308, 1 / 3, -2.2250738585072014e-308,
                                0.30000000000000004, 123456789.12345679, 9007199254740993, 1e15, 6.02214076e23]
        for v in values {
            let line = JSONWriter.line([("v", .number(v))])
            let back = try #require(try decodeObject(line))["v"]?.doubleValue
            #expect(back?.bitPattern == v.bitPattern, "\(line)")
        }
        // Through the record reader too.
        let log = try SweepLog.parse(head + "\n" + #"{"params":{"x":0.1},"score":1.2300000000000002,"cost":5e-324}"# + "\n")
        #expect(log.runs.first?.score?.bitPattern == 1.2300000000000002.bitPattern)
        #expect(log.runs.first?.cost == 5e-324)
    }

    @Test func valuesKeepTheirTypes() throws {
        let o = try #require(try decodeObject(#"{"a":1,"b":true,"c":"1","d":null,"e":[false,0],"f":{}}"#))
        #expect(o["a"] == .number(1))
        #expect(o["b"] == .bool(true))
        #expect(o["c"] == .string("1"))
        #expect(o["d"] == .null)
        #expect(o["e"] == .array([.bool(false), .number(0)]))
        #expect(o["f"] == .object([:]))
    }

    @Test func keysSortedAndStringsEscaped() {
        let v: JSONValue = .object(["b": 1, "a": .array([.null, true, "x"]), "é": "ü", "c": .object(["z": 1, "y": 2])])
        #expect(v.json == #"{"a":[null,true,"x"],"b":1,"c":{"y":2,"z":1},"é":"ü"}"#)
        #expect(JSONWriter.quote("a\"b\\c\nd\te\r\u{01}\u{1F}/") == #""a\"b\\c\nd\te\r\u0001\u001f/""#)
        // Given orders are kept.
        #expect(JSONWriter.line([("z", 1), ("a", 2)]) == #"{"z":1,"a":2}"#)
    }

    @Test func escapedStringsReadBack() throws {
        let s = "tab\tquote\"back\\slash\u{01}é😀"
        let line = JSONWriter.line([("s", .string(s))])
        #expect(try decodeObject(line)?["s"] == .string(s))
    }
}
