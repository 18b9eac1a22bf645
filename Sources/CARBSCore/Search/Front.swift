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
}
