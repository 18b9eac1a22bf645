/// Pareto fronts, budgets and hypervolumes over (score, cost) pairs, where higher scores and lower costs are better.
///
/// Everything here is a pure function of plain numbers; points with a non-finite score or cost are ignored.
public enum Pareto {
    /// Non-dominated points, sorted by cost ascending (so scores strictly increase along the result).
    ///
    /// One of three fronts in the package, each for a different reader: this is the plain front of observed
    /// points, what `carbs-pareto` prints and what the hypervolume integrates. `carbsFront` is CARBS' choice of
    /// search centres (a cost-quantile cut and a conservative rule for singletons), not a dominance front.
    /// `StepFront` (Search) is the plain front again, but of model utilities as a step function of log cost, so
    /// the acquisition functions can integrate improvement over it.
    ///
    /// A point is dominated if another has cost ≤ and score ≥ with at least one strict inequality. Of exact
    /// duplicates only the one with the lowest `index` is kept. Points with a non-finite score or cost are ignored.
    public static func front(_ points: [ParetoPoint]) -> [ParetoPoint] {
        let sorted = points.filter(\.isFinite).sorted { a, b in
            if a.cost != b.cost { return a.cost < b.cost }
            if a.score != b.score { return a.score > b.score }
            return a.index < b.index
        }
        var result: [ParetoPoint] = []
        for p in sorted {
            // Every earlier point is at most as expensive; p survives only by beating all of them strictly.
            if let last = result.last, p.score <= last.score { continue }
            result.append(p)
        }
        return result
    }

    /// The best point with cost ≤ `budget` (ties: the cheaper, then the lower index), or nil if none fits.
    public static func best(_ points: [ParetoPoint], budget: Double) -> ParetoPoint? {
        var best: ParetoPoint?
        for p in points where p.isFinite && p.cost <= budget {
            guard let b = best else { best = p; continue }
            if p.score > b.score
                || (p.score == b.score && (p.cost < b.cost || (p.cost == b.cost && p.index < b.index))) {
                best = p
            }
        }
        return best
    }
}
