import Foundation
import Testing

/// A large log (scripts/large-log.sh) through the streaming readers in a debug build. 20,000 lines keep this a few
/// seconds; benchmarks/large-logs.md has the 100,000-line measurements of every tool (release build).
@Suite struct LargeLogTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func checkAndSummaryOfTwentyThousandLines() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("carbs-large-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = Self.repository.appendingPathComponent("scripts/large-log.sh").path
        let gen = try CLI.shell("bash '\(script)' 20000 > big.jsonl && wc -l < big.jsonl && grep -c '\"status\":\"failed\"' big.jsonl && grep -c '\"val_loss\":[0-9]' big.jsonl", cwd: dir)
        #expect(gen.status == 0, "\(gen.stderr)")
        let counts = gen.lines.compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        try #require(counts.count == 3)
        #expect(counts[0] == 20000)
        let before = try Data(contentsOf: dir.appendingPathComponent("big.jsonl"))

        let check = try CLI.run("carbs-space", ["check", "big.jsonl"], cwd: dir)
        #expect(check.status == 0)
        #expect(check.stderr.isEmpty, "\(check.stderr.prefix(500))")

        let summary = try CLI.run("carbs-pareto", ["--summary", "big.jsonl"], cwd: dir)
        #expect(summary.status == 0)
        #expect(summary.stderr.isEmpty)
        let record = try #require(try JSONSerialization.jsonObject(with: Data(summary.stdout.utf8)) as? [String: Any])
        #expect(record["failures"] as? Int == counts[1])
        #expect(record["successes"] as? Int == counts[2])
        #expect(record["runs"] as? Int == counts[1] + counts[2])
        #expect(record["pending"] as? Int == 0)
        #expect((record["hypervolume"] as? Double).map(\.isFinite) == true)
        #expect(try Data(contentsOf: dir.appendingPathComponent("big.jsonl")) == before)
    }
}
