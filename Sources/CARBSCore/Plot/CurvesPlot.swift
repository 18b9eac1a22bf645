/// One point of a learning curve: a checkpoint (with its step) or a run's final result (no step).
public struct CurvePoint: Sendable, Equatable {
    /// Steps done at the checkpoint; nil for the final result, whose step is not recorded.
    public var step: Double?
    /// Score at that point.
    public var score: Double
    /// Cumulative cost at that point.
    public var cost: Double

    /// Creates a point.
    public init(step: Double?, score: Double, cost: Double) {
        self.step = step
        self.score = score
        self.cost = cost
    }
}

/// One run's learning curve: its checkpoints in step order, then its result.
public struct RunCurve: Sendable, Equatable {
    /// How the run ended, or that it has not.
    public enum State: String, Sendable, CaseIterable {
        /// Finished with a result.
        case finished
        /// Ended early (`"stopped":true`).
        case stopped
        /// Still running (pending): checkpoints but no result yet.
        case running
        /// Failed (no score).
        case failed
    }

    /// The checkpoints (progress records), in step order.
    public var checkpoints: [CurvePoint]
    /// The final result, when the run has a score.
    public var result: CurvePoint?
    /// How the run ended.
    public var state: State

    /// Creates a curve.
    public init(checkpoints: [CurvePoint], result: CurvePoint? = nil, state: State = .finished) {
        self.checkpoints = checkpoints
        self.result = result
        self.state = state
    }

    /// The checkpoints, then the result when it differs from the last checkpoint (in score or cost), in time order.
    public var points: [CurvePoint] {
        guard let r = result else { return checkpoints }
        if let last = checkpoints.last, last.score == r.score, last.cost == r.cost { return checkpoints }
        return checkpoints + [r]
    }
}

/// Learning curves of a sweep: each run's score against its cumulative cost (log axis) or its step (linear), as a
/// polyline through its checkpoints and result. In the cost view the score-versus-cost front of every point
/// (checkpoints and results) is drawn over them as a staircase with `o` on its members; stopped runs end in `x`,
/// running ones in `>`, failed ones in `!`. Runs with a single point (a result without progress records) are dots.
public struct CurvesPlot: Sendable, Equatable {
    /// The horizontal axis.
    public enum XAxis: String, Sendable, CaseIterable {
        /// Cumulative cost, log10 axis, with the front.
        case cost
        /// Step, linear axis, without front (result points, which have no step, are left out).
        case step
    }

    /// The runs, in log order.
    public var curves: [RunCurve]
    /// Cost or step.
    public var x: XAxis
    /// Higher scores are better (false: lower is better; the front is computed accordingly).
    public var higherIsBetter: Bool
    /// Title above the plot; nil: `defaultTitle`.
    public var title: String?
    /// Name of the score (vertical axis label, and the title).
    public var scoreKey: String
    /// Name of the cost (horizontal axis label in the cost view, and the title).
    public var costKey: String

    /// Creates a curves plot.
    public init(curves: [RunCurve], x: XAxis = .cost, higherIsBetter: Bool = true, title: String? = nil,
                scoreKey: String = "score", costKey: String = "cost") {
        self.curves = curves
        self.x = x
        self.higherIsBetter = higherIsBetter
        self.title = title
        self.scoreKey = scoreKey
        self.costKey = costKey
    }

    /// The points of a curve that this view can place: finite score, and a positive finite cost (cost view) or a
    /// finite step (step view).
    public func drawnPoints(_ curve: RunCurve) -> [ChartPoint] {
        switch x {
        case .cost:
            return curve.points.filter { $0.score.isFinite && $0.cost.isFinite && $0.cost > 0 }
                .map { ChartPoint(x: $0.cost, y: $0.score) }
        case .step:
            return curve.points.compactMap { p in
                guard let s = p.step, s.isFinite, p.score.isFinite else { return nil }
                return ChartPoint(x: s, y: p.score)
            }
        }
    }

    /// Every point the front is taken over (checkpoints and results of every run, cost view placement), as
    /// Pareto points whose `index` counts them in curve order.
    public var allPoints: [ParetoPoint] {
        var out: [ParetoPoint] = []
        for c in curves {
            for p in c.points where p.score.isFinite && p.cost.isFinite && p.cost > 0 {
                out.append(ParetoPoint(score: p.score, cost: p.cost, index: out.count))
            }
        }
        return out
    }

    /// The score-versus-cost front of every point under this plot's direction, sorted by cost (empty in the step
    /// view).
    public var front: [ParetoPoint] {
        guard x == .cost else { return [] }
        let points = allPoints
        guard !higherIsBetter else { return Pareto.front(points) }
        let flipped = points.map { ParetoPoint(score: -$0.score, cost: $0.cost, index: $0.index) }
        return Pareto.front(flipped).map { ParetoPoint(score: -$0.score, cost: $0.cost, index: $0.index) }
    }

    /// Curves with at least one point in this view.
    public var drawnCount: Int { curves.filter { !drawnPoints($0).isEmpty }.count }

    /// Drawn curves in the given state.
    public func drawnCount(_ state: RunCurve.State) -> Int {
        curves.filter { $0.state == state && !drawnPoints($0).isEmpty }.count
    }

    /// Whether any run reported progress.
    public var hasProgress: Bool { curves.contains { !$0.checkpoints.isEmpty } }

    /// Why nothing is drawn (no scored runs or progress records, or in the step view no progress records); nil
    /// when something is.
    public var emptyReason: String? {
        guard drawnCount == 0 else { return nil }
        return x == .cost ? "no scored runs or progress records" : "no progress records"
    }

    /// "score vs cost: N runs, K stopped, front of M", with the running runs when there are any, and a note when
    /// there is nothing to draw or no progress records.
    public var defaultTitle: String {
        let axis = x == .cost ? costKey : "step"
        if let emptyReason { return "\(scoreKey) vs \(axis): \(emptyReason)" }
        let n = drawnCount
        var parts = ["\(n) run\(n == 1 ? "" : "s")", "\(drawnCount(.stopped)) stopped"]
        let running = drawnCount(.running)
        if running > 0 { parts.append("\(running) running") }
        if x == .cost { parts.append("front of \(front.count)") }
        return "\(scoreKey) vs \(axis): " + parts.joined(separator: ", ") + (hasProgress ? "" : " (no progress records)")
    }

    /// Colours handed out to successive curves (red is the front's).
    static let curveColors: [PlotColor] = [.blue, .orange, .magenta, .cyan]

    /// The glyph and colour marking the last point of a run in each state but `finished`.
    public static let endMarkers: [(state: RunCurve.State, glyph: Character, color: PlotColor)] = [
        (.stopped, "x", .none), (.running, ">", .green), (.failed, "!", .gray),
    ]

    /// The chart this plot draws: the curves (polylines; ASCII `.`), single points (dots), the front (staircase and
    /// `o`) over them, and on top the end markers of stopped (`x`), running (`>`) and failed (`!`) runs (a marker
    /// hides a front `o` at the same place; the staircase still shows the front there).
    public var chart: Chart {
        var lines: [ChartSeries] = []
        var singles: [ChartPoint] = []
        var ends: [RunCurve.State: [ChartPoint]] = [:]
        var k = 0
        for c in curves {
            let pts = drawnPoints(c)
            guard let last = pts.last else { continue }
            if pts.count == 1 {
                singles.append(last)
            } else {
                lines.append(ChartSeries(name: lines.isEmpty ? "runs" : nil, kind: .line, points: pts,
                                         color: Self.curveColors[k % Self.curveColors.count], glyph: "."))
                k += 1
            }
            if c.state != .finished { ends[c.state, default: []].append(last) }
        }
        var series = lines
        if !singles.isEmpty {
            series.append(ChartSeries(name: lines.isEmpty ? "runs" : "points", kind: .dots, points: singles,
                                      color: .blue))
        }
        if x == .cost {
            let f = front.map { ChartPoint(x: $0.cost, y: $0.score) }
            series.append(ChartSeries(name: nil, kind: .steps(extendToEnd: true), points: f, color: .red))
            series.append(ChartSeries(name: "front", kind: .markers("o"), points: f, color: .red))
        }
        for (state, glyph, color) in Self.endMarkers {
            guard let pts = ends[state], !pts.isEmpty else { continue }
            series.append(ChartSeries(name: state.rawValue, kind: .markers(glyph), points: pts, color: color))
        }
        return Chart(title: title ?? defaultTitle, xLabel: x == .cost ? "cumulative \(costKey)" : "step",
                     yLabel: scoreKey, logX: x == .cost, series: series)
    }

    /// Terminal rendering.
    public func text(_ style: PlotStyle) -> String { chart.text(style) }

    /// Standalone SVG: one `<path>` polyline per curve of two or more points.
    public func svg(width: Int = 720, height: Int = 480) -> String { chart.svg(width: width, height: height) }
}
