/// The runs of a log in model form: unit-cube inputs, oriented scores (higher is better) and costs.
public struct Dataset: Sendable {
    public struct Point: Sendable, Equatable {
        public var x: [Double]
        public var utility: Double
        public var cost: Double
        public var runIndex: Int
    }
    /// Successful runs with a usable cost.
    public var successes: [Point] = []
    /// Inputs of failed runs.
    public var failures: [[Double]] = []
    /// Inputs of pending runs.
    public var pending: [[Double]] = []
    /// Runs that could not be encoded (their parameter values do not fit the space any more).
    public var skipped: [(line: Int, reason: String)] = []
    /// Number of earlier suggestions of each kind (from the runs' `kind` field), for stateless schedules.
    public var kindCounts: [String: Int] = [:]
    /// The same, for pending runs only.
    public var pendingKinds: [String: Int] = [:]
    /// The checkpoints (progress records) of every run, finished or running, as (utility, cost): real points of the
    /// score-versus-cost front (a model trained that far), not observations of the params' final score. Only each
    /// run's running best is kept (the others cannot be on the front).
    public var checkpoints: [(utility: Double, cost: Double)] = []

    public init() {}

    public init(log: SweepLog) {
        let space = log.space
        for (i, r) in log.runs.enumerated() {
            for p in r.improvingCheckpoints(log.objective) { checkpoints.append((log.objective.utility(p.score), p.cost)) }
            if let k = r.fields["kind"]?.stringValue {
                kindCounts[k, default: 0] += 1
                if r.status == .pending { pendingKinds[k, default: 0] += 1 }
            }
            switch space.encode(r.params) {
            case .failure(let e):
                skipped.append((r.line, e.message))
            case .success(let x):
                switch r.status {
                case .success:
                    guard let s = r.score, let c = r.cost, s.isFinite, c.isFinite, c > 0 else { continue }
                    successes.append(Point(x: x, utility: log.objective.utility(s), cost: c, runIndex: i))
                case .failed:
                    failures.append(x)
                case .pending:
                    pending.append(x)
                }
            }
        }
    }

    /// At most `limit` successes for the models: the best quarter by utility (so the model keeps the good
    /// regions however old) and then the most recent. Failures are capped the same way (most recent).
    public func capped(to limit: Int) -> Dataset {
        guard successes.count > limit || failures.count > limit else { return self }
        var out = self
        if successes.count > limit {
            let best = successes.indices.sorted { successes[$0].utility > successes[$1].utility }.prefix(limit / 4)
            var keep = Set(best)
            var i = successes.count - 1
            while keep.count < limit && i >= 0 {
                keep.insert(i)
                i -= 1
            }
            out.successes = successes.indices.filter { keep.contains($0) }.map { successes[$0] }
        }
        if failures.count > limit { out.failures = Array(failures.suffix(limit)) }
        return out
    }

    /// Successes grouped by identical inputs (repeated evaluations, e.g. several seeds): mean utility, mean cost,
    /// the best member and the count. Groups keep the order of their first member.
    public var groups: [Group] {
        var index: [[Double]: Int] = [:]
        var out: [Group] = []
        for p in successes {
            if let g = index[p.x] {
                out[g].add(p)
            } else {
                index[p.x] = out.count
                out.append(Group(first: p))
            }
        }
        return out
    }

    public struct Group: Sendable {
        public var x: [Double]
        public var sumUtility = 0.0
        public var sumCost = 0.0
        public var maxUtility = -Double.infinity
        public var count = 0
        public var runIndices: [Int] = []
        init(first p: Point) {
            x = p.x
            add(p)
        }
        mutating func add(_ p: Point) {
            sumUtility += p.utility
            sumCost += p.cost
            maxUtility = Swift.max(maxUtility, p.utility)
            count += 1
            runningUtility += (p.utility - runningUtility) / Double(count)
            runningCost += (p.cost - runningCost) / Double(count)
            runIndices.append(p.runIndex)
        }
        public var meanUtility: Double { sumUtility.isFinite ? sumUtility / Double(count) : runningUtility }
        public var meanCost: Double { sumCost.isFinite ? sumCost / Double(count) : runningCost }
        /// Running means, used when the sums overflow (scores near ±1e308).
        var runningUtility = 0.0
        var runningCost = 0.0
    }
}
