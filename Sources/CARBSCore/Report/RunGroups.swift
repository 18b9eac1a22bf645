/// Successful runs of a log grouped by identical parameters (repeated evaluations, e.g. several seeds): the unit
/// of `carbs-pareto`'s front. Needs no space: parameters are compared as written.
///
/// Unlike `Dataset.Group` (Search: encoded inputs, model utilities) and `ParetoGroup` (Pareto: plain numbers for
/// `Pareto.carbsFront`), a run group keeps the log's own units and what identifies its runs (ids, lines, params),
/// because it is what gets printed; `points` reduces it to the plain `ParetoPoint`s the Pareto functions take.
public struct RunGroup: Sendable {
    public var params: [String: JSONValue]
    public var ids: [String] = []
    public var lines: [Int] = []
    public var meanScore: Double
    public var meanCost: Double
    public var count: Int
    /// For a checkpoint of a run (a progress record): its step. Nil for results.
    public var step: Double?
    /// Whether every run of the group ended early (`"stopped":true`).
    public var stopped = false

    /// Groups the successes of `log` in order of first appearance; with `checkpoints`, then every checkpoint of
    /// every run (finished or running) as a group of its own (a checkpoint that is the run's result is not
    /// repeated).
    public static func groups(_ log: SweepLog, checkpoints: Bool) -> [RunGroup] {
        var out = groups(log)
        guard checkpoints else { return out }
        for r in log.runs {
            for p in r.progress {
                if r.status == .success, p.score == r.score, p.cost == r.cost { continue }
                out.append(RunGroup(params: r.params, ids: r.id.map { [$0] } ?? [], lines: [p.line], meanScore: p.score,
                                    meanCost: p.cost, count: 1, step: p.step))
            }
        }
        return out
    }

    /// Groups the successes of `log` in order of first appearance.
    public static func groups(_ log: SweepLog) -> [RunGroup] {
        var index: [[String: JSONValue]: Int] = [:]
        var out: [RunGroup] = []
        var sums: [(score: Double, cost: Double)] = []
        for r in log.runs where r.status == .success {
            guard let s = r.score, let c = r.cost else { continue }
            if let g = index[r.params] {
                out[g].stopped = out[g].stopped && r.stopped
                out[g].count += 1
                sums[g].score += s
                sums[g].cost += c
                if let id = r.id { out[g].ids.append(id) }
                out[g].lines.append(r.line)
            } else {
                index[r.params] = out.count
                out.append(RunGroup(params: r.params, ids: r.id.map { [$0] } ?? [], lines: [r.line], meanScore: s, meanCost: c, count: 1,
                                    stopped: r.stopped))
                sums.append((s, c))
            }
        }
        for i in out.indices {
            out[i].meanScore = sums[i].score / Double(out[i].count)
            out[i].meanCost = sums[i].cost / Double(out[i].count)
        }
        return out
    }

    /// Points for the Pareto functions, oriented so that higher is better; `index` = position in `groups`.
    public static func points(_ groups: [RunGroup], maximize: Bool) -> [ParetoPoint] {
        groups.enumerated().map { ParetoPoint(score: maximize ? $1.meanScore : -$1.meanScore, cost: $1.meanCost, index: $0) }
    }
}
