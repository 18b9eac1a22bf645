import Testing
@testable import CARBSCore

@Suite struct ContentHashTests {
    static let head = #"{"param":"x","space":"linear","min":0,"max":1}"# + "\n"

    @Test func wallClockTimeOfPendingRecordsDoesNotChangeTheHash() throws {
        let a = try SweepLog.parse(Self.head + #"{"id":"a","status":"pending","params":{"x":0.5},"kind":"bo","time":1795468880.135}"# + "\n")
        let b = try SweepLog.parse(Self.head + #"{"id":"a","status":"pending","params":{"x":0.5},"kind":"bo","time":1795469999.5}"# + "\n")
        let c = try SweepLog.parse(Self.head + #"{"id":"a","status":"pending","params":{"x":0.5},"kind":"bo"}"# + "\n")
        #expect(a.contentHash == b.contentHash)
        #expect(a.contentHash == c.contentHash)
    }

    @Test func anyOtherDifferenceChangesTheHash() throws {
        let a = try SweepLog.parse(Self.head + #"{"id":"a","params":{"x":0.5},"score":1,"time":5}"# + "\n")
        let b = try SweepLog.parse(Self.head + #"{"id":"a","params":{"x":0.5},"score":2,"time":5}"# + "\n")
        // A "time" that is not the last key, or not a plain number, is hashed as written.
        let c = try SweepLog.parse(Self.head + #"{"id":"a","params":{"x":0.5},"time":5,"score":1}"# + "\n")
        let d = try SweepLog.parse(Self.head + #"{"id":"a","params":{"x":0.5},"time":6,"score":1}"# + "\n")
        #expect(a.contentHash != b.contentHash)
        #expect(c.contentHash != d.contentHash)
    }
}

@Suite struct InvalidJSONHintTests {
    @Test(arguments: [
        (#"{"params":{"x":0.5},"score":NaN}"#, "invalid JSON: NaN is not a JSON number"),
        (#"{"params":{"x":0.5},"score":-Infinity}"#, "invalid JSON: Infinity is not a JSON number"),
        (#"{"params":{"x":0.5},"score":1e999}"#, "invalid JSON: a number is too large for a double"),
        (#"{"params":{"x":0.5},"score":1"#, "invalid JSON: the object is not closed"),
    ])
    func badLinesGetASpecificMessage(line: String, message: String) {
        do {
            _ = try RecordDecoder().decode(Array(line.utf8), line: 1)
            Issue.record("accepted \(line)")
        } catch {
            #expect(error.message.hasPrefix(message), "\(error.message)")
        }
    }
}
