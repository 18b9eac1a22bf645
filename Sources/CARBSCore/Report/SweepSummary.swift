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
    /// Runs that ended early (`"stopped":true`), what they cost, and what stopping saved: the estimated cost of
    /// their full runs (their cost per step times the median final step of the runs that were not stopped) minus
    /// what they cost. Nil when no run was stopped, or no full run reported its steps.
    public var stopped = 0
    public var stoppedCost = 0.0
    public var savedCost: Double?

    public init(log: SweepLog, checkpoints: Bool = true) {
        runs = log.runs.count
        for r in log.runs {
            switch r.status {
            case .success: successes += 1
            case .failed: failures += 1
            case .pending: pending += 1
            }
            if r.status != .pending, let c = r.cost { totalCost += c }
        }
        let full = log.runs.filter { $0.status == .success && !$0.stopped }.compactMap { $0.progress.last?.step }.sorted()
        let fullSteps = full.isEmpty ? nil : full[full.count / 2]
        var saved = 0.0
        for r in log.runs where r.stopped && r.status == .success {
            stopped += 1
            let c = r.cost ?? 0
            stoppedCost += c
            if let fullSteps, let k = r.progress.last?.step, k > 0, fullSteps > k { saved += c * fullSteps / k - c }
        }
        if stopped > 0, fullSteps != nil { savedCost = saved }
        let groups = RunGroup.groups(log, checkpoints: checkpoints)
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
        if stopped > 0 {
            s += ", \(stopped) stopped early (cost \(NumberText.compact(stoppedCost))"
            if let savedCost { s += ", about \(NumberText.compact(savedCost)) saved" }
            s += ")"
        }
        return s
    }
}
