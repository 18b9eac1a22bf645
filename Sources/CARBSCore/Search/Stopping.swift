/// Whether a running run should go on: the rule behind `carbs-suggest --progress`. Stateless and deterministic,
/// from the log alone, and cheap (no model fit), so it runs under the log's lock.
///
/// The question is the one a cost-aware search asks: *would this run, continued, still add to the score-versus-cost
/// front?* With the run at step k, cost c and score s (oriented so that higher is better; s is the best of its last
/// `smoothing` checkpoints, so one bad epoch is not a trend):
///
/// 1. It goes on while k < `minStep`, and while it is the best at its cost: no point of another run (a checkpoint
///    or a result) costs at most c and scores at least s.
/// 2. The comparable runs are the other runs that reported a checkpoint at a step ≤ k and at least one beyond it.
///    With fewer than `minComparable` of them there is too little data, and the run goes on.
/// 3. Each comparable run j says how a curve goes on from step k: from its checkpoint at k (score s_j, cost c_j)
///    to each later point (s'_j, c'_j) it gained s'_j − s_j for a cost factor c'_j / c_j. Applied to this run,
///    that is the projected path (c · c'_j / c_j, s + s'_j − s_j): a slow learner that ends best projects far.
/// 4. A path *adds to the front* if one of its points beats every other run's point at that cost. The estimated
///    chance that this run adds to the front is (h + 1) / (n + 2) for h paths of n that do (Laplace's rule, so
///    a handful of curves never gives certainty). The run stops when that chance is below `threshold`.
public enum StopRule {
    public struct Options: Sendable, Equatable {
        /// Stop when the estimated chance of adding to the front is below this (higher = stops more).
        public var threshold: Double = 0.3
        /// Never stop before this step.
        public var minStep: Double = 1
        /// Comparable runs (reported at or before this step and beyond it) needed before any stop.
        public var minComparable: Int = 4
        /// The current score is the best of this many latest checkpoints.
        public var smoothing: Int = 3
        public init() {}
    }

    public struct Advice: Sendable, Equatable {
        public var stop: Bool
        /// One line: why.
        public var reason: String
        /// Comparable runs used (n), and how many of their paths added to the front (h).
        public var comparable: Int
        public var addingPaths: Int
        /// The estimated chance of adding to the front, when there was data to estimate it.
        public var chance: Double?
        /// The score the rule judged (the best of the latest checkpoints), as logged.
        public var score: Double
    }

    /// The best utility at or below each cost: a step function over the points, in the log's own cost units
    /// (`StepFront` holds log costs, and costs of runs with the same cost per step tie exactly here, not in logs).
    struct Level {
        var costs: [Double] = []
        var best: [Double] = []

        init(_ points: [(utility: Double, cost: Double)]) {
            var top = -Double.infinity
            for p in points.sorted(by: { ($0.cost, -$0.utility) < ($1.cost, -$1.utility) }) where p.utility > top {
                top = p.utility
                costs.append(p.cost)
                best.append(top)
            }
        }

        /// The best utility of the points that cost at most `cost` (−∞ when none does).
        func at(_ cost: Double) -> Double {
            var lo = 0, hi = costs.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if costs[mid] <= cost { lo = mid + 1 } else { hi = mid }
            }
            return lo == 0 ? -.infinity : best[lo - 1]
        }
    }

    /// Advice for run `id` of `sweep` at its latest checkpoint (which must already be in `sweep`).
    public static func advise(_ sweep: SweepLog, id: String, options: Options = Options()) -> Advice {
        let o = sweep.objective
        let u = { (s: Double) in o.utility(s) }
        guard let run = sweep.runs.first(where: { $0.id == id }), let now = run.progress.last else {
            return Advice(stop: false, reason: "no progress reported yet", comparable: 0, addingPaths: 0, chance: nil, score: .nan)
        }
        let recent = run.progress.suffix(max(1, options.smoothing))
        let best = recent.max { u($0.score) < u($1.score) } ?? now
        let s = u(best.score), k = now.step, c = now.cost
        func advice(_ stop: Bool, _ reason: String, _ n: Int = 0, _ h: Int = 0, _ chance: Double? = nil) -> Advice {
            Advice(stop: stop, reason: reason, comparable: n, addingPaths: h, chance: chance, score: best.score)
        }
        if k < options.minStep {
            return advice(false, "step \(JSONWriter.format(k)) is below the minimum step \(JSONWriter.format(options.minStep))")
        }
        // Every point of the other runs that can be on the front: their improving checkpoints and their results.
        var others: [(utility: Double, cost: Double)] = []
        var comparable: [[Checkpoint]] = []
        for r in sweep.runs where r.id != id {
            for p in r.improvingCheckpoints(o) { others.append((u(p.score), p.cost)) }
            if r.status == .success, let rs = r.score, let rc = r.cost { others.append((u(rs), rc)) }
            if r.progress.contains(where: { $0.step <= k }) && r.progress.contains(where: { $0.step > k }) {
                comparable.append(r.progress)
            }
        }
        let level = Level(others)
        if level.at(c) < s {
            return advice(false, "best at its cost: no other run scored \(JSONWriter.format(best.score)) for \(JSONWriter.format(c)) or less")
        }
        let n = comparable.count
        if n < options.minComparable {
            return advice(false, "too little data: \(n) other run\(n == 1 ? "" : "s") reported beyond step \(JSONWriter.format(k)) (\(options.minComparable) needed)", n)
        }
        var h = 0
        for curve in comparable {
            guard let from = curve.last(where: { $0.step <= k }) else { continue }
            let base = u(from.score)
            let adds = curve.contains { p in
                guard p.step > k else { return false }
                let projectedCost = c * p.cost / from.cost
                return s + (u(p.score) - base) > level.at(projectedCost)
            }
            if adds { h += 1 }
        }
        let chance = Double(h + 1) / Double(n + 2)
        let numbers = "\(h) of \(n) comparable curves, continued from this run's point, would add to the front (chance \(JSONWriter.format((chance * 1000).rounded() / 1000)))"
        if chance < options.threshold {
            return advice(true, numbers + ", below \(JSONWriter.format(options.threshold))", n, h, chance)
        }
        return advice(false, numbers, n, h, chance)
    }
}
