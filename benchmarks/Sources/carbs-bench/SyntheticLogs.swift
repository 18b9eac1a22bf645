import CARBSCore

#if canImport(Glibc)
import Glibc
#endif

/// Synthetic sweep logs for the speed runner: d linear parameters on [0, 1], n successful runs at uniform random
/// points (fixed seed), a smooth score with a little noise and a cost driven by x0 and x1.
enum SyntheticLogs {
    static let seed: UInt64 = 42

    static func text(n: Int, d: Int) -> String {
        var lines: [String] = []
        for j in 0..<d {
            lines.append(JSONWriter.line([("param", .string("x\(j)")), ("space", "linear"), ("min", 0), ("max", 1)]))
        }
        var rng = SeededGenerator(seed: seed &+ UInt64(n) &* 1000 &+ UInt64(d))
        for i in 0..<n {
            let x = (0..<d).map { _ in rng.uniform() }
            var s = 0.0
            for j in 0..<d { s -= (x[j] - 0.3) * (x[j] - 0.3) / Double(j + 1) }
            s += 0.01 * rng.normal()
            let cost = exp(2 * x[0]) + (d > 1 ? x[1] : 0)
            var params: [(String, JSONValue)] = []
            for j in 0..<d { params.append(("x\(j)", .rounded(x[j], 8))) }
            var run = JSONObject([("id", .string("r\(i)"))])
            run.append("params", JSONObject(params))
            run.append(contentsOf: [("score", .number((s * 1e8).rounded() / 1e8)), ("cost", .number((cost * 1e8).rounded() / 1e8))])
            lines.append(run.line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes the log if it is not there yet; returns its path.
    static func path(n: Int, d: Int, directory: String) throws -> String {
        let p = "\(directory)/log-n\(n)-d\(d).jsonl"
        if Files.read(p) == nil { try Files.writeFile(text(n: n, d: d), to: p) }
        return p
    }
}
