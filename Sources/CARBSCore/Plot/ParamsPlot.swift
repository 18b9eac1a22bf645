/// The values one parameter took, one per trial, in trial order.
public struct ParamTrace: Sendable, Equatable {
    /// Parameter name (panel title).
    public var name: String
    /// Value at each trial; non-finite values are skipped.
    public var values: [Double]
    /// The parameter lives in log space: its value axis is log10.
    public var log: Bool

    /// Creates a trace.
    public init(name: String, values: [Double], log: Bool) {
        self.name = name
        self.values = values
        self.log = log
    }
}

/// One small panel per parameter, tiled to fit the width: each parameter's value over the trials (drift) or the
/// score against the parameter's value.
public struct ParamsPlot: Sendable, Equatable {
    /// What each panel shows.
    public enum Mode: String, Sendable, CaseIterable {
        /// Value (vertical) against trial number (horizontal).
        case drift
        /// Score (vertical) against value (horizontal).
        case score
    }

    /// The parameters, one panel each, in this order.
    public var params: [ParamTrace]
    /// Score of each trial (needed for `.score`; pairs with a non-finite member are skipped).
    public var scores: [Double]
    /// Drift or score panels.
    public var mode: Mode
    /// Narrowest panel, in columns, when tiling the terminal width.
    public var minPanelColumns: Int
    /// Title above the panels.
    public var title: String?

    /// Creates a params plot.
    public init(params: [ParamTrace], scores: [Double] = [], mode: Mode = .drift, minPanelColumns: Int = 36,
                title: String? = nil) {
        self.params = params
        self.scores = scores
        self.mode = mode
        self.minPanelColumns = minPanelColumns
        self.title = title
    }

    /// One chart per parameter.
    public var charts: [Chart] {
        params.map { p in
            switch mode {
            case .drift:
                let pts = p.values.enumerated().map { ChartPoint(x: Double($0.offset + 1), y: $0.element) }
                    .filter { ($0.y ?? .nan).isFinite }
                return Chart(title: p.name, xLabel: "trial", logY: p.log,
                             series: [ChartSeries(name: nil, kind: .dots, points: pts, color: .blue)])
            case .score:
                let pts = zip(p.values, scores).filter { $0.0.isFinite && $0.1.isFinite }
                    .map { ChartPoint(x: $0.0, y: $0.1) }
                return Chart(title: p.name, yLabel: "score", logX: p.log,
                             series: [ChartSeries(name: nil, kind: .dots, points: pts, color: .blue)])
            }
        }
    }

    /// Panels per row for a total width.
    func panelsPerRow(_ columns: Int) -> Int {
        max(1, min(max(1, params.count), columns / max(16, minPanelColumns)))
    }

    /// Terminal rendering: `style.columns` is the total width and `style.rows` the height of one panel row.
    public func text(_ style: PlotStyle) -> String {
        let width = max(16, style.columns), panelRows = max(6, style.rows)
        let perRow = panelsPerRow(width)
        let panelWidth = width / perRow
        let charts = self.charts
        let gridRows = (charts.count + perRow - 1) / perRow
        let head = title == nil ? 0 : 1
        var out = TextGrid(width: width, height: head + max(1, gridRows) * panelRows)
        if let title { out.writeCentered(String(title.prefix(width)), center: width / 2, 0) }
        if charts.isEmpty { out.write("(no parameters)", 0, head) }
        for (i, chart) in charts.enumerated() {
            let g = chart.grid(columns: panelWidth - 1, rows: panelRows, mode: style.mode)
            out.blit(g, (i % perRow) * panelWidth, head + (i / perRow) * panelRows)
        }
        return out.render(color: style.color)
    }

    /// Standalone SVG with `columns` panels per row, each `panelWidth` × `panelHeight` pixels.
    public func svg(panelWidth: Int = 320, panelHeight: Int = 220, columns: Int = 3) -> String {
        let charts = self.charts
        let perRow = max(1, min(columns, max(1, charts.count)))
        let gridRows = max(1, (charts.count + perRow - 1) / perRow)
        let head = title == nil ? 0 : 30
        let pw = max(120, panelWidth), ph = max(100, panelHeight)
        var body = ""
        if let title {
            body += SVG.text(title, x: Double(pw * perRow) / 2, y: 20, size: 14, extra: " font-weight=\"bold\"")
        }
        for (i, chart) in charts.enumerated() {
            body += chart.svgGroup(x: Double((i % perRow) * pw), y: Double(head + (i / perRow) * ph),
                                   width: Double(pw), height: Double(ph), id: "p\(i)")
        }
        return SVG.document(width: pw * perRow, height: head + gridRows * ph, body: body)
    }
}
