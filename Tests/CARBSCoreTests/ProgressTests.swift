import Foundation
import Testing
@testable import CARBSCore

/// Progress records (Log/Record.swift, Log/SweepLog.swift `attachProgress`), the stopping rule (Search/Stopping.swift)
/// and the records they write (Report/ProgressRecord.swift).
@Suite struct ProgressTests {
    static let head = #"{"param":"x","space":"linear","min":0,"max":1}"#

    static func parse(_ lines: [String]) throws -> SweepLog {
        try SweepLog.parse(([head] + lines).joined(separator: "\n") + "\n", options: SweepLog.Options(file: "t.jsonl"))
    }

    static func pending(_ id: String, x: Double = 0.5) -> String {
        #"{"id":"\#(id)","status":"pending","params":{"x":\#(x)}}"#
    }

    static func progress(_ id: String, _ step: Double, score: Double, cost: Double) -> String {
        #"{"progress":"\#(id)","step":\#(step),"score":\#(score),"cost":\#(cost)}"#
    }

    @Test func checkpointsAttachToTheirRunInStepOrder() throws {
        let log = try Self.parse([
            Self.pending("a"),
            Self.progress("a", 1, score: 0.1, cost: 2),
            Self.progress("a", 2, score: 0.3, cost: 4),
            #"{"id":"a","params":{"x":0.5},"score":0.35,"cost":5,"stopped":true}"#,
            Self.pending("b", x: 0.2),
            Self.progress("b", 1, score: 0.2, cost: 1),
        ])
        #expect(log.diagnostics.isEmpty, "\(log.diagnostics)")
        #expect(log.runs.count == 2)
        let a = try #require(log.runs.first { $0.id == "a" })
        #expect(a.status == .success && a.stopped)
        #expect(a.progress == [Checkpoint(step: 1, score: 0.1, cost: 2, line: 3), Checkpoint(step: 2, score: 0.3, cost: 4, line: 4)])
        let b = try #require(log.runs.first { $0.id == "b" })
        #expect(b.status == .pending && !b.stopped && b.progress.count == 1)
    }

    @Test func badProgressRecordsAreReportedAndSkipped() throws {
        let cases: [(String, String)] = [
            (Self.progress("zz", 1, score: 0, cost: 1), "progress for 'zz', which has no pending record before this line; ignored"),
            (#"{"progress":"a","score":1,"cost":1}"#, "a progress record needs a 'step': a non-negative number"),
            (#"{"progress":"a","step":1,"cost":1}"#, "a progress record needs 'score': a finite number"),
            (#"{"progress":"a","step":1,"score":1,"cost":0}"#, "a progress record needs 'cost': a positive finite number (the cost so far)"),
            (#"{"progress":"a","step":1,"score":1,"cost":"x"}"#, "a progress record needs 'cost': a positive finite number (the cost so far)"),
            (Self.progress("a", 1, score: 0, cost: 2), "step 1 of 'a' does not follow step 1 (line 3); ignored"),
            (Self.progress("a", 2, score: 0, cost: 0.5), "'cost' of 'a' fell from 1 to 0.5: a progress record holds the cumulative cost; ignored"),
        ]
        for (line, message) in cases {
            let log = try Self.parse([Self.pending("a"), Self.progress("a", 1, score: 0.1, cost: 1), line])
            #expect(log.diagnostics.map(\.description) == ["t.jsonl:4: \(message)"], "\(line)")
            #expect(log.runs.first?.progress.count == 1)
        }
        let after = try Self.parse([Self.pending("a"), #"{"id":"a","params":{"x":0.5},"score":1}"#, Self.progress("a", 1, score: 0, cost: 1)])
        #expect(after.diagnostics.map(\.description) == ["t.jsonl:4: progress for 'a' after its result (line 3); ignored"])
        let badID = try Self.parse([#"{"progress":["a"],"step":1}"#])
        #expect(badID.diagnostics.first?.message == "'progress' must be the id of a run, got an array")
    }

    @Test func aLogWithoutProgressHasNoCheckpoints() throws {
        let log = try Self.parse([#"{"id":"a","params":{"x":0.5},"score":1,"cost":2}"#, Self.pending("b")])
        #expect(log.runs.allSatisfy { $0.progress.isEmpty && !$0.stopped })
        #expect(Dataset(log: log).checkpoints.isEmpty)
    }

    // MARK: the stopping rule

    /// Finished runs with saturating curves: run i gains `gain` per step from `start`, for 10 steps, costing 1 per step.
    static func finished(_ n: Int, start: Double = 0.5, gain: Double = 0.04, costPerStep: Double = 1) -> [String] {
        var lines: [String] = []
        for i in 0..<n {
            let id = "f\(i)"
            lines.append(pending(id, x: Double(i) / Double(n)))
            var score = start
            for k in 1...10 {
                score = start + gain * Double(k)
                lines.append(progress(id, Double(k), score: score, cost: costPerStep * Double(k)))
            }
            lines.append(#"{"id":"\#(id)","params":{"x":\#(Double(i) / Double(n))},"score":\#(score),"cost":\#(costPerStep * 10)}"#)
        }
        return lines
    }

    @Test func aHopelessRunIsStoppedAndAGoodOneIsNot() throws {
        // Five finished runs reach 0.9 at cost 10 from 0.54 at cost 1. A run at 0.1 after step 2 (cost 2) gains at
        // most 0.32 more by cost 10 on any of those paths: 0.42 < 0.9 everywhere, so no path adds to the front.
        let base = Self.finished(5)
        let hopeless = try Self.parse(base + [Self.pending("r"), Self.progress("r", 1, score: 0.05, cost: 1), Self.progress("r", 2, score: 0.1, cost: 2)])
        let a = StopRule.advise(hopeless, id: "r")
        #expect(a.stop)
        #expect(a.comparable == 5 && a.addingPaths == 0)
        #expect(a.chance == 1.0 / 7.0)
        #expect(a.reason == "0 of 5 comparable curves, continued from this run's point, would add to the front (chance 0.143), below 0.3")
        // A run that is ahead of every other at its cost goes on.
        let leading = try Self.parse(base + [Self.pending("r"), Self.progress("r", 1, score: 0.6, cost: 1)])
        let b = StopRule.advise(leading, id: "r")
        #expect(!b.stop && b.reason.hasPrefix("best at its cost"))
        // A run just below the front whose cheaper cost lets the curves' gains put it above: it goes on.
        let cheaper = try Self.parse(base + [Self.pending("r"), Self.progress("r", 1, score: 0.5, cost: 0.2), Self.progress("r", 2, score: 0.53, cost: 1.1)])
        let c = StopRule.advise(cheaper, id: "r")
        #expect(!c.stop, "\(c.reason)")
        #expect(c.addingPaths == 5)
    }

    @Test func littleDataOrAnEarlyStepNeverStops() throws {
        let few = try Self.parse(Self.finished(3) + [Self.pending("r"), Self.progress("r", 1, score: 0.0, cost: 1), Self.progress("r", 2, score: 0.0, cost: 2)])
        let a = StopRule.advise(few, id: "r")
        #expect(!a.stop && a.reason == "too little data: 3 other runs reported beyond step 2 (4 needed)")
        var early = StopRule.Options()
        early.minStep = 3
        let many = try Self.parse(Self.finished(8) + [Self.pending("r"), Self.progress("r", 1, score: 0.0, cost: 1), Self.progress("r", 2, score: 0.0, cost: 2)])
        #expect(StopRule.advise(many, id: "r").stop)
        let b = StopRule.advise(many, id: "r", options: early)
        #expect(!b.stop && b.reason == "step 2 is below the minimum step 3")
        // With 8 curves and none adding, the chance is 0.1: below the default 0.3, not below 0.05.
        var lenient = StopRule.Options()
        lenient.threshold = 0.05
        #expect(!StopRule.advise(many, id: "r", options: lenient).stop)
    }

    @Test func oneBadEpochIsNotATrend() throws {
        // At 0.95 after step 3 (best at its cost), then one bad epoch at 0.2: the best of the last three still leads.
        let log = try Self.parse(Self.finished(6) + [
            Self.pending("r"), Self.progress("r", 1, score: 0.8, cost: 1), Self.progress("r", 2, score: 0.9, cost: 2),
            Self.progress("r", 3, score: 0.95, cost: 3), Self.progress("r", 4, score: 0.2, cost: 4),
        ])
        let a = StopRule.advise(log, id: "r")
        #expect(!a.stop && a.score == 0.95)
    }

    @Test func minimizedScoresAreOriented() throws {
        // The same hopeless run with the objective minimized and every score negated.
        func negated(_ l: String) -> String {
            l.replacingOccurrences(of: #""score":"#, with: #""score":-"#).replacingOccurrences(of: "--", with: "")
        }
        let lines = (Self.finished(5) + [Self.pending("r"), Self.progress("r", 1, score: 0.05, cost: 1), Self.progress("r", 2, score: 0.1, cost: 2)]).map(negated)
        let log = try SweepLog.parse(([#"{"objective":{"goal":"minimize"}}"#, Self.head] + lines).joined(separator: "\n") + "\n")
        #expect(log.diagnostics.isEmpty, "\(log.diagnostics)")
        let a = StopRule.advise(log, id: "r")
        #expect(a.stop && a.score == -0.1)
    }

    // MARK: writing progress

    @Test func progressRecordsCarryTheAdvice() throws {
        let log = try Self.parse(Self.finished(5) + [Self.pending("r"), Self.progress("r", 1, score: 0.05, cost: 1)])
        let made = try ProgressRecord.make(id: "r", fields: ["score": 0.1, "cost": 2, "loss": 1.5], log: log, file: "t.jsonl")
        #expect(made.step == 2, "the step defaults to the last one + 1")
        #expect(made.line == #"{"progress":"r","step":2,"score":0.1,"cost":2,"loss":1.5,"advice":"stop"}"#)
        // Read back, the record is a checkpoint of r with its advice.
        let text = ([Self.head] + Self.finished(5) + [Self.pending("r"), Self.progress("r", 1, score: 0.05, cost: 1), made.line]).joined(separator: "\n")
        let back = try SweepLog.parse(text + "\n")
        #expect(back.runs.first { $0.id == "r" }?.progress.last == Checkpoint(step: 2, score: 0.1, cost: 2, line: 64, advice: "stop"))
        // A result after a stop advice is marked stopped.
        let result = try ResultRecord.make(id: "r", fields: ["score": 0.1, "cost": 2], failed: false, log: back, file: "t.jsonl")
        #expect(result.hasSuffix(#","cost":2,"score":0.1,"stopped":true}"#))
        for (fields, message) in [
            (["cost": JSONValue.number(1)], "--progress needs --value score=NUMBER (the score so far)"),
            (["score": JSONValue.number(1)], "--progress needs --value cost=NUMBER (the cumulative cost so far)"),
            (["score": 1, "cost": 0.5], "t.jsonl:63: 'cost' of 'r' would fall from 1 to 0.5: give the cumulative cost so far"),
            (["score": 1, "cost": 2, "step": 1], "t.jsonl:63: step 1 of 'r' does not follow its step 1"),
        ] as [([String: JSONValue], String)] {
            #expect(throws: CARBSError.self) { try ProgressRecord.make(id: "r", fields: fields, log: log, file: "t.jsonl") }
            do {
                _ = try ProgressRecord.make(id: "r", fields: fields, log: log, file: "t.jsonl")
            } catch {
                #expect(error.description == message)
            }
        }
        #expect(throws: CARBSError.self) { try ProgressRecord.make(id: "f0", fields: ["score": 1, "cost": 11], log: log, file: "t.jsonl") }
        #expect(throws: CARBSError.self) { try ProgressRecord.make(id: "nope", fields: ["score": 1, "cost": 1], log: log, file: "t.jsonl") }
    }
}
