extension Chart {
    /// The chart as terminal text of exactly `style.rows` lines (trailing blanks trimmed) and at most
    /// `style.columns` columns.
    public func text(_ style: PlotStyle) -> String {
        grid(columns: style.columns, rows: style.rows, mode: style.mode).render(color: style.color)
    }

    /// Renders into a grid of the given size (the building block of tiled panels).
    func grid(columns: Int, rows: Int, mode: CanvasMode) -> TextGrid {
        let width = max(16, columns), height = max(6, rows)
        var out = TextGrid(width: width, height: height)
        let legend = series.filter { !$0.points.isEmpty }.compactMap { s in s.name.map { (legendGlyph(s, mode), $0, s.color) } }

        // Optional rows, dropped (least important first) until the plot has at least two rows.
        var hasTitle = title != nil, hasYLabel = yLabel != nil, hasXLabel = xLabel != nil
        var hasLegend = !legend.isEmpty
        func plotRows() -> Int {
            height - 2 - [hasTitle, hasYLabel, hasXLabel, hasLegend].filter { $0 }.count
        }
        if plotRows() < 2 { hasLegend = false }
        if plotRows() < 2 { hasYLabel = false }
        if plotRows() < 2 { hasXLabel = false }
        if plotRows() < 2 { hasTitle = false }
        let rowsForPlot = max(1, plotRows())
        let top = (hasTitle ? 1 : 0) + (hasYLabel ? 1 : 0)

        let dotsPerRow = mode == .braille ? 4 : 2, dotsPerColumn = mode == .braille ? 2 : 1
        // Fewer ticks until every tick gets its own row.
        var yTarget = max(2, rowsForPlot / 2 + 1)
        var ys = yScale(targetTicks: yTarget)
        while yTarget > 2, Chart.tickRows(ys, rowsForPlot * dotsPerRow, dotsPerRow).contains(where: { $0 == nil }) {
            yTarget -= 1
            ys = yScale(targetTicks: yTarget)
        }
        let yLabels = ys.ticks.map { ys.label($0) }
        let labelWidth = min(max(1, yLabels.map(\.count).max() ?? 1), width / 3)
        let plotLeft = labelWidth + 1
        let plotColumns = max(1, width - plotLeft - 1)
        // Fewer ticks until every label fits without touching its neighbours.
        var xTarget = max(2, plotColumns / 10)
        var xs = xScale(targetTicks: xTarget)
        while xTarget > 2,
              Chart.tickLabelStarts(xs, plotColumns * dotsPerColumn, dotsPerColumn, plotLeft, width)
                .contains(where: { $0 == nil }) {
            xTarget -= 1
            xs = xScale(targetTicks: xTarget)
        }

        var canvas = DotCanvas(columns: plotColumns, rows: rowsForPlot, mode: mode)
        draw(on: &canvas, xs: xs, ys: ys)
        out.blit(canvas.grid(), plotLeft, top)

        // Vertical axis with tick marks and right-aligned labels.
        let braille = mode == .braille
        for row in 0..<rowsForPlot { out.put(labelWidth, top + row, braille ? "│" : "|") }
        for (row, label) in zip(Chart.tickRows(ys, canvas.dotHeight, canvas.dotsPerRow), yLabels) {
            guard let row else { continue }
            let text = String(label.prefix(labelWidth))
            out.write(text, labelWidth - text.count, top + row)
            out.put(labelWidth, top + row, braille ? "┤" : "+")
        }

        // Horizontal axis, ticks and centred labels that do not overlap.
        let axisRow = top + rowsForPlot
        out.put(labelWidth, axisRow, braille ? "└" : "+")
        for col in 0..<plotColumns { out.put(plotLeft + col, axisRow, braille ? "─" : "-") }
        let starts = Chart.tickLabelStarts(xs, canvas.dotWidth, canvas.dotsPerColumn, plotLeft, width)
        for (v, placed) in zip(xs.ticks, starts) {
            guard let (col, start) = placed else { continue }
            out.put(col, axisRow, braille ? "┬" : "+")
            out.write(xs.label(v), start, axisRow + 1)
        }

        var row = 0
        if hasTitle, let title {
            out.writeCentered(String(title.prefix(width)), center: width / 2, row)
            row += 1
        }
        if hasYLabel, let yLabel { out.write(String(yLabel.prefix(width)), 0, row) }
        var bottom = axisRow + 2
        if hasXLabel, let xLabel {
            out.writeCentered(String(xLabel.prefix(width)), center: plotLeft + plotColumns / 2, bottom)
            bottom += 1
        }
        if hasLegend {
            var col = plotLeft
            for (glyph, name, color) in legend where col < width {
                out.write(glyph, col, bottom, color)
                out.write(" " + name, col + glyph.count, bottom)
                col += glyph.count + 1 + name.count + 3
            }
        }
        return out
    }

    /// The canvas row of each tick of a vertical axis; nil for a tick off the axis or on an already used row.
    static func tickRows(_ ys: AxisScale, _ dotHeight: Int, _ dotsPerRow: Int) -> [Int?] {
        var used = Set<Int>()
        return ys.ticks.map { v in
            guard let t = ys.position(v), t >= -1e-9, t <= 1 + 1e-9 else { return nil }
            let dot = Int(((1 - t) * Double(dotHeight - 1)).rounded())
            let row = min(dotHeight / dotsPerRow - 1, max(0, dot / dotsPerRow))
            return used.insert(row).inserted ? row : nil
        }
    }

    /// For each tick of a horizontal axis: its column and the first column of its label, or nil when the tick is
    /// off the axis or its label would touch the previous one.
    static func tickLabelStarts(_ xs: AxisScale, _ dotWidth: Int, _ dotsPerColumn: Int, _ plotLeft: Int,
                                _ width: Int) -> [(Int, Int)?] {
        var lastEnd = -1
        return xs.ticks.map { v in
            guard let t = xs.position(v), t >= -1e-9, t <= 1 + 1e-9 else { return nil }
            let dot = Int((t * Double(dotWidth - 1)).rounded())
            let col = plotLeft + min(dotWidth / dotsPerColumn - 1, max(0, dot / dotsPerColumn))
            let n = xs.label(v).count
            let start = min(max(0, col - n / 2), width - n)
            guard start > lastEnd else { return nil }
            lastEnd = start + n
            return (col, start)
        }
    }

    private func legendGlyph(_ s: ChartSeries, _ mode: CanvasMode) -> String {
        switch s.kind {
        case .dots: return mode == .braille ? "⠶" : "."
        case .line, .steps:
            if mode == .ascii, let g = s.glyph { return String(repeating: g, count: 2) }
            return mode == .braille ? "──" : "--"
        case .markers(let g): return String(g)
        }
    }

    /// Draws every series onto the dot canvas.
    private func draw(on canvas: inout DotCanvas, xs: AxisScale, ys: AxisScale) {
        let w = Double(canvas.dotWidth - 1), h = Double(canvas.dotHeight - 1)
        /// Dot coordinates of a point; nil when it cannot be placed or (unless clamped) lies off the axes.
        func dot(_ p: ChartPoint, clamp: Bool) -> (Int, Int)? {
            guard let tx = xs.position(p.x) else { return nil }
            var ty = 0.0
            if let y = p.y {
                guard let t = ys.position(y) else { return nil }
                ty = t
            }
            let eps = 1e-9
            if !clamp, tx < -eps || tx > 1 + eps || ty < -eps || ty > 1 + eps { return nil }
            let cx = min(1, max(0, tx)), cy = min(1, max(0, ty))
            return (Int((cx * w).rounded()), Int(((1 - cy) * h).rounded()))
        }
        for s in series {
            switch s.kind {
            case .dots:
                for p in s.points { if let (x, y) = dot(p, clamp: false) { canvas.setDot(x, y, s.color) } }
            case .markers(let g):
                for p in s.points { if let (x, y) = dot(p, clamp: false) { canvas.marker(x, y, g, s.color) } }
            case .line:
                let ds = s.points.compactMap { dot($0, clamp: true) }
                if ds.count == 1 { canvas.line(ds[0].0, ds[0].1, ds[0].0, ds[0].1, s.color, glyph: s.glyph) }
                for i in ds.indices.dropFirst() {
                    canvas.line(ds[i - 1].0, ds[i - 1].1, ds[i].0, ds[i].1, s.color, glyph: s.glyph)
                }
            case .steps(let extend):
                var ds = s.points.compactMap { dot($0, clamp: true) }
                if extend, let last = ds.last { ds.append((canvas.dotWidth - 1, last.1)) }
                if ds.count == 1 { canvas.line(ds[0].0, ds[0].1, ds[0].0, ds[0].1, s.color, glyph: s.glyph) }
                for i in ds.indices.dropFirst() {
                    let (x0, y0) = ds[i - 1], (x1, y1) = ds[i]
                    canvas.line(x0, y0, x1, y0, s.color, glyph: s.glyph)
                    if y1 != y0 { canvas.line(x1, y0, x1, y1, s.color, glyph: s.glyph) }
                }
            }
        }
    }
}
