#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Pareto {
    /// Area dominated by the front in (score, log10 cost) space, measured from the reference point
    /// (scoreRef, log10 costMax):
    ///
    ///     ∫ from log10 costMin to log10 costMax of max(0, s(c) − scoreRef) d(log10 c),
    ///
    /// where s(c) is the best score among points with cost ≤ c. Scores are first clipped to
    /// [scoreRef, scoreBest] (only from below when `scoreBest` is nil) and costs to [costMin, costMax].
    /// Returns 0 when the cost range is empty or not positive, and ignores non-finite points.
    public static func hypervolume(
        _ points: [ParetoPoint], scoreRef: Double, scoreBest: Double?, costMin: Double, costMax: Double
    ) -> Double {
        guard costMin.isFinite, costMax.isFinite, costMin > 0, costMax > costMin, scoreRef.isFinite else { return 0 }
        let top = scoreBest.flatMap { $0.isFinite ? $0 : nil }
        let clipped = points.filter(\.isFinite).map { p -> ParetoPoint in
            var s = max(p.score, scoreRef)
            if let top { s = min(s, max(top, scoreRef)) }
            return ParetoPoint(score: s, cost: min(max(p.cost, costMin), costMax), index: p.index)
        }
        let f = front(clipped)
        let logMax = log10(costMax)
        var area = 0.0
        for (j, p) in f.enumerated() {
            let nextLog = j + 1 < f.count ? log10(f[j + 1].cost) : logMax
            area += (nextLog - log10(p.cost)) * (p.score - scoreRef)
        }
        return area
    }

    /// `hypervolume` divided by the area of the whole box, (scoreBest − scoreRef) · log10(costMax / costMin).
    ///
    /// This is exactly the `hv_norm_fixed` (HV@k) metric of the benchmark baselines; it lies in [0, 1], and is 0
    /// for an empty box.
    public static func normalizedHypervolume(
        _ points: [ParetoPoint], scoreRef: Double, scoreBest: Double, costMin: Double, costMax: Double
    ) -> Double {
        guard costMin > 0, costMax > costMin, scoreBest > scoreRef, scoreBest.isFinite, scoreRef.isFinite,
              costMax.isFinite else { return 0 }
        let box = (scoreBest - scoreRef) * log10(costMax / costMin)
        guard box > 0, box.isFinite else { return 0 }
        let hv = hypervolume(points, scoreRef: scoreRef, scoreBest: scoreBest, costMin: costMin, costMax: costMax)
        return min(1, max(0, hv / box))
    }
}
