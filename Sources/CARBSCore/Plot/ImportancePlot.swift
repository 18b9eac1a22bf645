/// A parameter's relevance (e.g. inverse GP length scale, or a sensitivity) for the importance plot.
public struct Relevance: Sendable, Equatable {
    /// Parameter name.
    public var name: String
    /// Relevance; larger is more important. Non-finite values are skipped; negative values draw empty bars.
    public var value: Double

    /// Creates a relevance entry.
    public init(name: String, value: Double) {
        self.name = name
        self.value = value
    }
}

/// Horizontal bars of parameter relevance, largest first (ties by name).
public struct ImportancePlot: Sendable, Equatable {
    /// The entries, in any order.
    public var items: [Relevance]
    /// Title above the bars.
    public var title: String?

    /// Creates an importance plot.
    public init(items: [Relevance], title: String? = nil) {
        self.items = items
        self.title = title
    }

    /// The finite entries, sorted by decreasing relevance, then name.
    public var sorted: [Relevance] {
        items.filter(\.value.isFinite).sorted { $0.value != $1.value ? $0.value > $1.value : $0.name < $1.name }
    }

    /// Terminal rendering: one bar per row (at most `style.rows` rows, the last saying how many were left out).
    /// Braille mode uses eighth-block characters for fractional bars, ASCII mode `#`.
    public func text(_ style: PlotStyle) -> String {
        let width = max(16, style.columns)
        let all = sorted
        let head = title == nil ? 0 : 1
        let capacity = max(1, max(2, style.rows) - head)
        let shown = all.count <= capacity ? all : Array(all.prefix(capacity - 1))
        let rows = head + max(1, shown.count + (shown.count < all.count ? 1 : 0))
        var out = TextGrid(width: width, height: rows)
        if let title { out.writeCentered(String(title.prefix(width)), center: width / 2, 0) }
        if all.isEmpty { out.write("(no parameters)", 0, head) }
        let labels = shown.map { NumberText.compact($0.value) }
        let nameWidth = min(shown.map(\.name.count).max() ?? 0, width / 3)
        let valueWidth = labels.map(\.count).max() ?? 0
        let barWidth = max(1, width - nameWidth - valueWidth - 3)
        let top = max(0, shown.map(\.value).max() ?? 0)
        let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        for (i, item) in shown.enumerated() {
            let row = head + i
            let name = String(item.name.prefix(nameWidth))
            out.write(name, nameWidth - name.count, row)
            let frac = top > 0 ? min(1, max(0, item.value / top)) : 0
            let perCell = style.mode == .braille ? 8 : 1
            let units = Int((frac * Double(barWidth * perCell)).rounded())
            let full = units / perCell, part = units % perCell
            let color = PlotColor.cycle[0]
            for c in 0..<full { out.put(nameWidth + 1 + c, row, style.mode == .braille ? "█" : "#", color) }
            if style.mode == .braille, part > 0 { out.put(nameWidth + 1 + full, row, eighths[part - 1], color) }
            let used = full + (style.mode == .braille && part > 0 ? 1 : 0)
            out.write(labels[i], nameWidth + 2 + used, row)
        }
        if shown.count < all.count { out.write("… \(all.count - shown.count) more", 0, head + shown.count) }
        return out.render(color: style.color)
    }

    /// Standalone SVG: one `<rect class="bar">` per entry.
    public func svg(width: Int = 640, rowHeight: Int = 24) -> String {
        let all = sorted
        let head = title == nil ? 10.0 : 36.0
        let rh = Double(max(12, rowHeight))
        let w = Double(max(200, width))
        let height = head + Double(max(1, all.count)) * rh + 10
        let nameWidth = min(Double(all.map(\.name.count).max() ?? 0) * 7 + 12, w / 3)
        let barMax = max(10, w - nameWidth - 70)
        let top = max(0, all.map(\.value).max() ?? 0)
        var body = ""
        if let title { body += SVG.text(title, x: w / 2, y: 22, size: 14, extra: " font-weight=\"bold\"") }
        for (i, item) in all.enumerated() {
            let y = head + Double(i) * rh
            let frac = top > 0 ? min(1, max(0, item.value / top)) : 0
            body += SVG.text(item.name, x: nameWidth - 6, y: y + rh * 0.65, anchor: "end")
            body += "<rect class=\"bar\" x=\"\(SVG.n(nameWidth))\" y=\"\(SVG.n(y + 3))\" "
                + "width=\"\(SVG.n(frac * barMax))\" height=\"\(SVG.n(rh - 6))\" fill=\"\(PlotColor.blue.svg)\"/>\n"
            body += SVG.text(NumberText.compact(item.value), x: nameWidth + frac * barMax + 5, y: y + rh * 0.65,
                             anchor: "start")
        }
        return SVG.document(width: Int(w), height: Int(height.rounded(.up)), body: body)
    }
}
