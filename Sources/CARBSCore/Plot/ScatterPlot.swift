/// A run still in progress, drawn at its predicted position when the prediction is known.
public struct PendingPoint: Sendable, Equatable {
    /// Predicted cost.
    public var cost: Double
    /// Predicted score; nil draws the mark on the bottom edge.
    public var score: Double?

    /// Creates a pending point.
    public init(cost: Double, score: Double?) {
        self.cost = cost
        self.score = score
    }
}

/// Score against cost for a sweep: every successful run as a dot, the Pareto front as a highlighted staircase,
/// failures as `x` on the bottom edge at their cost, and pending runs as `+` at their predicted position.
public struct ScatterPlot: Sendable, Equatable {
    /// Successful runs.
    public var runs: [ParetoPoint]
    /// Costs of failed runs (non-finite ones are skipped).
    public var failureCosts: [Double]
    /// Runs in progress.
    public var pending: [PendingPoint]
    /// Higher scores are better (false: lower is better; the front is computed accordingly).
    public var higherIsBetter: Bool
    /// Cost on a log10 axis.
    public var logX: Bool
    /// Title above the plot.
    public var title: String?
    /// Horizontal axis label.
    public var xLabel: String
    /// Vertical axis label.
    public var yLabel: String
    /// Focus the score axis on the front: runs much worse than the cheapest front point (more than half the
    /// front's score span beyond it) are drawn on the bottom edge instead of stretching the axis.
    public var focusOnFront = false

    /// Creates a scatter plot.
    public init(
        runs: [ParetoPoint], failureCosts: [Double] = [], pending: [PendingPoint] = [], higherIsBetter: Bool = true,
        logX: Bool = true, title: String? = nil, xLabel: String = "cost", yLabel: String = "score"
    ) {
        self.runs = runs
        self.failureCosts = failureCosts
        self.pending = pending
        self.higherIsBetter = higherIsBetter
        self.logX = logX
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    /// The front of the runs under this plot's direction, sorted by cost.
    public var front: [ParetoPoint] {
        guard !higherIsBetter else { return Pareto.front(runs) }
        let flipped = runs.map { ParetoPoint(score: -$0.score, cost: $0.cost, index: $0.index) }
        return Pareto.front(flipped).map { ParetoPoint(score: -$0.score, cost: $0.cost, index: $0.index) }
    }

    /// The score limit beyond which runs are drawn on the edge (nil: no limit), when `focusOnFront` is set.
    public var focusLimit: Double? {
        guard focusOnFront else { return nil }
        let f = front
        guard let first = f.first, let last = f.last else { return nil }
        let span = abs(last.score - first.score)
        guard span > 0 else { return nil }
        let limit = higherIsBetter ? first.score - 0.5 * span : first.score + 0.5 * span
        let beyond = runs.contains { $0.isFinite && (higherIsBetter ? $0.score < limit : $0.score > limit) }
        return beyond ? limit : nil
    }

    /// Number of runs drawn on the edge because of `focusOnFront`.
    public var runsBeyondFocus: Int {
        guard let limit = focusLimit else { return 0 }
        return runs.filter { $0.isFinite && (higherIsBetter ? $0.score < limit : $0.score > limit) }.count
    }

    /// The chart this plot draws.
    public var chart: Chart {
        let f = front
        let limit = focusLimit
        let others = runs.filter { p in p.isFinite && !f.contains(p) }.map { p -> ParetoPoint in
            guard let limit else { return p }
            return ParetoPoint(score: higherIsBetter ? max(p.score, limit) : min(p.score, limit), cost: p.cost, index: p.index)
        }
        let frontPoints = f.map { ChartPoint(x: $0.cost, y: $0.score) }
        var series = [
            ChartSeries(name: "runs", kind: .dots, points: others.map { ChartPoint(x: $0.cost, y: $0.score) },
                        color: .blue),
            ChartSeries(name: nil, kind: .steps(extendToEnd: true), points: frontPoints, color: .red),
            ChartSeries(name: "front", kind: .markers("o"), points: frontPoints, color: .red),
        ]
        let failed = failureCosts.filter(\.isFinite)
        if !failed.isEmpty {
            series.append(ChartSeries(name: "failed", kind: .markers("x"),
                                      points: failed.map { ChartPoint(x: $0, y: nil) }, color: .gray))
        }
        let pend = pending.filter { $0.cost.isFinite && ($0.score?.isFinite ?? true) }
        if !pend.isEmpty {
            series.append(ChartSeries(name: "pending", kind: .markers("+"),
                                      points: pend.map { ChartPoint(x: $0.cost, y: $0.score) }, color: .green))
        }
        var yRange: ClosedRange<Double>?
        if let limit {
            let scores = runs.filter(\.isFinite).map(\.score) + pend.compactMap(\.score)
            if let lo = scores.min(), let hi = scores.max() {
                yRange = higherIsBetter ? limit...max(hi, limit) : min(lo, limit)...limit
            }
        }
        return Chart(title: title, xLabel: xLabel, yLabel: yLabel, logX: logX, yRange: yRange, series: series)
    }

    /// Terminal rendering.
    public func text(_ style: PlotStyle) -> String { chart.text(style) }

    /// Standalone SVG: one `<circle>` per drawn successful run (front runs ringed).
    public func svg(width: Int = 720, height: Int = 480) -> String { chart.svg(width: width, height: height) }
}
