import Foundation
import Testing

/// The README's examples are real: its console session, its sweep loop and the plot it pastes are rerun here.
@Suite struct ReadmeTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Fenced blocks of README.md as (info string, body).
    static func blocks() throws -> [(info: String, body: String)] {
        let text = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        var out: [(String, String)] = []
        var info: String?
        var body: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                if let i = info {
                    out.append((i, body.joined(separator: "\n")))
                    info = nil
                    body = []
                } else {
                    info = String(line.dropFirst(3))
                }
            } else if info != nil {
                body.append(line)
            }
        }
        return out
    }

    @Test func consoleSessionPrintsWhatTheReadmeShows() throws {
        let dir = try FileManager.default.temporaryDirectory.appendingPathComponent("carbs-readme-c-\(getpid())", isDirectory: true).creatingDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sessions = try Self.blocks().filter { $0.info == "console" }
        #expect(!sessions.isEmpty)
        for session in sessions {
            var expected: [String] = []
            var got: [String] = []
            for line in session.body.split(separator: "\n") {
                if line.hasPrefix("$ ") {
                    let r = try CLI.shell(String(line.dropFirst(2)), cwd: dir)
                    #expect(r.status == 0, "\(line): \(r.stderr)")
                    got += r.lines
                } else {
                    expected.append(String(line))
                }
            }
            #expect(got == expected)
        }
    }

    @Test func sweepLoopToolsAndPastedPlotAreReal() throws {
        let dir = try FileManager.default.temporaryDirectory.appendingPathComponent("carbs-readme-s-\(getpid())", isDirectory: true).creatingDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let blocks = try Self.blocks()
        let loop = try #require(blocks.first { $0.info == "sh" && $0.body.contains("for i in $(seq 40)") })
        let look = try #require(blocks.first { $0.info == "sh" && $0.body.contains("carbs-pareto < sweep.jsonl") })
        let pasted = try #require(blocks.first { $0.info == "text" && $0.body.contains("score vs cost") })
        let examples = Self.root.appendingPathComponent("examples").path
        let setup = "carbs-space lr=log:1e-5:1e-1 epochs=log:1:100:int > sweep.jsonl && ln -s '\(examples)' examples"
        let r = try CLI.shell(setup + "\n" + loop.body, cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        // Every "look at it" command works on the result.
        for command in look.body.split(separator: "\n") where !command.isEmpty {
            let c = try CLI.shell(String(command), cwd: dir)
            #expect(c.status == 0, "\(command): \(c.stderr)")
            #expect(!c.stdout.isEmpty || command.contains("--svg"), "\(command) printed nothing")
        }
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("front.svg").path))
        // The plot pasted in the README is what the tools print for that sweep.
        let plot = try CLI.shell("carbs-plot scatter --width 72 --height 18 --ascii < sweep.jsonl", cwd: dir)
        #expect(plot.stdout.trimmingCharacters(in: .newlines) == pasted.body.trimmingCharacters(in: .newlines))
    }
}
