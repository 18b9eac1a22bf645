import CARBSCore

/// Plots of median HV against trials, one per problem, a curve per strategy (the Plot module's `HistoryPlot`):
/// ASCII text for BENCHMARKS.md (its glyphs tell the curves apart; monochrome braille cannot) and an SVG file under the results directory.
enum HVPlots {
    static func render(quality: QualityResults, directory: String) -> [String: (text: String, svgPath: String)] {
        var out: [String: (text: String, svgPath: String)] = [:]
        for p in quality.problems {
            var series: [HistorySeries] = []
            for s in quality.strategies(p) {
                guard let cell = quality.cells[p]?[s] else { continue }
                let points = cell.hvSeries()
                guard !points.isEmpty else { continue }
                series.append(HistorySeries(name: s, x: points.map { Double($0.t) }, y: points.map(\.median)))
            }
            guard !series.isEmpty else { continue }
            let plot = HistoryPlot(series: series, steps: false, yRange: 0...1,
                                   title: "\(p): median hv_norm_fixed over seeds", xLabel: "trials", yLabel: "HV")
            let file = "hv-\(p).svg"
            do {
                try Files.writeFile(plot.svg(width: 720, height: 420), to: "\(directory)/\(file)")
            } catch {
                say("cannot write \(directory)/\(file): \(error)")
                continue
            }
            out[p] = (plot.text(PlotStyle(columns: 78, rows: 22, mode: .ascii, color: false)), "\(directory)/\(file)")
        }
        return out
    }
}
