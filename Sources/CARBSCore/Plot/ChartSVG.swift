extension Chart {
    /// The chart as a standalone SVG document of `width` × `height` pixels.
    public func svg(width: Int = 720, height: Int = 480) -> String {
        SVG.document(width: width, height: height,
                     body: svgGroup(x: 0, y: 0, width: Double(max(1, width)), height: Double(max(1, height)), id: "p0"))
    }

    /// The chart drawn inside the rectangle (x, y, width, height) as a `<g>` element; `id` keeps clip paths unique.
    func svgGroup(x x0: Double, y y0: Double, width: Double, height: Double, id: String) -> String {
        let named = series.filter { $0.name != nil && !$0.points.isEmpty }
        let top = y0 + (title != nil ? 30 : 12)
        let bottom = y0 + height - 30 - (xLabel != nil ? 16 : 0) - (named.isEmpty ? 0 : 20)
        let left = x0 + (yLabel != nil ? 66 : 52), right = x0 + width - 16
        let pw = max(1, right - left), ph = max(1, bottom - top)
        let xs = xScale(targetTicks: max(2, Int(pw / 80))), ys = yScale(targetTicks: max(2, Int(ph / 40)))
        // Data are drawn inset from the frame so that points on the edges stay whole.
        let inset = min(6, pw / 10, ph / 10)
        let dl = left + inset, dw = pw - 2 * inset, db = bottom - inset, dh = ph - 2 * inset
        var out = "<g>\n"
        out += "<clipPath id=\"\(id)-clip\"><rect x=\"\(SVG.n(left - 6))\" y=\"\(SVG.n(top - 6))\" "
            + "width=\"\(SVG.n(pw + 12))\" height=\"\(SVG.n(ph + 12))\"/></clipPath>\n"
        if let title {
            out += SVG.text(title, x: x0 + width / 2, y: y0 + 20, size: 14, extra: " font-weight=\"bold\"")
        }
        // Grid, ticks and tick labels.
        for v in xs.ticks {
            guard let t = xs.position(v), t >= -1e-9, t <= 1 + 1e-9 else { continue }
            let px = dl + t * dw
            out += "<line x1=\"\(SVG.n(px))\" y1=\"\(SVG.n(top))\" x2=\"\(SVG.n(px))\" y2=\"\(SVG.n(bottom + 4))\" "
                + "stroke=\"#e4e4e4\"/>\n"
            out += SVG.text(xs.label(v), x: px, y: bottom + 17)
        }
        for v in ys.ticks {
            guard let t = ys.position(v), t >= -1e-9, t <= 1 + 1e-9 else { continue }
            let py = db - t * dh
            out += "<line x1=\"\(SVG.n(left - 4))\" y1=\"\(SVG.n(py))\" x2=\"\(SVG.n(right))\" y2=\"\(SVG.n(py))\" "
                + "stroke=\"#e4e4e4\"/>\n"
            out += SVG.text(ys.label(v), x: left - 7, y: py + 4, anchor: "end")
        }
        out += "<rect x=\"\(SVG.n(left))\" y=\"\(SVG.n(top))\" width=\"\(SVG.n(pw))\" height=\"\(SVG.n(ph))\" "
            + "fill=\"none\" stroke=\"#444444\"/>\n"
        if let xLabel { out += SVG.text(xLabel, x: left + pw / 2, y: bottom + 33, size: 12) }
        if let yLabel {
            let cx = x0 + 14, cy = top + ph / 2
            out += SVG.text(yLabel, x: cx, y: cy, size: 12,
                            extra: " transform=\"rotate(-90 \(SVG.n(cx)) \(SVG.n(cy)))\"")
        }

        // Data, clipped to the plot area.
        func pixel(_ p: ChartPoint, clamp: Bool) -> (Double, Double)? {
            guard let tx = xs.position(p.x) else { return nil }
            var ty: Double?
            if let y = p.y {
                guard let t = ys.position(y) else { return nil }
                ty = t
            }
            let eps = 1e-9
            if !clamp, tx < -eps || tx > 1 + eps || (ty.map { $0 < -eps || $0 > 1 + eps } ?? false) { return nil }
            let cx = min(1, max(0, tx))
            guard let yy = ty else { return (dl + cx * dw, db) }
            return (dl + cx * dw, db - min(1, max(0, yy)) * dh)
        }
        out += "<g clip-path=\"url(#\(id)-clip)\">\n"
        for s in series {
            let color = s.color.svg
            switch s.kind {
            case .dots:
                for p in s.points {
                    guard let (px, py) = pixel(p, clamp: false) else { continue }
                    out += "<circle cx=\"\(SVG.n(px))\" cy=\"\(SVG.n(py))\" r=\"3\" fill=\"\(color)\" "
                        + "fill-opacity=\"0.7\"/>\n"
                }
            case .markers(let g):
                for p in s.points {
                    guard let (px, py) = pixel(p, clamp: false) else { continue }
                    out += Chart.svgMarker(g, px, py, color)
                }
            case .line, .steps:
                var ps = s.points.compactMap { pixel($0, clamp: true) }
                var d = ""
                if case .steps(let extend) = s.kind {
                    if extend, let last = ps.last { ps.append((right, last.1)) }
                    for (i, p) in ps.enumerated() {
                        d += i == 0 ? "M\(SVG.n(p.0)) \(SVG.n(p.1))"
                            : " H\(SVG.n(p.0)) V\(SVG.n(p.1))"
                    }
                } else {
                    for (i, p) in ps.enumerated() { d += (i == 0 ? "M" : " L") + "\(SVG.n(p.0)) \(SVG.n(p.1))" }
                }
                if !d.isEmpty {
                    out += "<path d=\"\(d)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" "
                        + "stroke-linejoin=\"round\"/>\n"
                }
            }
        }
        out += "</g>\n"

        // Legend under the axis labels.
        if !named.isEmpty {
            var lx = left
            let ly = y0 + height - 12
            for s in named {
                let name = s.name ?? ""
                let color = s.color.svg
                switch s.kind {
                case .dots:
                    out += "<rect x=\"\(SVG.n(lx + 5))\" y=\"\(SVG.n(ly - 7))\" width=\"6\" height=\"6\" "
                        + "fill=\"\(color)\"/>\n"
                case .line, .steps:
                    out += "<path d=\"M\(SVG.n(lx)) \(SVG.n(ly - 4)) H\(SVG.n(lx + 16))\" stroke=\"\(color)\" "
                        + "stroke-width=\"2\"/>\n"
                case .markers("o"):
                    // A round rect, so that circles in the document are data points only.
                    out += "<rect x=\"\(SVG.n(lx + 3.5))\" y=\"\(SVG.n(ly - 8.5))\" width=\"9\" height=\"9\" rx=\"4.5\" "
                        + "fill=\"\(color)\" stroke=\"#000000\"/>\n"
                case .markers(let g):
                    out += Chart.svgMarker(g, lx + 8, ly - 4, color, legend: true)
                }
                out += SVG.text(name, x: lx + 21, y: ly, anchor: "start")
                lx += 30 + Double(name.count) * 7
            }
        }
        out += "</g>\n"
        return out
    }

    /// An SVG marker: `o` a ringed circle, `x` a cross, anything else a diamond.
    static func svgMarker(_ g: Character, _ x: Double, _ y: Double, _ color: String, legend: Bool = false) -> String {
        switch g {
        case "o":
            return "<circle cx=\"\(SVG.n(x))\" cy=\"\(SVG.n(y))\" r=\"4.5\" fill=\"\(color)\" stroke=\"#000000\" "
                + "stroke-width=\"1\"/>\n"
        case "x":
            let a = 4.0
            return "<path d=\"M\(SVG.n(x - a)) \(SVG.n(y - a)) L\(SVG.n(x + a)) \(SVG.n(y + a)) M\(SVG.n(x - a)) "
                + "\(SVG.n(y + a)) L\(SVG.n(x + a)) \(SVG.n(y - a))\" stroke=\"\(color)\" stroke-width=\"1.8\"/>\n"
        default:
            let a = 5.0
            let fill = legend ? color : "none"
            return "<path d=\"M\(SVG.n(x)) \(SVG.n(y - a)) L\(SVG.n(x + a)) \(SVG.n(y)) L\(SVG.n(x)) \(SVG.n(y + a)) "
                + "L\(SVG.n(x - a)) \(SVG.n(y)) Z\" fill=\"\(fill)\" stroke=\"\(color)\" stroke-width=\"1.5\"/>\n"
        }
    }
}
