import CARBSCore

/// One evaluated trial as the metrics see it.
struct Trial: Sendable {
    var trueScore: Double?
    var cost: Double
    var suggestSeconds: Double
}

/// The per-run metrics: `hv_norm_fixed`, simple regret, cumulative cost and cost to reach a target, after every
/// trial t = 1…T.
struct RunMetrics: Sendable {
    var hv: [Double] = []
    /// Regret after t trials; nil while there is no success yet.
    var regret: [Double?] = []
    var cumulativeCost: [Double] = []
    /// Cumulative cost (and trial number) at which the noise-free score first reached each target fraction.
    var costToTarget: [Double: (cost: Double, trial: Int)] = [:]

    static let targetFractions = [0.9, 0.99]

    init(trials: [Trial], reference r: Reference) {
        var points: [ParetoPoint] = []
        var best = -Double.infinity
        var spent = 0.0
        for (i, t) in trials.enumerated() {
            spent += t.cost
            if let s = t.trueScore {
                points.append(ParetoPoint(score: s, cost: t.cost, index: i))
                best = max(best, s)
                for f in Self.targetFractions where costToTarget[f] == nil
                    && s >= r.scoreRef + f * (r.scoreBest - r.scoreRef) {
                    costToTarget[f] = (spent, i + 1)
                }
            }
            hv.append(Pareto.normalizedHypervolume(points, scoreRef: r.scoreRef, scoreBest: r.scoreBest,
                                                    costMin: r.costMin, costMax: r.costMax))
            regret.append(best.isFinite ? r.scoreBest - best : nil)
            cumulativeCost.append(spent)
        }
    }
}
