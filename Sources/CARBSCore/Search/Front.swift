#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The score-versus-cost front as a step function of log cost, in model (transformed utility) units: the best mean
/// utility reachable at or below each cost. Used by the acquisition functions.
struct StepFront {
    /// Log costs of the front members, increasing; `levels[j]` holds from `logCosts[j]` on.
    var logCosts: [Double] = []
    var levels: [Double] = []
    /// The level below the cheapest member.
    var floor: Double
    /// Indices (into the groups array) of the front members.
    var members: [Int] = []

    /// Plain Pareto front of the groups by mean: strictly better score for higher cost.
    init(groups: [(utility: Double, cost: Double)], floor: Double) {
        self.floor = floor
        let order = groups.indices.sorted { (groups[$0].cost, -groups[$0].utility, $0) < (groups[$1].cost, -groups[$1].utility, $1) }
        var best = -Double.infinity
        for i in order where groups[i].utility > best {
            best = groups[i].utility
            logCosts.append(log(groups[i].cost))
            levels.append(best)
            members.append(i)
        }
    }

    /// Front level at log cost `lc`.
    func level(at lc: Double) -> Double {
        var lo = 0, hi = logCosts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if logCosts[mid] <= lc { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? floor : levels[lo - 1]
    }

    /// Expected hypervolume improvement of a point with utility ~ N(mean, sd²) at log cost `lc`: the expected gain
    /// over the front, integrated over log cost from `lc` to `upper`.
    func expectedHypervolumeImprovement(mean: Double, sd: Double, logCost lc: Double, upper: Double) -> Double {
        guard lc < upper else { return 0 }
        var total = 0.0
        var start = lc
        var level = self.level(at: lc)
        // Walk the breakpoints above lc.
        var j = 0
        while j < logCosts.count && logCosts[j] <= lc { j += 1 }
        while start < upper {
            let end = j < logCosts.count ? min(logCosts[j], upper) : upper
            if end > start {
                total += (end - start) * Normal.expectedImprovement(mean: mean, sd: sd, best: level)
            }
            if j >= logCosts.count { break }
            level = levels[j]
            start = end
            j += 1
        }
        return total
    }

    /// Expected hypervolume improvement when the log cost is uncertain too: utility ~ N(mean, sd²) and log cost
    /// ~ N(lc, s²), independent. A point (y, c) improves the front by ∫_c^upper max(0, y − level(t)) dt, so
    ///
    ///     EHVI = ∫_{−∞}^{upper} Φ((t − lc)/s) · EI(level(t)) dt,
    ///
    /// and on a segment [a, b) of constant level the weight integrates in closed form:
    /// ∫_a^b Φ((t − lc)/s) dt = s·(ψ((b − lc)/s) − ψ((a − lc)/s)) with ψ(z) = z·Φ(z) + φ(z), ψ(−∞) = 0. A point
    /// whose cost is unknown is credited with its chance of being cheaper than predicted; as s → 0 this is
    /// `expectedHypervolumeImprovement(mean:sd:logCost:upper:)`, which it calls for s below 1e-9.
    func expectedHypervolumeImprovement(mean: Double, sd: Double, logCost lc: Double, logCostSD s: Double,
                                        lower: Double = -.infinity, upper: Double) -> Double {
        guard s > 1e-9, s.isFinite else { return expectedHypervolumeImprovement(mean: mean, sd: sd, logCost: lc, upper: upper) }
        func weight(_ a: Double, _ b: Double) -> Double {
            let zb = (b - lc) / s
            if zb < -10 { return 0 }
            let hi = zb * Normal.cdf(zb) + Normal.pdf(zb)
            guard a.isFinite else { return s * hi }
            let za = (a - lc) / s
            let lo = za < -10 ? 0 : za * Normal.cdf(za) + Normal.pdf(za)
            return s * max(0, hi - lo)
        }
        var total = 0.0
        var start = lower
        var level = level(at: lower)
        var first = 0
        while first < logCosts.count && logCosts[first] <= lower { first += 1 }
        for j in first...logCosts.count {
            let end = j < logCosts.count ? min(logCosts[j], upper) : upper
            if end > start {
                let w = weight(start, end)
                if w > 0 { total += w * Normal.expectedImprovement(mean: mean, sd: sd, best: level) }
            }
            if j >= logCosts.count || logCosts[j] >= upper { break }
            level = levels[j]
            start = end
        }
        return total
    }
}
