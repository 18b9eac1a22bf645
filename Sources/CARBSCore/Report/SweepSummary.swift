/// `carbs-pareto --summary`: the state of a sweep in one line.
public struct SweepSummary: Sendable {
    public var runs = 0
    public var successes = 0
    public var failures = 0
    public var pending = 0
    public var totalCost = 0.0
    public var bestScore: Double?
    public var bestCost: Double?
    public var bestID: String?
    public var frontSize = 0
    public var hypervolume: Double?
    public var referenceScore: Double?

    public init(log: SweepLog) {
        runs = log.runs.count
        for r in log.runs {
            switch r.status {
            case .success: successes += 1
            case .failed: failures += 1
            case .pending: pending += 1
            }
            if r.status != .pending, let c = r.cost { totalCost += c }
        }
        let groups = RunGroup.groups(log)
        let points = RunGroup.points(groups, maximize: log.objective.maximize)
        let front = Pareto.front(points)
        frontSize = front.count
        if let best = points.max(by: { ($0.score, -$0.cost) < ($1.score, -$1.cost) }) {
            bestScore = groups[best.index].meanScore
            bestCost = groups[best.index].meanCost
            bestID = groups[best.index].ids.first
        }
        if let lo = points.map(\.score).min(), let cmin = points.map(\.cost).min(), let cmax = points.map(\.cost).max(), cmax > cmin {
            referenceScore = log.objective.maximize ? lo : -lo
            let hv = Pareto.hypervolume(points, scoreRef: lo, scoreBest: nil, costMin: cmin, costMax: cmax)
            hypervolume = hv.isFinite ? hv : nil
        }
    }

    public var text: String {
        var s = "\(runs) runs (\(successes) ok, \(failures) failed, \(pending) pending), total cost \(NumberText.compact(totalCost))"
        if let bestScore, let bestCost { s += ", best \(NumberText.compact(bestScore)) at cost \(NumberText.compact(bestCost))" }
        s += ", front \(frontSize)"
        if let hypervolume { s += ", hypervolume \(NumberText.compact(hypervolume))" }
        return s
    }
}
