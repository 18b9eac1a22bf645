import CARBSCore
import Foundation

/// The finished quality runs of one (problem, strategy) cell, one per seed, with their medians and quartiles.
struct QualityCell {
    var problem: String
    var strategy: String
    /// One summary per seed (the latest line wins).
    var runs: [[String: JSONValue]]

    var seeds: Int { runs.count }
    var trials: [Int] { runs.compactMap { $0["trials"]?.doubleValue.map { Int($0) } } }

    func values(_ key: String, at t: Int) -> [Double] {
        runs.compactMap { $0[key]?[String(t)]?.doubleValue }
    }

    /// "median [q25, q75]" of a metric at t trials, or "–" when no run got that far.
    func quartiles(_ key: String, at t: Int, digits: Int = 3) -> String {
        let v = values(key, at: t)
        guard let m = Stats.median(v), let lo = Stats.quantile(v, 0.25), let hi = Stats.quantile(v, 0.75) else { return "–" }
        return "\(fmt(m, digits)) [\(fmt(lo, digits)), \(fmt(hi, digits))]"
    }

    func median(_ key: String, at t: Int) -> Double? { Stats.median(values(key, at: t)) }

    /// Median regret after the last trial, "value @T".
    var finalRegret: String {
        let v = runs.compactMap { r -> Double? in
            guard let s = r["regret_series"]?.arrayValue, let last = s.last else { return nil }
            return last.doubleValue
        }
        guard let m = Stats.median(v), let t = trials.min() else { return "–" }
        return "\(num(m)) @\(t)"
    }

    /// Median cumulative cost to reach the target (unreached = ∞), with how many seeds reached it.
    func costToTarget(_ key: String) -> String {
        let v = runs.map { $0[key]?.doubleValue ?? .infinity }
        guard !v.isEmpty else { return "–" }
        let reached = v.filter(\.isFinite).count
        let sorted = v.sorted()
        // Median with ∞ allowed: the middle order statistic(s).
        let n = sorted.count
        let m = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
        return "\(m.isFinite ? num(m) : "not reached") (\(reached)/\(n))"
    }

    var suggestSeconds: String {
        guard let m = Stats.median(runs.compactMap { $0["suggest_s_median"]?.doubleValue }) else { return "–" }
        return sci(m)
    }

    var failures: Double { Stats.median(runs.compactMap { $0["failures"]?.doubleValue }) ?? 0 }

    /// The median HV over seeds at every t (with quartiles), for the plots.
    func hvSeries() -> [(t: Int, median: Double, q25: Double, q75: Double, n: Int)] {
        let series = runs.compactMap { $0["hv_series"]?.arrayValue?.compactMap(\.doubleValue) }
        guard let longest = series.map(\.count).max() else { return [] }
        var out: [(Int, Double, Double, Double, Int)] = []
        for t in 1...max(1, longest) {
            let v = series.compactMap { $0.count >= t ? $0[t - 1] : nil }
            guard let m = Stats.median(v), let lo = Stats.quantile(v, 0.25), let hi = Stats.quantile(v, 0.75) else { continue }
            out.append((t, m, lo, hi, v.count))
        }
        return out
    }

    /// Paired by seed: in how many seeds this cell's HV@t beats (strictly) the other's, out of the seeds both have.
    func wins(over other: QualityCell, at t: Int) -> (wins: Int, of: Int) {
        var mine: [Int: Double] = [:]
        for r in runs { if let s = r["seed"]?.doubleValue, let v = r["hv"]?[String(t)]?.doubleValue { mine[Int(s)] = v } }
        var w = 0, n = 0
        for r in other.runs {
            guard let s = r["seed"]?.doubleValue, let v = r["hv"]?[String(t)]?.doubleValue, let m = mine[Int(s)] else { continue }
            n += 1
            if m > v { w += 1 }
        }
        return (w, n)
    }
}

/// Compact number for tables: 4 significant digits.
func num(_ d: Double) -> String {
    guard d.isFinite else { return "–" }
    if d == 0 { return "0" }
    let a = abs(d)
    if a >= 1000 { return String(format: "%.0f", d) }
    if a >= 1 { return String(format: "%.4g", d) }
    if a >= 1e-3 { return String(format: "%.4f", d) }
    return String(format: "%.2e", d)
}

func sci(_ d: Double) -> String {
    guard d.isFinite else { return "–" }
    return d >= 0.01 ? String(format: "%.4f", d) : String(format: "%.2e", d)
}

/// All quality cells from a summary file.
struct QualityResults {
    var cells: [String: [String: QualityCell]] = [:]   // problem → strategy → cell

    static func load(_ path: String) -> QualityResults {
        var latest: [String: [String: [Int: [String: JSONValue]]]] = [:]
        for o in JSONLines.read(path) {
            guard let p = o["problem"]?.stringValue, let s = o["strategy"]?.stringValue,
                  let seed = o["seed"]?.doubleValue else { continue }
            latest[p, default: [:]][s, default: [:]][Int(seed)] = o
        }
        var r = QualityResults()
        for (p, byStrategy) in latest {
            for (s, bySeed) in byStrategy {
                r.cells[p, default: [:]][s] = QualityCell(problem: p, strategy: s, runs: bySeed.keys.sorted().compactMap { bySeed[$0] })
            }
        }
        return r
    }

    /// Problems in the catalogue order, then any others.
    var problems: [String] {
        let known = Problems.names.filter { cells[$0] != nil }
        return known + cells.keys.filter { !Problems.names.contains($0) }.sorted()
    }

    static let strategyOrder = ["ehvi", "ei", "carbs", "protein", "sobol", "random"]

    func strategies(_ problem: String) -> [String] {
        let have = cells[problem] ?? [:]
        return Self.strategyOrder.filter { have[$0] != nil } + have.keys.filter { !Self.strategyOrder.contains($0) }.sorted()
    }
}
