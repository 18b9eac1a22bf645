/// One named curve of a history plot.
public struct HistorySeries: Sendable, Equatable {
    /// Legend name.
    public var name: String
    /// Horizontal values (trial number, cumulative cost…).
    public var x: [Double]
    /// Vertical values; pairs with a non-finite member are skipped.
    public var y: [Double]

    /// A curve from explicit coordinates (for example the median normalized hypervolume per trial).
    public init(name: String, x: [Double], y: [Double]) {
        self.name = name
        self.x = x
        self.y = y
    }

    /// The best score so far after each trial, against the trial number (1, 2, …) or, when `costs` is given,
    /// against the cumulative cost. Non-finite scores (failures) keep the previous best but still add their cost;
    /// trials before the first finite score are skipped.
    public static func bestSoFar(name: String, scores: [Double], costs: [Double]? = nil,
                                 higherIsBetter: Bool = true) -> HistorySeries {
        var xs: [Double] = [], ys: [Double] = []
        var best: Double?
        var total = 0.0
        for (i, s) in scores.enumerated() {
            if let costs, i < costs.count, costs[i].isFinite { total += costs[i] }
            if s.isFinite, best.map({ higherIsBetter ? s > $0 : s < $0 }) ?? true { best = s }
            guard let b = best else { continue }
            xs.append(costs == nil ? Double(i + 1) : total)
            ys.append(b)
        }
        return HistorySeries(name: name, x: xs, y: ys)
    }
}

/// Curves over time: best score so far against trials or cumulative cost, one or several named series.
public struct HistoryPlot: Sendable, Equatable {
    /// The curves, drawn in order with the colours of `PlotColor.cycle`.
    public var series: [HistorySeries]
    /// Draw staircases (right for best-so-far curves) instead of straight segments.
    public var steps: Bool
    /// Log10 horizontal axis (for cumulative cost).
    public var logX: Bool
    /// Log10 vertical axis.
    public var logY: Bool
    /// Fixed vertical range (e.g. 0...1 for normalized hypervolume).
    public var yRange: ClosedRange<Double>?
    /// Title above the plot.
    public var title: String?
    /// Horizontal axis label.
    public var xLabel: String
    /// Vertical axis label.
    public var yLabel: String

    /// Creates a history plot.
    public init(series: [HistorySeries], steps: Bool = true, logX: Bool = false, logY: Bool = false,
                yRange: ClosedRange<Double>? = nil, title: String? = nil, xLabel: String = "trial",
                yLabel: String = "best score") {
        self.series = series
        self.steps = steps
        self.logX = logX
        self.logY = logY
        self.yRange = yRange
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    /// The chart this plot draws. With several series, ASCII lines use `*`, `o`, `+`, `#`, `@`, `%`.
    public var chart: Chart {
        let glyphs: [Character] = ["*", "o", "+", "#", "@", "%"]
        let multi = series.count > 1
        let drawn = series.enumerated().map { i, s in
            let pts = zip(s.x, s.y).filter { $0.0.isFinite && $0.1.isFinite }.map { ChartPoint(x: $0.0, y: $0.1) }
            return ChartSeries(name: s.name, kind: steps ? .steps(extendToEnd: false) : .line, points: pts,
                               color: PlotColor.cycle[i % PlotColor.cycle.count],
                               glyph: multi ? glyphs[i % glyphs.count] : nil)
        }
        return Chart(title: title, xLabel: xLabel, yLabel: yLabel, logX: logX, logY: logY, yRange: yRange,
                     series: drawn)
    }

    /// Terminal rendering.
    public func text(_ style: PlotStyle) -> String { chart.text(style) }

    /// Standalone SVG.
    public func svg(width: Int = 720, height: Int = 480) -> String { chart.svg(width: width, height: height) }
}
