import Foundation

/// The reference rows of `shared/baselines/README.md` (the original Python CARBS, Optuna TPE, multi-objective TPE
/// and random search on the same problems and the same `hv_norm_fixed` metric), read from its Markdown tables.
struct Baselines {
    /// problem → rows; each row maps a column title (e.g. "HV@40", "regret final") to the cell text.
    var rows: [String: [[String: String]]] = [:]

    static func load(_ path: String) -> Baselines {
        var b = Baselines()
        guard let text = Files.read(path) else { return b }
        var problem: String?
        var header: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("## ") {
                problem = String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces)
                header = []
                continue
            }
            guard let p = problem, line.hasPrefix("|") else { continue }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if header.isEmpty { header = cells; continue }
            if cells.allSatisfy({ $0.allSatisfy { $0 == "-" || $0 == ":" } }) { continue }
            var row: [String: String] = [:]
            for (k, v) in zip(header, cells) { row[k] = v }
            b.rows[p, default: []].append(row)
        }
        return b
    }

    /// A reference cell with the "(n=…)" suffix removed (the seeds column says it).
    static func clean(_ cell: String?) -> String {
        guard var c = cell, !c.isEmpty else { return "–" }
        if let r = c.range(of: " (n=") { c = String(c[..<r.lowerBound]) }
        return c
    }
}
