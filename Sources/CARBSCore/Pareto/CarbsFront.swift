extension Pareto {
    /// CARBS' Pareto groups (the search centres), higher scores better, returned in ascending cost order.
    ///
    /// 1. `cMin` is the `minCostFraction` quantile (linear interpolation, as numpy's default) of the individual
    ///    costs, approximated by each group's mean cost repeated `count` times.
    /// 2. The first member is the group with the highest mean score among those with mean cost ≤ `cMin`
    ///    (ties: the earliest in input order). When `conservative`, only groups with `count > 1` are candidates
    ///    if any such cheap group exists.
    /// 3. The groups with mean cost > `cMin` are scanned in ascending cost order (ties: input order). A group joins
    ///    when its mean strictly beats the last member's mean; when `conservative`, a singleton group must instead
    ///    beat the last member's `maxScore`.
    ///
    /// Groups with non-finite numbers or `count < 1` are ignored; an empty input gives an empty front.
    ///
    /// Unlike `front`, the result is not a dominance front: a cheap group below the quantile cut can be dropped
    /// for a better one, and (when `conservative`) a singleton must beat the last member's best individual score.
    public static func carbsFront(_ groups: [ParetoGroup], minCostFraction: Double, conservative: Bool)
        -> [ParetoGroup]
    {
        let valid = groups.filter {
            $0.meanScore.isFinite && $0.meanCost.isFinite && $0.maxScore.isFinite && $0.count >= 1
        }
        guard !valid.isEmpty else { return [] }
        var costs: [Double] = []
        for g in valid { costs.append(contentsOf: repeatElement(g.meanCost, count: g.count)) }
        let cMin = quantile(costs.sorted(), minCostFraction)

        var cheap = valid.filter { $0.meanCost <= cMin }
        if conservative {
            let resampled = cheap.filter { $0.count > 1 }
            if !resampled.isEmpty { cheap = resampled }
        }
        guard var last = firstMax(cheap) else { return [] }
        var result = [last]
        let rest = valid.enumerated()
            .filter { $0.element.meanCost > cMin }
            .sorted { a, b in
                a.element.meanCost != b.element.meanCost ? a.element.meanCost < b.element.meanCost : a.offset < b.offset
            }
            .map(\.element)
        for g in rest {
            let bar = (conservative && g.count == 1) ? last.maxScore : last.meanScore
            if g.meanScore > bar {
                result.append(g)
                last = g
            }
        }
        return result
    }

    /// The first group with the highest mean score.
    private static func firstMax(_ groups: [ParetoGroup]) -> ParetoGroup? {
        var best: ParetoGroup?
        for g in groups where best.map({ g.meanScore > $0.meanScore }) ?? true { best = g }
        return best
    }

    /// numpy's default (linear) quantile of sorted values; q is clamped to [0, 1].
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        guard let first = sorted.first, let lastValue = sorted.last else { return .nan }
        let qq = q.isFinite ? min(1, max(0, q)) : 0
        let pos = qq * Double(sorted.count - 1)
        let lo = Int(pos.rounded(.down))
        guard lo + 1 < sorted.count else { return lo <= 0 ? first : lastValue }
        let frac = pos - Double(lo)
        return sorted[lo] + (sorted[lo + 1] - sorted[lo]) * frac
    }
}
