import CARBSCore
import Foundation

/// Reading JSON-lines result files into `JSONValue` objects.
enum JSONLines {
    /// The objects of a JSON-lines file, in order; blank and unreadable lines are skipped (a run killed mid-write
    /// leaves at most one torn last line).
    static func read(_ path: String) -> [[String: JSONValue]] {
        guard let text = Files.read(path) else { return [] }
        let decoder = JSONDecoder()
        var out: [[String: JSONValue]] = []
        for line in text.split(separator: "\n") where !line.allSatisfy(\.isWhitespace) {
            guard let v = try? decoder.decode(JSONValue.self, from: Data(line.utf8)), let o = v.objectValue else { continue }
            out.append(o)
        }
        return out
    }
}

extension JSONValue {
    /// Rounds a number to `digits` significant decimals for compact result files.
    static func rounded(_ d: Double, _ digits: Int = 6) -> JSONValue {
        guard d.isFinite else { return .null }
        guard d != 0 else { return .number(0) }
        let text = String(format: "%.\(digits)g", d)
        return .number(Double(text) ?? d)
    }

    static func optional(_ d: Double?, _ digits: Int = 6) -> JSONValue { d.map { rounded($0, digits) } ?? .null }
}
