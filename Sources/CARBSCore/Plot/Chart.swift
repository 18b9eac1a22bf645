/// One point of a chart series. A nil `y` means "no value": the point is drawn on the bottom edge (failures).
public struct ChartPoint: Sendable, Equatable {
    /// Horizontal coordinate (data units).
    public var x: Double
    /// Vertical coordinate (data units), or nil for a mark on the bottom edge.
    public var y: Double?

    /// Creates a point.
    public init(x: Double, y: Double?) {
        self.x = x
        self.y = y
    }
}

/// A named set of points and how to draw them.
public struct ChartSeries: Sendable, Equatable {
    /// How a series is drawn.
    public enum Kind: Sendable, Equatable {
        /// Single dots (braille dots / ASCII `.`; small circles in SVG).
        case dots
        /// Straight segments between successive points.
        case line
        /// A staircase: from each point horizontally to the next point's x, then vertically to its y. With
        /// `extendToEnd`, the last level continues to the right edge of the plot.
        case steps(extendToEnd: Bool)
        /// A whole-cell glyph at each point. In SVG `o` is a ringed circle, `x` a cross and anything else a diamond.
        case markers(Character)
    }

    /// Legend text; unnamed series get no legend entry.
    public var name: String?
    /// Drawing style.
    public var kind: Kind
    /// The data.
    public var points: [ChartPoint]
    /// Colour (terminal colour only when the style asks for it).
    public var color: PlotColor
    /// ASCII-mode character for lines, to tell series apart without colour (nil: `-`, `|`, `/`, `\`).
    public var glyph: Character?

    /// Creates a series.
    public init(name: String?, kind: Kind, points: [ChartPoint], color: PlotColor = .none, glyph: Character? = nil) {
        self.name = name
        self.kind = kind
        self.points = points
        self.color = color
        self.glyph = glyph
    }
}

/// A 2-D chart with axes, ticks, labels, legend and title, rendered to the terminal (`text`) or to SVG (`svg`).
///
/// All the plot kinds build one or more of these.
public struct Chart: Sendable, Equatable {
    /// Title above the plot.
    public var title: String?
    /// Label of the horizontal axis.
    public var xLabel: String?
    /// Label of the vertical axis.
    public var yLabel: String?
    /// Log10 horizontal axis (values ≤ 0 are skipped).
    public var logX: Bool
    /// Log10 vertical axis (values ≤ 0 are skipped).
    public var logY: Bool
    /// Fixed horizontal range instead of fitting the data.
    public var xRange: ClosedRange<Double>?
    /// Fixed vertical range instead of fitting the data.
    public var yRange: ClosedRange<Double>?
    /// Drawn in order: later series are drawn over earlier ones.
    public var series: [ChartSeries]

    /// Creates a chart.
    public init(
        title: String? = nil, xLabel: String? = nil, yLabel: String? = nil, logX: Bool = false, logY: Bool = false,
        xRange: ClosedRange<Double>? = nil, yRange: ClosedRange<Double>? = nil, series: [ChartSeries]
    ) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.logX = logX
        self.logY = logY
        self.xRange = xRange
        self.yRange = yRange
        self.series = series
    }

    /// Fits the horizontal axis to the data.
    func xScale(targetTicks: Int) -> AxisScale {
        AxisScale(values: series.flatMap { $0.points.map(\.x) }, log: logX, targetTicks: targetTicks, range: xRange)
    }

    /// Fits the vertical axis to the data (bottom-edge points do not count).
    func yScale(targetTicks: Int) -> AxisScale {
        AxisScale(values: series.flatMap { $0.points.compactMap(\.y) }, log: logY, targetTicks: targetTicks,
                  range: yRange)
    }
}
